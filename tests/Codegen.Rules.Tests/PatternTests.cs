namespace Codegen.Rules.Tests;

/// <summary>ECMA-262 patterns (with the u flag) translated to .NET: the same strings match, and what is not ECMA-262 is refused with a reason.</summary>
public sealed class PatternTests
{
    [Theory]
    // ECMA's classes are ASCII where .NET's are Unicode-aware.
    [InlineData(@"^\d$", "7", true)]
    [InlineData(@"^\d$", "\u0663", false)]
    [InlineData(@"^\D$", "\u0663", true)]
    [InlineData(@"^\w$", "\u00E9", false)]
    [InlineData(@"^\W$", "\u00E9", true)]
    [InlineData(@"^[\w-]+$", "a-b_c", true)]
    [InlineData(@"\bcole", "\u00E9cole", true)]
    [InlineData(@"\Bcole", "\u00E9cole", false)]
    [InlineData(@"^\s$", "\u2003", true)]
    [InlineData(@"^\s$", "\uFEFF", true)]
    [InlineData(@"^\s$", "\u0085", false)]
    [InlineData(@"^\S$", "\u0085", true)]
    // $ is the very end; . stops at ECMA's line terminators and takes a whole code point.
    [InlineData(@"^abc$", "abc\n", false)]
    [InlineData(@"^abc$", "abc", true)]
    [InlineData(@"^.$", "\n", false)]
    [InlineData(@"^.$", "\u2028", false)]
    [InlineData(@"^.$", "\u0085", true)]
    [InlineData(@"^.$", "\U0001F432", true)]
    [InlineData(@"^..$", "\U0001F432", false)]
    [InlineData(@"^[^a]$", "\U0001F432", true)]
    [InlineData(@"^\P{L}$", "\U0001F432", true)]
    [InlineData(@"^\P{L}\P{L}$", "\U0001F432", false)]
    [InlineData(@"^\W\W$", "\U0001F432", false)]
    [InlineData("^\U0001F432*$", "\U0001F432\U0001F432", true)]
    [InlineData("^\U0001F432*$", "\uD83D\uDC32\uDC32", false)]
    [InlineData(@"^[\u{1F600}-\u{1F64F}]$", "\U0001F60A", true)]
    [InlineData(@"^[\u{1F600}-\u{1F64F}]$", "\U0001F650", false)]
    [InlineData(@"^[a\u{10000}-\u{10FFFF}]+$", "a\U0001F432\U0010FFFF", true)]
    [InlineData(@"^\uD83D\uDC32$", "\U0001F432", true)]
    // Searches, not whole-string matches.
    [InlineData("[a-z]+", "ab-c", true)]
    [InlineData("^[a-z]+$", "ab-c", false)]
    // Unicode properties by ECMA's names.
    [InlineData(@"^\p{Letter}cole$", "\u00E9cole", true)]
    [InlineData(@"^\p{L}+$", "\u0416\u00E9", true)]
    [InlineData(@"^\p{Lu}$", "a", false)]
    [InlineData(@"^\p{gc=Lu}$", "A", true)]
    [InlineData(@"^\p{General_Category=Uppercase_Letter}$", "A", true)]
    [InlineData(@"^\p{digit}+$", "42\u0663", true)]
    [InlineData(@"^\P{L}$", "1", true)]
    [InlineData(@"^\p{LC}$", "\u01C5", true)]
    [InlineData(@"^\P{LC}$", "\u02B0", true)]
    [InlineData(@"^[\p{L}\d]+$", "a1\u00E9", true)]
    [InlineData(@"^[^\p{L}]$", "1", true)]
    [InlineData(@"^[^\p{L}]$", "a", false)]
    [InlineData(@"^\p{ASCII}+$", "abc~", true)]
    [InlineData(@"^\p{ASCII}+$", "caf\u00E9", false)]
    [InlineData(@"^\p{AHex}+$", "0fA9", true)]
    [InlineData(@"^\p{Any}$", "\U0001F432", true)]
    // Escapes.
    [InlineData(@"^\cJ$", "\n", true)]
    [InlineData(@"^\cj$", "\n", true)]
    [InlineData(@"^\x41\u0042\u{43}$", "ABC", true)]
    [InlineData(@"^[\b]$", "\b", true)]
    [InlineData(@"^\0$", "\0", true)]
    [InlineData(@"^\t\n\v\f\r$", "\t\n\v\f\r", true)]
    [InlineData(@"^\/\.\*\+\?\(\)\[\]\{\}\|\^\$\\$", @"/.*+?()[]{}|^$\", true)]
    [InlineData(@"^[\-\]]+$", "-]", true)]
    [InlineData(@"^[#\s]$", " ", true)]
    [InlineData(@"^#$", "#", true)]
    [InlineData(@"^[-a]$", "-", true)]
    [InlineData(@"^[a-]$", "-", true)]
    [InlineData(@"^[]$", "a", false)]
    [InlineData(@"^[^]$", "a", true)]
    // Groups are numbered left to right, named or not; a group that has not matched matches the empty string.
    [InlineData(@"^(?<a>x)(y)\2$", "xyy", true)]
    [InlineData(@"^(?<year>\d{4})-\k<year>$", "2024-2024", true)]
    [InlineData(@"^(a)?\1b$", "b", true)]
    [InlineData(@"^\1(a)$", "a", true)]
    [InlineData(@"^(?:ab){2}$", "abab", true)]
    [InlineData(@"^a{2,}$", "aaa", true)]
    [InlineData(@"^a{1,2}?$", "aa", true)]
    [InlineData(@"(?<=\$)\d+", "$12", true)]
    [InlineData(@"(?<!\$)\b\d+", "$12", false)]
    [InlineData(@"^(?=.*\d)(?!.*\s).{8,}$", "abcdefg1", true)]
    [InlineData("^a|b$", "xb", true)]
    [InlineData("", "anything", true)]
    public void Translations_match_what_ECMA_262_matches(string pattern, string input, bool matches)
    {
        Assert.True(CodegenPattern.TryCreate(pattern, out var compiled, out var error), error);
        Assert.True(compiled.TryCompile(out var compileError), compileError + " in " + compiled.Translated);
        Assert.Equal(matches, compiled.IsMatch(input, out var timedOut));
        Assert.False(timedOut);
    }

    [Theory]
    [InlineData(@"\Aabc\z", @"'\A' is not an escape in ECMA-262 with the u flag (use '^' and '$' for the start and end)")]
    [InlineData(@"(?i)abc", "'(?' must begin (?:...), (?=...), (?!...), (?<=...), (?<!...) or (?<name>...)")]
    [InlineData(@"a{2,1}", "the quantifier's bounds are out of order")]
    [InlineData(@"a{", "a lone '{' must be escaped as '\\{'")]
    [InlineData(@"x}", "a lone '}' must be escaped as '\\}'")]
    [InlineData(@"x]", "a lone ']' must be escaped as '\\]'")]
    [InlineData(@"a**", "'*' has nothing to repeat")]
    [InlineData(@"+a", "'+' has nothing to repeat")]
    [InlineData(@"[z-a]", "the range 'z'-'a' is out of order")]
    [InlineData(@"[\d-z]", "a class escape such as \\d cannot bound a range")]
    [InlineData(@"(a)\2", "'\\2' refers to a group that does not exist (the pattern has 1)")]
    [InlineData(@"\k<x>", "'\\k<x>' refers to a group that does not exist")]
    [InlineData(@"(?<n>a)(?<n>b)", "the group name 'n' is used twice")]
    [InlineData(@"\p{Script=Greek}", "names a Unicode script, which .NET regular expressions cannot test")]
    [InlineData(@"\p{Emoji}", "is not a Unicode property this engine knows")]
    [InlineData(@"\p{letter}", "is not a Unicode property this engine knows")]
    [InlineData(@"a\-b", "'\\-' is not an escape")]
    [InlineData(@"\q", "'\\q' is not an escape")]
    [InlineData(@"(abc", "a group is not closed with ')'")]
    [InlineData(@"abc)", "')' closes no group")]
    [InlineData(@"[abc", "a character class is not closed with ']'")]
    [InlineData(@"(?=a)*", "a lookaround cannot be repeated")]
    [InlineData(@"^*", "'^' cannot be repeated")]
    [InlineData(@"\00", "octal escape")]
    [InlineData(@"\u{110000}", "at most 10FFFF")]
    [InlineData(@"\xZ1", "two hexadecimal digits")]
    [InlineData(@"\c1", "'\\c' must be followed by a letter")]
    [InlineData(@"abc\", "the pattern ends with a lone '\\'")]
    [InlineData(@"a{99999999999}", "a quantifier bound is larger than 2147483647")]
    public void What_is_not_ECMA_262_is_refused_with_a_reason(string pattern, string reason)
    {
        Assert.False(CodegenPattern.TryCreate(pattern, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("(at offset ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogates_are_code_points_of_their_own()
    {
        // Not in the theory: attribute strings cannot hold a lone surrogate.
        Assert.True(CodegenPattern.TryCreate(@"^.$", out var any, out _));
        Assert.True(any.IsMatch("\uD83D", out _));
        Assert.True(any.IsMatch("\uDC32", out _));
        Assert.False(any.IsMatch("\uDC32\uD83D", out _));
        Assert.True(CodegenPattern.TryCreate(@"^[^a]{2}$", out var two, out _));
        Assert.True(two.IsMatch("\uDC32\uD83D", out _));
        Assert.False(two.IsMatch("\uD83D\uDC32", out _));
    }

    [Fact]
    public void Patterns_are_shared_by_their_text_and_compiled_once()
    {
        Assert.True(CodegenPattern.TryCreate("^shared-[0-9]+$", out var first, out _));
        Assert.True(CodegenPattern.TryCreate("^shared-[0-9]+$", out var second, out _));
        Assert.Same(first, second);
        Assert.Equal("^shared-[0-9]+$", first.ToString());
    }

    [Fact]
    public void A_search_that_runs_out_of_time_reports_it_and_does_not_match()
    {
        var pattern = CodegenPattern.CreateUncached(@"^(\w+\s?)+$", TimeSpan.FromMilliseconds(20));
        Assert.False(pattern.IsMatch(new string('a', 40) + "!", out var timedOut));
        Assert.True(timedOut);
        Assert.True(pattern.IsMatch("quick words", out timedOut));
        Assert.False(timedOut);
    }

    [Fact]
    public void The_translation_spells_ECMA_semantics_out()
    {
        Assert.True(CodegenPattern.TryCreate(@"^\d+\w$", out var pattern, out _));
        Assert.Equal(@"^[0-9]+[0-9A-Z\u005Fa-z]\z", pattern.Translated);
    }
}
