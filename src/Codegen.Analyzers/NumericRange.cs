using System;

namespace Codegen.Analyzers;

/// <summary>The bounds of a <c>[Range]</c>, with the bounds' text as the attribute wrote them.</summary>
internal sealed class NumericRange
{
    public NumericRange(double minimum, double maximum, string minimumText, string maximumText, bool minimumIsExclusive, bool maximumIsExclusive)
    {
        Minimum = minimum;
        Maximum = maximum;
        MinimumText = minimumText;
        MaximumText = maximumText;
        MinimumIsExclusive = minimumIsExclusive;
        MaximumIsExclusive = maximumIsExclusive;
    }

    public double Minimum { get; }
    public double Maximum { get; }
    public string MinimumText { get; }
    public string MaximumText { get; }
    public bool MinimumIsExclusive { get; }
    public bool MaximumIsExclusive { get; }

    /// <summary>False for NaN, which no range contains.</summary>
    public bool Contains(double value) =>
        (MinimumIsExclusive ? value > Minimum : value >= Minimum)
        && (MaximumIsExclusive ? value < Maximum : value <= Maximum);

    /// <summary>The rule in words, for the message: "between 0 and 2", "greater than 0 and at most 1".</summary>
    public string Describe()
    {
        if (!MinimumIsExclusive && !MaximumIsExclusive)
        {
            return "between " + MinimumText + " and " + MaximumText;
        }

        var lower = (MinimumIsExclusive ? "greater than " : "at least ") + MinimumText;
        var upper = (MaximumIsExclusive ? "less than " : "at most ") + MaximumText;
        return lower + " and " + upper;
    }

    /// <summary>
    /// The allowed value nearest to <paramref name="value"/> that a literal of <paramref name="kind"/>
    /// can spell, or null when there is none: for NaN (no nearest value), for an exclusive bound on a
    /// floating-point kind (the nearest representable value is not something anyone wants to read), and
    /// when the kind cannot hold any allowed value.
    /// </summary>
    public double? Clamp(double value, LiteralKind kind)
    {
        if (double.IsNaN(value) || Contains(value))
        {
            return null;
        }

        var belowRange = MinimumIsExclusive ? value <= Minimum : value < Minimum;
        var integral = kind.IsIntegral();
        double candidate;
        if (belowRange)
        {
            if (MinimumIsExclusive && !integral)
            {
                return null;
            }

            candidate = !integral ? Minimum
                : MinimumIsExclusive ? Math.Floor(Minimum) + 1
                : Math.Ceiling(Minimum);
        }
        else
        {
            if (MaximumIsExclusive && !integral)
            {
                return null;
            }

            candidate = !integral ? Maximum
                : MaximumIsExclusive ? Math.Ceiling(Maximum) - 1
                : Math.Floor(Maximum);
        }

        if (kind == LiteralKind.Float)
        {
            candidate = (float)candidate;
        }

        return Contains(candidate) && kind.CanHold(candidate) ? candidate : null;
    }
}
