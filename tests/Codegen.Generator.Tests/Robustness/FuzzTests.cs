using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;
using ContractInput = Codegen.Testing.ContractInput;
using Codegen.Emitters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Codegen.Generator.Tests;

/// <summary>
/// Mutates valid contracts (delete, duplicate, retype and rename keys and values, truncate and
/// corrupt the text) with a seeded RNG and checks that the parser and emitters never throw and that
/// every mutant without an error diagnostic emits code that compiles. A failing mutant is written to
/// <c>Robustness/FuzzCorpus/</c>; commit it there and <see cref="CorpusReplaysCleanly"/> keeps it as a
/// regression test.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Fixed so that CI is reproducible; FUZZ_SEED explores elsewhere.</summary>
    private static readonly int Seed = FromEnvironment("FUZZ_SEED", 20261125);
    /// <summary>Sized for about 25 s on two cores; FUZZ_MUTANTS and FUZZ_COMPILED run a longer campaign.</summary>
    private static readonly int Mutants = FromEnvironment("FUZZ_MUTANTS", 1500);

    /// <summary>Distinct emitted contracts compiled per batch, each under its own namespace.</summary>
    private const int BatchSize = 40;

    /// <summary>Compiling is the expensive part; distinct outputs beyond this are only parsed and emitted.</summary>
    private static readonly int MaxCompiled = FromEnvironment("FUZZ_COMPILED", 30);

    private static readonly string CorpusDirectory = Path.Combine(GeneratorHarness.RepoRoot, "tests", "Codegen.Generator.Tests", "Robustness", "FuzzCorpus");

    private static readonly string[] AwkwardNames = ["", "class", "1st", "a-b", "with space", "größe", "Name", "NAME", "Validate", "Builder", "type", "$ref", "enum", "items", "allOf", "oneOf", "anyOf", "additionalProperties", "default", "minimum", "maximum", "minLength", "maxItems", "required", "properties", "definitions", "$defs", "x-codegen", "format", "nullable", "*/", "\"\"\""];

    private static readonly string[] Values =
    [
        "\"string\"", "0", "-1", "1.5", "1e308", "9223372036854775808", "true", "false", "null", "{}", "[]",
        "{\"type\":\"object\"}", "{\"type\":\"string\"}", "{\"type\":\"integer\",\"format\":\"int64\"}", "{\"type\":[\"string\",\"null\"]}",
        "{\"type\":\"array\",\"items\":{\"type\":\"number\"}}", "{\"$ref\":\"#/definitions/Nope\"}", "\"#/definitions/CompletionRequest\"",
        "[\"a\",\"b\",null]", "[1,2,3]", "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "{\"anyOf\":[{\"type\":\"null\"}]}",
        "{\"allOf\":[{\"type\":\"string\"}]}", "{\"enum\":[]}", "{\"additionalProperties\":{\"type\":\"string\"}}", "\"*/ namespace X { class Y {} } /*\"",
        "{\"properties\":{\"\":{\"type\":\"string\"}}}", "\"int64\"", "\"object\"", "\"array\"", "\"null\"", "[\"integer\",\"string\",\"null\"]",
    ];

    /// <summary>Contracts to mutate: the ModelsLab contract, the shapes contracts (<see cref="ShapeContracts"/>), and the OpenAI one where present.</summary>
    public static IEnumerable<string> Seeds()
    {
        yield return GeneratorHarness.ModelsLab().Text;
        yield return ShapesSeed;

        // The shapes that once broke the generated code (issue 9): maps and arrays at every position of objects with
        // many properties, definitions named like generated members and contract-wide types, boolean subschemas.
        yield return ShapeContracts.Positions("Fuzz.Positions", "Positions", kinds: 2).Contract;
        yield return ShapeContracts.Names("Union", "Fuzz.Names", "Names");
        yield return ShapeContracts.Booleans("Fuzz.Booleans", "Booleans").Contract;
        var openAi = Path.Combine(GeneratorHarness.SharedContractsDirectory, "openai-completions", "openai-completions.schema.json");
        if (File.Exists(openAi))
        {
            yield return File.ReadAllText(openAi);
        }
    }

    [Fact]
    public void MutatedContractsNeverThrowAndCompileWhenClean()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed);
        var seeds = Seeds().Select(s => JsonNode.Parse(s)!).ToList();
        var failures = new List<string>();
        var clean = new List<(int Index, string Text, ContractSpec Contract, IReadOnlyList<GeneratedFile> Files)>();
        var distinctOutputs = new HashSet<string>(StringComparer.Ordinal);
        var withErrors = 0;

        for (var i = 0; i < Mutants; i++)
        {
            var text = Mutate(seeds[random.Next(seeds.Count)], random);
            var result = ContractParser.Parse($"/fuzz/m{i}.schema.json", text);
            if (result.Diagnostics.Any(d => d.Id == ContractDiagnosticIds.InternalError))
            {
                failures.Add(Record(i, text, string.Join("; ", result.Diagnostics.Where(d => d.Id == ContractDiagnosticIds.InternalError).Select(d => d.Message))));
                continue;
            }

            if (result.Contract is null)
            {
                withErrors++;
                continue;
            }

            // Each mutant gets its own namespace so that many can share one compilation.
            var contract = result.Contract with { Namespace = "Fuzz.M" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            IReadOnlyList<GeneratedFile> files;
            try
            {
                files = ContractEmitter.Emit(contract);
            }
            catch (Exception ex)
            {
                failures.Add(Record(i, text, "emit threw " + ex));
                continue;
            }

            var key = string.Concat(files.Select(f => f.Text)).Replace(contract.Namespace, "Fuzz.M", StringComparison.Ordinal);
            if (distinctOutputs.Add(key) && clean.Count < MaxCompiled)
            {
                clean.Add((i, text, contract, files));
            }
        }

        var parsed = clock.Elapsed;
        foreach (var batch in clean.Chunk(BatchSize))
        {
            var trees = batch.SelectMany(m => m.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, GeneratorHarness.ParseOptions, path: $"m{m.Index}/{f.HintName}"))).ToList();
            var compilation = GeneratorHarness.CreateCompilation().AddSyntaxTrees(trees);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            foreach (var mutant in batch)
            {
                var own = errors.Where(e => e.Location.SourceTree?.FilePath.StartsWith($"m{mutant.Index}/", StringComparison.Ordinal) == true).Take(3).ToList();
                if (own.Count > 0)
                {
                    failures.Add(Record(mutant.Index, mutant.Text, "does not compile: " + string.Join("; ", own)));
                }
            }
        }

        // The real generator over several mutants at once: most share a namespace, so this exercises the
        // cross-contract plan (CG0011, unique hint names) as well as the pipeline's own error handling.
        var together = GeneratorHarness.Run(clean.Take(12).Select((m, n) => new ContractInput($"/fuzz/{n % 3}/m{m.Index % 2}.schema.json", m.Text)));
        if (together.GeneratorDiagnostics.FirstOrDefault(d => d.Id is "CG0099" or "CS8785") is { } crash)
        {
            failures.Add("several mutants in one generator run: " + crash);
        }
        else if (!together.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CG0011")
            && together.Output.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            failures.Add("several mutants in one generator run do not compile: " + error);
        }

        output.WriteLine($"{Mutants} mutants (seed {Seed}): {withErrors} rejected with error diagnostics, {distinctOutputs.Count} distinct clean outputs, {clean.Count} compiled; parse+emit {parsed.TotalSeconds:F1}s, total {clock.Elapsed.TotalSeconds:F1}s.");
        Assert.True(failures.Count == 0, $"{failures.Count} failing mutants (written to {CorpusDirectory}; commit them as regression tests):{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
    }

    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.Exists(CorpusDirectory) ? Directory.GetFiles(CorpusDirectory, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void CorpusReplaysCleanly(string file)
    {
        var path = Path.Combine(CorpusDirectory, file);
        var run = GeneratorHarness.Run(File.ReadAllText(path), path);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CG0099" or "CS8785");
        if (!run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        }
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    private static string Record(int index, string text, string reason)
    {
        Directory.CreateDirectory(CorpusDirectory);
        var name = $"fuzz-{Seed}-{index:D5}.json";
        File.WriteAllText(Path.Combine(CorpusDirectory, name), text);
        return $"{name}: {JsonDocumentMapExcerpt(reason)}";
    }

    private static string JsonDocumentMapExcerpt(string text) => text.Length <= 400 ? text : text.Substring(0, 400) + "…";

    private static string Mutate(JsonNode seed, Random random)
    {
        var root = seed.DeepClone();
        var count = 1 + random.Next(3);
        for (var m = 0; m < count; m++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var node = nodes[random.Next(nodes.Count)];
            var parent = node.Parent;
            switch (random.Next(5))
            {
                case 0 when parent is JsonObject obj: // delete a key
                    obj.Remove(node.GetPropertyName());
                    break;
                case 1 when parent is JsonObject obj: // duplicate a key under an awkward name, here or elsewhere
                    var target = nodes[random.Next(nodes.Count)] as JsonObject ?? obj;
                    target[AwkwardNames[random.Next(AwkwardNames.Length)]] = node.DeepClone();
                    break;
                case 2 when parent is JsonObject obj: // rename a key
                    var name = node.GetPropertyName();
                    var renamed = AwkwardNames[random.Next(AwkwardNames.Length)];
                    if (!obj.ContainsKey(renamed))
                    {
                        obj.Remove(name);
                        obj[renamed] = node;
                    }

                    break;
                case 3 when parent is JsonArray array: // delete or duplicate an item
                    var at = array.IndexOf(node);
                    if (random.Next(2) == 0)
                    {
                        array.RemoveAt(at);
                    }
                    else
                    {
                        array.Insert(at, node.DeepClone());
                    }

                    break;
                default: // retype a value
                    if (parent is JsonObject holder)
                    {
                        holder[node.GetPropertyName()] = JsonNode.Parse(Values[random.Next(Values.Length)]);
                    }
                    else if (parent is JsonArray list)
                    {
                        list[list.IndexOf(node)] = JsonNode.Parse(Values[random.Next(Values.Length)]);
                    }

                    break;
            }
        }

        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return random.Next(10) switch
        {
            0 => text.Substring(0, random.Next(text.Length)), // truncated
            1 => text.Insert(random.Next(text.Length), ((char)random.Next(32, 127)).ToString()), // one stray character
            _ => text,
        };
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        if (node.Parent is not null)
        {
            nodes.Add(node);
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    Collect(pair.Value, nodes);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, nodes);
                }

                break;
        }
    }

    private const string ShapesSeed = """
        {
          "x-codegen": { "namespace": "Fuzz.Shapes", "prefix": "Shapes" },
          "definitions": {
            "Node": { "type": "object", "required": ["value"], "properties": { "value": { "type": "integer", "minimum": 0, "maximum": 10, "default": 1 }, "children": { "type": "array", "items": { "$ref": "#/definitions/Node" }, "maxItems": 4 }, "parent": { "$ref": "#/definitions/Node" } } },
            "Ping": { "type": "object", "properties": { "pong": { "$ref": "#/definitions/Pong" } } },
            "Pong": { "type": "object", "properties": { "ping": { "$ref": "#/definitions/Ping" } } },
            "Bag": { "type": "object", "properties": { "tags": { "type": "object", "additionalProperties": { "type": "string" } } }, "additionalProperties": { "type": "integer" } },
            "Kind": { "type": "string", "enum": ["a", "b", "class"] },
            "Open": { "anyOf": [ { "type": "string", "enum": ["x", "y"] }, { "type": "string" } ] },
            "Choice": { "oneOf": [ { "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "integer" }, "minItems": 1 }, { "$ref": "#/definitions/Node" } ] },
            "Base": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string", "pattern": "^[a-z]+$" } } },
            "Derived": { "allOf": [ { "$ref": "#/definitions/Base" }, { "type": "object", "properties": { "extra": { "type": ["boolean", "null"] }, "kind": { "$ref": "#/definitions/Kind" }, "choice": { "anyOf": [ { "$ref": "#/definitions/Choice" }, { "type": "null" } ] } } } ] },
            "Numbers": { "type": "object", "properties": { "level": { "type": "integer", "enum": [1, 2, 3] }, "ratio": { "type": "number", "exclusiveMinimum": 0, "maximum": 1 }, "big": { "type": "integer", "format": "int64" } } }
          }
        }
        """;
}
