namespace Codegen.Runtime;

/// <summary>
/// A JSON number held exactly, as significand × 10^exponent. JSON Schema compares numbers by value:
/// 1 equals 1.0, 1.0 is an integer, and <c>multipleOf: 0.0001</c> accepts 0.0075. Binary doubles
/// promise none of that, so every rule compares these instead.
/// </summary>
/// <remarks>
/// The significand carries no trailing decimal zeros (100 is 1 × 10^2), so equal values have equal
/// fields and a number is an integer exactly when its exponent is not negative.
/// </remarks>
internal readonly struct CodegenNumber : global::System.IEquatable<CodegenNumber>, global::System.IComparable<CodegenNumber>
{
    /// <summary>Exponents beyond this are refused when read: no contract or payload means them, and they would cost arbitrary time.</summary>
    internal const int MaxExponent = 100_000;

    private static readonly global::System.Numerics.BigInteger Ten = new(10);

    private readonly global::System.Numerics.BigInteger _significand;
    private readonly int _exponent;

    private CodegenNumber(global::System.Numerics.BigInteger significand, int exponent, bool normalized)
    {
        if (normalized)
        {
            _significand = significand;
            _exponent = significand.IsZero ? 0 : exponent;
            return;
        }

        if (significand.IsZero)
        {
            _significand = global::System.Numerics.BigInteger.Zero;
            _exponent = 0;
            return;
        }

        while (significand % Ten == 0)
        {
            significand /= Ten;
            exponent++;
        }

        _significand = significand;
        _exponent = exponent;
    }

    public static CodegenNumber Zero => default;

    /// <summary>-1, 0 or 1.</summary>
    public int Sign => _significand.Sign;

    /// <summary>True for whole numbers, however they are written (1, 1.0, 1e2).</summary>
    public bool IsInteger => _exponent >= 0;

    public static CodegenNumber FromInt64(long value) => new(new global::System.Numerics.BigInteger(value), 0, normalized: false);

    public static CodegenNumber FromDecimal(decimal value) => Parse(value.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The shortest decimal that reads back as <paramref name="value"/>: 0.1 is 0.1, not 0.1000000000000000055...</summary>
    /// <exception cref="global::System.ArgumentOutOfRangeException">NaN and infinities, which JSON cannot write.</exception>
    public static CodegenNumber FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new global::System.ArgumentOutOfRangeException(nameof(value), "JSON has no number for NaN or infinity.");
        }

        return Parse(value.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Reads a number written as JSON writes numbers (also accepts a leading '+', as .NET formats exponents).</summary>
    /// <exception cref="global::System.FormatException">The text is not a number.</exception>
    public static CodegenNumber Parse(string text)
    {
        if (!TryParse(text, 0, text.Length, out var number))
        {
            throw new global::System.FormatException("'" + text + "' is not a JSON number.");
        }

        return number;
    }

    /// <summary>Reads the number in <paramref name="text"/>[start..start+length]: JSON's grammar, an optional leading '+' and an exponent of at most <see cref="MaxExponent"/>.</summary>
    public static bool TryParse(string text, int start, int length, out CodegenNumber number)
    {
        number = default;
        var i = start;
        var end = start + length;
        if (i >= end)
        {
            return false;
        }

        var negative = false;
        if (text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }

        var digitsStart = i;
        while (i < end && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        var integerDigits = i - digitsStart;
        if (integerDigits == 0)
        {
            return false;
        }

        var fractionStart = i;
        var fractionDigits = 0;
        if (i < end && text[i] == '.')
        {
            i++;
            fractionStart = i;
            while (i < end && text[i] is >= '0' and <= '9')
            {
                i++;
            }

            fractionDigits = i - fractionStart;
            if (fractionDigits == 0)
            {
                return false;
            }
        }

        long exponent = 0;
        if (i < end && text[i] is 'e' or 'E')
        {
            i++;
            var exponentNegative = false;
            if (i < end && text[i] is '-' or '+')
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            var exponentStart = i;
            while (i < end && text[i] is >= '0' and <= '9')
            {
                if (exponent <= MaxExponent * 10L)
                {
                    exponent = (exponent * 10) + (text[i] - '0');
                }

                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != end)
        {
            return false;
        }

        var totalDigits = integerDigits + fractionDigits;
        global::System.Numerics.BigInteger significand;
        if (totalDigits <= 18)
        {
            long value = 0;
            for (var k = digitsStart; k < digitsStart + integerDigits; k++)
            {
                value = (value * 10) + (text[k] - '0');
            }

            for (var k = fractionStart; k < fractionStart + fractionDigits; k++)
            {
                value = (value * 10) + (text[k] - '0');
            }

            var scaledSmall = exponent - fractionDigits;
            if (value == 0)
            {
                return true;
            }

            // The common case stays in 64-bit arithmetic: strip trailing zeros before touching BigInteger.
            while (value % 10 == 0)
            {
                value /= 10;
                scaledSmall++;
            }

            if (scaledSmall > MaxExponent || scaledSmall < -MaxExponent)
            {
                return false;
            }

            number = new CodegenNumber(new global::System.Numerics.BigInteger(negative ? -value : value), (int)scaledSmall, normalized: true);
            return true;
        }
        else
        {
            var digits = fractionDigits == 0
                ? text.Substring(digitsStart, integerDigits)
                : text.Substring(digitsStart, integerDigits) + text.Substring(fractionStart, fractionDigits);
            significand = global::System.Numerics.BigInteger.Parse(digits, global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture);
        }

        var scaled = exponent - fractionDigits;
        if (significand.IsZero)
        {
            return true;
        }

        // Trailing zeros fold into the exponent, so 1e-100001 written as 10e-100002 still reads; the limit is on the value.
        var trailing = 0;
        while (significand % Ten == 0)
        {
            significand /= Ten;
            trailing++;
        }

        scaled += trailing;
        if (scaled > MaxExponent || scaled < -MaxExponent)
        {
            return false;
        }

        number = new CodegenNumber(negative ? -significand : significand, (int)scaled, normalized: true);
        return true;
    }

    /// <summary>Whether this number divided by <paramref name="divisor"/> is an integer, computed exactly.</summary>
    /// <exception cref="global::System.ArgumentOutOfRangeException">The divisor is zero or negative (JSON Schema requires a positive multipleOf).</exception>
    public bool IsMultipleOf(CodegenNumber divisor)
    {
        if (divisor.Sign <= 0)
        {
            throw new global::System.ArgumentOutOfRangeException(nameof(divisor), "multipleOf must be greater than 0.");
        }

        if (_significand.IsZero)
        {
            return true;
        }

        if (_exponent < divisor._exponent)
        {
            // The quotient needs a factor of ten that this significand, having no trailing zeros, cannot supply.
            return false;
        }

        // this / divisor = (s / d) · 10^k with k >= 0: an integer exactly when d divides s · 10^k.
        var k = _exponent - divisor._exponent;
        var d = global::System.Numerics.BigInteger.Abs(divisor._significand);
        var powerMod = global::System.Numerics.BigInteger.ModPow(Ten, k, d);
        return (global::System.Numerics.BigInteger.Abs(_significand) % d * powerMod % d).IsZero;
    }

    public int CompareTo(CodegenNumber other)
    {
        var sign = Sign;
        if (sign != other.Sign)
        {
            return sign.CompareTo(other.Sign);
        }

        if (sign == 0)
        {
            return 0;
        }

        var magnitude = CompareMagnitude(this, other);
        return sign > 0 ? magnitude : -magnitude;
    }

    private static int CompareMagnitude(CodegenNumber left, CodegenNumber right)
    {
        var leftDigits = DigitCount(left._significand);
        var rightDigits = DigitCount(right._significand);
        var leftTop = (long)leftDigits + left._exponent;
        var rightTop = (long)rightDigits + right._exponent;
        if (leftTop != rightTop)
        {
            return leftTop.CompareTo(rightTop);
        }

        // Same order of magnitude: align the exponents; the shift is bounded by the digits written.
        var a = global::System.Numerics.BigInteger.Abs(left._significand);
        var b = global::System.Numerics.BigInteger.Abs(right._significand);
        if (left._exponent > right._exponent)
        {
            a *= global::System.Numerics.BigInteger.Pow(Ten, left._exponent - right._exponent);
        }
        else if (right._exponent > left._exponent)
        {
            b *= global::System.Numerics.BigInteger.Pow(Ten, right._exponent - left._exponent);
        }

        return a.CompareTo(b);
    }

    private static int DigitCount(global::System.Numerics.BigInteger value)
    {
        value = global::System.Numerics.BigInteger.Abs(value);
        if (value <= ulong.MaxValue)
        {
            var v = (ulong)value;
            var count = 1;
            while (v >= 10)
            {
                v /= 10;
                count++;
            }

            return count;
        }

        var estimate = (int)global::System.Math.Floor(global::System.Numerics.BigInteger.Log10(value)) + 1;
        if (global::System.Numerics.BigInteger.Pow(Ten, estimate - 1) > value)
        {
            return estimate - 1;
        }

        return global::System.Numerics.BigInteger.Pow(Ten, estimate) <= value ? estimate + 1 : estimate;
    }

    /// <summary>The value as a 64-bit integer, when it is a whole number in range.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (!IsInteger || _exponent > 19)
        {
            return false;
        }

        var whole = _significand * global::System.Numerics.BigInteger.Pow(Ten, _exponent);
        if (whole < long.MinValue || whole > long.MaxValue)
        {
            return false;
        }

        value = (long)whole;
        return true;
    }

    /// <summary>The nearest double; values beyond double's range become infinities.</summary>
    public double ToDouble()
    {
        try
        {
            return double.Parse(ToString(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (global::System.OverflowException)
        {
            // .NET Framework throws where .NET Core returns an infinity.
            return Sign < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }
    }

    /// <summary>The number as JSON text: plain digits for everyday magnitudes (0.0075, 44000), an exponent beyond them (1E+400).</summary>
    public override string ToString()
    {
        if (_significand.IsZero)
        {
            return "0";
        }

        var digits = global::System.Numerics.BigInteger.Abs(_significand).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        var sign = _significand.Sign < 0 ? "-" : string.Empty;
        if (_exponent >= 0 && digits.Length + _exponent <= 21)
        {
            return sign + digits + new string('0', _exponent);
        }

        if (_exponent < 0 && -_exponent < digits.Length)
        {
            var point = digits.Length + _exponent;
            return sign + digits.Substring(0, point) + "." + digits.Substring(point);
        }

        if (_exponent < 0 && digits.Length - _exponent <= 22)
        {
            return sign + "0." + new string('0', -_exponent - digits.Length) + digits;
        }

        var adjusted = (long)_exponent + digits.Length - 1;
        var mantissa = digits.Length == 1 ? digits : digits.Substring(0, 1) + "." + digits.Substring(1);
        return sign + mantissa + "E" + (adjusted < 0 ? "-" : "+") + global::System.Math.Abs(adjusted).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool Equals(CodegenNumber other) => _exponent == other._exponent && _significand.Equals(other._significand);

    public override bool Equals(object? obj) => obj is CodegenNumber other && Equals(other);

    public override int GetHashCode() => unchecked((_significand.GetHashCode() * 397) ^ _exponent);

    public static bool operator ==(CodegenNumber left, CodegenNumber right) => left.Equals(right);

    public static bool operator !=(CodegenNumber left, CodegenNumber right) => !left.Equals(right);

    public static bool operator <(CodegenNumber left, CodegenNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(CodegenNumber left, CodegenNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(CodegenNumber left, CodegenNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CodegenNumber left, CodegenNumber right) => left.CompareTo(right) >= 0;
}
