using System;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Analyzers;

/// <summary>
/// How values appear in messages and code fixes: invariant culture, shortest round-trip text for
/// floating point ("R"), strings as C# literals.
/// </summary>
internal static class ConstantText
{
    private const int MaxShownStringLength = 60;

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A C# string literal; a long string is cut after 60 characters so the message stays readable.</summary>
    public static string String(string value)
    {
        var shown = value.Length <= MaxShownStringLength ? value : value.Substring(0, MaxShownStringLength) + "…";
        return SymbolDisplay.FormatLiteral(shown, quote: true);
    }

    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => String(s),
        _ => Number(value),
    };

    /// <summary>Whether the constant is a number the range rules apply to (not a bool, char or string).</summary>
    public static bool TryGetNumber(object? value, out double number)
    {
        switch (value)
        {
            case int v: number = v; return true;
            case long v: number = v; return true;
            case double v: number = v; return true;
            case float v: number = v; return true;
            case decimal v: number = (double)v; return true;
            case uint v: number = v; return true;
            case ulong v: number = v; return true;
            case short v: number = v; return true;
            case ushort v: number = v; return true;
            case byte v: number = v; return true;
            case sbyte v: number = v; return true;
            default: number = 0; return false;
        }
    }
}
