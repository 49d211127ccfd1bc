namespace Codegen.Contracts.Tests;

/// <summary>
/// The scan that finds a pointer in JSON text without reading the file (the build's guard uses it for the places it reports)
/// must give what the read document gives, for every value of real contracts, for pointers that are not there (the nearest
/// ancestor) and for text with CRLF line ends and a byte order mark.
/// </summary>
public sealed class JsonTextLocatorTests
{
    public static TheoryData<string> Contracts()
    {
        var data = new TheoryData<string> { RepoPaths.ModelsLabContract };
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Evolution", "Corpus"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(12))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_pointer_is_where_the_read_document_puts_it(string file)
    {
        var text = File.ReadAllText(file);
        foreach (var variant in new[] { text, "\uFEFF" + text.Replace("\r\n", "\n").Replace("\n", "\r\n"), text.Replace("\r\n", "\n").Replace("\n", " \r ") })
        {
            var document = ContractDocument.Load("contract.json", variant);
            var pointers = new List<string>();
            Collect(document.Root, string.Empty, pointers);
            Assert.True(pointers.Count > 20);
            foreach (var pointer in pointers)
            {
                foreach (var candidate in new[] { pointer, pointer + "/missing", pointer + "/0", pointer + "/7/x" })
                {
                    Assert.Equal(document.SpanOf(candidate), JsonTextLocator.SpanOf("contract.json", variant, candidate));
                }
            }
        }
    }

    [Fact]
    public void Escaped_member_names_are_left_to_the_document()
    {
        const string text = "{\"a\\u0062\": {\"c\": 1}}";
        Assert.Null(JsonTextLocator.SpanOf("x.json", text, "/ab/c"));

        // A string holding a quote and brackets is stepped over as one value.
        const string tricky = "{\"zz\": [1, {\"q\": \"a\\\"]}\"}, {\"r\": -1.5e3}]}";
        var document = ContractDocument.Load("x.json", tricky);
        foreach (var pointer in new[] { "/zz/1/q", "/zz/2/r", "/zz/2", "/zz/3" })
        {
            Assert.Equal(document.SpanOf(pointer), JsonTextLocator.SpanOf("x.json", tricky, pointer));
        }
    }

    private static void Collect(CodegenJson value, string pointer, List<string> pointers)
    {
        pointers.Add(pointer);
        if (value.Kind == CodegenJsonKind.Object)
        {
            foreach (var member in value.Members)
            {
                Collect(member.Value, JsonPointer.Append(pointer, member.Key), pointers);
            }
        }
        else if (value.Kind == CodegenJsonKind.Array)
        {
            for (var i = 0; i < value.Items.Count; i++)
            {
                Collect(value.Items[i], JsonPointer.Append(pointer, i), pointers);
            }
        }
    }
}
