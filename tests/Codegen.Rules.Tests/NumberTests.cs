namespace Codegen.Rules.Tests;

public sealed class NumberTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("100", "1e2")]
    [InlineData("0.0075", "75e-4")]
    [InlineData("-0", "0")]
    [InlineData("0.000", "0")]
    [InlineData("123456789012345678901234567890", "1.2345678901234567890123456789e29")]
    public void Equal_values_written_differently_are_equal(string left, string right)
    {
        var a = CodegenNumber.Parse(left);
        var b = CodegenNumber.Parse(right);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(0, a.CompareTo(b));
    }

    [Theory]
    [InlineData("1", "2", -1)]
    [InlineData("-1", "-2", 1)]
    [InlineData("0.1", "0.09999", 1)]
    [InlineData("1e400", "9e399", 1)]
    [InlineData("-1e400", "1", -1)]
    [InlineData("1.5", "1.50000000000000000000001", -1)]
    [InlineData("44000", "44001", -1)]
    [InlineData("12345678901234567890", "12345678901234567891", -1)]
    public void Numbers_compare_by_exact_value(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(CodegenNumber.Parse(left).CompareTo(CodegenNumber.Parse(right))));
        Assert.Equal(-expected, Math.Sign(CodegenNumber.Parse(right).CompareTo(CodegenNumber.Parse(left))));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.0", true)]
    [InlineData("1e2", true)]
    [InlineData("1.5e1", true)]
    [InlineData("1.5", false)]
    [InlineData("1e-1", false)]
    [InlineData("-7", true)]
    [InlineData("1e400", true)]
    public void Integers_are_recognised_by_value(string text, bool expected) =>
        Assert.Equal(expected, CodegenNumber.Parse(text).IsInteger);

    [Theory]
    [InlineData("0.0075", "0.0001", true)]
    [InlineData("0.00751", "0.0001", false)]
    [InlineData("10", "2", true)]
    [InlineData("7", "2", false)]
    [InlineData("4.5", "1.5", true)]
    [InlineData("35", "1.5", false)]
    [InlineData("0", "0.3", true)]
    [InlineData("1e308", "0.123456789", false)]
    [InlineData("19.99", "0.01", true)]
    [InlineData("-4", "2", true)]
    [InlineData("1e100000", "3", false)]
    [InlineData("1e100000", "5", true)]
    public void Multiples_are_exact(string value, string divisor, bool expected) =>
        Assert.Equal(expected, CodegenNumber.Parse(value).IsMultipleOf(CodegenNumber.Parse(divisor)));

    [Fact]
    public void A_divisor_of_zero_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CodegenNumber.Parse("1").IsMultipleOf(CodegenNumber.Zero));

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0075, "0.0075")]
    [InlineData(2.0, "2")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1E+21")]
    [InlineData(1e22, "1E+22")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void Doubles_become_their_shortest_decimal(double value, string expected) =>
        Assert.Equal(expected, CodegenNumber.FromDouble(value).ToString());

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_doubles_are_not_numbers(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CodegenNumber.FromDouble(value));

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("0x10")]
    [InlineData("1e100001")]
    [InlineData("1e-100001")]
    public void Malformed_or_unbounded_numbers_are_refused(string text) =>
        Assert.False(CodegenNumber.TryParse(text, 0, text.Length, out _));

    [Theory]
    [InlineData("9223372036854775807", true, long.MaxValue)]
    [InlineData("-9223372036854775808", true, long.MinValue)]
    [InlineData("9223372036854775808", false, 0L)]
    [InlineData("3e3", true, 3000L)]
    [InlineData("1.5", false, 0L)]
    public void Int64_conversion_is_exact(string text, bool fits, long expected)
    {
        Assert.Equal(fits, CodegenNumber.Parse(text).TryGetInt64(out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("-1e400", double.NegativeInfinity)]
    [InlineData("0.1", 0.1)]
    public void Doubles_come_back_nearest(string text, double expected) =>
        Assert.Equal(expected, CodegenNumber.Parse(text).ToDouble());
}
