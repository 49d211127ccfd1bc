namespace Codegen.Contracts.Tests;

/// <summary>
/// The fast YAML reader (<see cref="YamlBlockReader"/>) must read what it accepts exactly as SharpYaml does, value by
/// value and position by position (diagnostics point at those positions), and leave everything else to SharpYaml.
/// </summary>
public sealed class YamlReaderTests
{
    [SharedContractFact("openai-openapi/openapi.yaml")]
    public void OpenAIs_document_reads_as_SharpYaml_reads_it() =>
        AssertSameAsSharpYaml(File.ReadAllText(RepoPaths.SharedContract("openai-openapi/openapi.yaml")));

    [SharedContractFact("openai-openapi/history/openapi-2026-08-13-c6d5628.yaml")]
    public void OpenAIs_earlier_document_reads_as_SharpYaml_reads_it() =>
        AssertSameAsSharpYaml(File.ReadAllText(RepoPaths.SharedContract("openai-openapi/history/openapi-2026-08-13-c6d5628.yaml")));

    [Theory]
    [InlineData("a: plain text\nb: more\n")]
    [InlineData("a: first line\n  continues here\n\n  after a blank line\nb: 1\n")]
    [InlineData("a: text # a comment\n# a line comment\nb: 'it''s'\nc: \"tab\\tquote\\\" \\x41 \\u00e9 \\U0001F600 \\/ \\\\\"\n")]
    [InlineData("a: \"folded\n  over lines\n\n  with a blank\"\nb: 'single\n  folded'\n")]
    [InlineData("a: \"joined\\\n    without a space\"\nb: \"kept \\ \n  space\"\n")]
    [InlineData("a: |\n  literal\n    more indented\n\n  last\nb: >\n  folded\n  text\n\n  paragraph\n    indented\n  back\nc: x\n")]
    [InlineData("a: |-\n  strip\n\n\nb: |+\n  keep\n\n\nc: >-\n  x\nd: |2\n    two more\ne: >+\n  y\n")]
    [InlineData("a: |\n\n  leading blank\nb: |\n  only\n# comment after\nc: |\n  last in file")]
    [InlineData("list:\n- a\n- b: 1\n  c: 2\n-\n  - nested\n- \"q\"\nnext: 1\n")]
    [InlineData("seq:\n  - one\n  - two: [1, 2.5, x, \"y\", 'z', {k: v, \"j\":1}, []]\n    three: {}\n  -   spaced\nempty:\nalso: # comment\nlast: null\n")]
    [InlineData("numbers: [0x1F, 0o17, .5, -7, 1e3, +1, 1.]\nwords: [yes, No, TRUE, ~, Null, 1.2.3]\n\"quoted key\": 1\n'single key': 2\n200:\n  description: OK\n")]
    [InlineData("{\"a\": [1, 2], \"b\": {\"c\": null}}\n")]
    [InlineData("a:\n  b:\n    c:\n      - d: e\n        f: |\n          g\n      - h\n  i: j\nk: l")]
    [InlineData("items:\n-\n- x\n-\nafter:\n  -\n  - y\n")]
    [InlineData("url: http://example.com/a#b\ntime: 12:30\nref: '#/components/schemas/A'\ndash: -x\n")]
    public void What_the_fast_reader_accepts_it_reads_as_SharpYaml_does(string text) => AssertSameAsSharpYaml(text);

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("base: {a: 1}\nm:\n  <<: {b: 2}\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    [InlineData("a:\t1\n")]
    [InlineData("a: [1,\n  2]\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: .inf\n")]
    [InlineData("- root\n- sequence\n")]
    public void The_rest_is_left_to_SharpYaml(string text) =>
        Assert.Throws<NotSupportedException>(() => YamlBlockReader.Read(text, new CodegenJsonPositions()));

    private static void AssertSameAsSharpYaml(string text)
    {
        var expectedPositions = new CodegenJsonPositions();
        var expected = YamlDocumentReader.Read(text, expectedPositions);
        var actualPositions = new CodegenJsonPositions();
        var actual = YamlBlockReader.Read(text, actualPositions);
        AssertSame(expected, actual, string.Empty, expectedPositions, actualPositions);
    }

    private static void AssertSame(CodegenJson expected, CodegenJson actual, string pointer, CodegenJsonPositions expectedPositions, CodegenJsonPositions actualPositions)
    {
        Assert.True(expected.Kind == actual.Kind, $"{pointer}: {expected} read as {actual}");
        Assert.True(expectedPositions.TryGet(expected, out var want), pointer);
        Assert.True(actualPositions.TryGet(actual, out var got), pointer);
        Assert.True(
            (want.Start, want.End, want.NameStart, want.NameEnd) == (got.Start, got.End, got.NameStart, got.NameEnd),
            $"{pointer}: SharpYaml {(want.Start, want.End, want.NameStart, want.NameEnd)}, fast {(got.Start, got.End, got.NameStart, got.NameEnd)}");
        switch (expected.Kind)
        {
            case CodegenJsonKind.Array:
                Assert.Equal(expected.Items.Count, actual.Items.Count);
                for (var i = 0; i < expected.Items.Count; i++)
                {
                    AssertSame(expected.Items[i], actual.Items[i], pointer + "/" + i, expectedPositions, actualPositions);
                }

                break;
            case CodegenJsonKind.Object:
                Assert.Equal(expected.Members.Select(m => m.Key), actual.Members.Select(m => m.Key));
                for (var i = 0; i < expected.Members.Count; i++)
                {
                    AssertSame(expected.Members[i].Value, actual.Members[i].Value, pointer + "/" + expected.Members[i].Key, expectedPositions, actualPositions);
                }

                break;
            default:
                Assert.True(expected.Equals(actual), $"{pointer}: {expected} read as {actual}");
                break;
        }
    }
}
