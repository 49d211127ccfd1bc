using System;
using Codegen.Runtime;

namespace Codegen.Analyzers;

/// <summary>The numeric bounds of one schema, as the rules engine reads them, for finding the nearest allowed value.</summary>
internal sealed class NumericRange
{
    private NumericRange(double? minimum, bool minimumIsExclusive, double? maximum, bool maximumIsExclusive)
    {
        Minimum = minimum;
        MinimumIsExclusive = minimumIsExclusive;
        Maximum = maximum;
        MaximumIsExclusive = maximumIsExclusive;
    }

    public double? Minimum { get; }
    public bool MinimumIsExclusive { get; }
    public double? Maximum { get; }
    public bool MaximumIsExclusive { get; }

    /// <summary>The stricter of each pair of bounds of <paramref name="schema"/>.</summary>
    public static NumericRange Of(CodegenSchema schema)
    {
        var (minimum, minimumIsExclusive) = Stricter(schema.Minimum, schema.ExclusiveMinimum, lower: true);
        var (maximum, maximumIsExclusive) = Stricter(schema.Maximum, schema.ExclusiveMaximum, lower: false);
        return new NumericRange(minimum, minimumIsExclusive, maximum, maximumIsExclusive);
    }

    /// <summary>False for NaN, which no range contains.</summary>
    public bool Contains(double value) =>
        (Minimum is not { } min || (MinimumIsExclusive ? value > min : value >= min))
        && (Maximum is not { } max || (MaximumIsExclusive ? value < max : value <= max));

    /// <summary>
    /// The allowed value nearest to <paramref name="value"/> that a literal of <paramref name="kind"/> can spell, or
    /// null when there is none: for NaN (no nearest value), for an exclusive bound on a floating-point kind (the
    /// nearest representable value is not something anyone wants to read), and when the kind cannot hold any
    /// allowed value.
    /// </summary>
    public double? Clamp(double value, LiteralKind kind)
    {
        if (double.IsNaN(value) || Contains(value))
        {
            return null;
        }

        var integral = kind.IsIntegral();
        double candidate;
        if (Minimum is { } min && (MinimumIsExclusive ? value <= min : value < min))
        {
            if (MinimumIsExclusive && !integral)
            {
                return null;
            }

            candidate = !integral ? min : MinimumIsExclusive ? Math.Floor(min) + 1 : Math.Ceiling(min);
        }
        else if (Maximum is { } max)
        {
            if (MaximumIsExclusive && !integral)
            {
                return null;
            }

            candidate = !integral ? max : MaximumIsExclusive ? Math.Ceiling(max) - 1 : Math.Floor(max);
        }
        else
        {
            return null;
        }

        if (kind == LiteralKind.Float)
        {
            candidate = (float)candidate;
        }

        return Contains(candidate) && kind.CanHold(candidate) ? candidate : null;
    }

    private static (double? Bound, bool Exclusive) Stricter(CodegenNumber? inclusive, CodegenNumber? exclusive, bool lower)
    {
        if (inclusive is null)
        {
            return (exclusive?.ToDouble(), exclusive is not null);
        }

        if (exclusive is null)
        {
            return (inclusive.Value.ToDouble(), false);
        }

        var comparison = exclusive.Value.CompareTo(inclusive.Value);
        var exclusiveWins = lower ? comparison >= 0 : comparison <= 0;
        return exclusiveWins ? (exclusive.Value.ToDouble(), true) : (inclusive.Value.ToDouble(), false);
    }
}
