using System;
using Microsoft.CodeAnalysis;

namespace Codegen.Analyzers;

/// <summary>
/// The kind of literal a constant is spelled with; a code fix writes its replacement in the same kind. Travels from
/// the analyzer to the code fixes as a diagnostic property.
/// </summary>
internal enum LiteralKind
{
    Int,
    UInt,
    Long,
    ULong,
    Float,
    Double,
    Decimal,
    String,
    Boolean,
}

internal static class LiteralKindExtensions
{
    public static LiteralKind? FromType(ITypeSymbol? type) => type?.SpecialType switch
    {
        // Smaller integral types have no literal of their own: an int literal converts to them.
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int32 => LiteralKind.Int,
        SpecialType.System_UInt32 => LiteralKind.UInt,
        SpecialType.System_Int64 => LiteralKind.Long,
        SpecialType.System_UInt64 => LiteralKind.ULong,
        SpecialType.System_Single => LiteralKind.Float,
        SpecialType.System_Double => LiteralKind.Double,
        SpecialType.System_Decimal => LiteralKind.Decimal,
        SpecialType.System_String => LiteralKind.String,
        SpecialType.System_Boolean => LiteralKind.Boolean,
        _ => null,
    };

    public static bool IsNumber(this LiteralKind kind) => kind is not (LiteralKind.String or LiteralKind.Boolean);

    public static bool IsIntegral(this LiteralKind kind) =>
        kind is LiteralKind.Int or LiteralKind.UInt or LiteralKind.Long or LiteralKind.ULong;

    public static bool CanHold(this LiteralKind kind, double value) => kind switch
    {
        LiteralKind.Int => value >= int.MinValue && value <= int.MaxValue,
        LiteralKind.UInt => value >= uint.MinValue && value <= uint.MaxValue,
        LiteralKind.Long => value >= long.MinValue && value < 9.2233720368547758E18,
        LiteralKind.ULong => value >= 0 && value < 1.8446744073709552E19,
        LiteralKind.Float => !float.IsInfinity((float)value),
        LiteralKind.Decimal => value >= (double)decimal.MinValue && value <= (double)decimal.MaxValue,
        LiteralKind.Double => !double.IsInfinity(value) && !double.IsNaN(value),
        _ => false,
    };

    public static LiteralKind Parse(string text) => (LiteralKind)Enum.Parse(typeof(LiteralKind), text);
}
