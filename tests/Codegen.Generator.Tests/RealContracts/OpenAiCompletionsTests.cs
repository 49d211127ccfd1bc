using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests;

/// <summary>
/// The OpenAI legacy completions contract, converted from the provider's own specification: read from
/// the shared folder beside the repository (never copied in), skipped where it is absent.
/// </summary>
public class OpenAiCompletionsTests
{
    private const string Contract = "openai-completions/openai-completions.schema.json";
    private const string Ns = "OpenaiCompletions.";

    /// <summary>Consumer code that drives the builders and validation, called through reflection.</summary>
    private const string Usage = """
        #nullable enable
        using System;
        using OpenaiCompletions;
        public static class Probe
        {
            private static CreateCompletionRequest.Builder Builder() => CreateCompletionRequest.CreateBuilder("gpt-3.5-turbo-instruct", "Say this is a test");

            public static bool AcceptsN(int value) => Accepts(() => Builder().WithN(value));
            public static bool AcceptsLogprobs(int value) => Accepts(() => Builder().WithLogprobs(value));
            public static bool AcceptsBestOf(int value) => Accepts(() => Builder().WithBestOf(value));
            public static bool AcceptsFrequencyPenalty(double value) => Accepts(() => Builder().WithFrequencyPenalty(value));
            public static bool AcceptsPresencePenalty(double value) => Accepts(() => Builder().WithPresencePenalty(value));
            public static bool AcceptsStops(int count) => Accepts(() => Builder().WithStop(Stops(count)));

            public static int ViolationsWithN(int value) => (Builder().Build() with { N = value }).Validate().Count;
            public static int ViolationsWithStops(int count) => (Builder().Build() with { Stop = Stops(count) }).Validate().Count;
            public static int ViolationsWithPresencePenalty(double value) => (Builder().Build() with { PresencePenalty = value }).Validate().Count;

            public static long Seed(long value) => Builder().WithSeed(value).Build().Seed!.Value;

            private static StopConfiguration Stops(int count)
            {
                var stops = new string[count];
                for (var i = 0; i < count; i++) stops[i] = "stop" + i;
                return stops;
            }

            private static bool Accepts(Func<object> build)
            {
                try { build(); return true; }
                catch (ArgumentOutOfRangeException) { return false; }
            }
        }
        """;

    private static string ContractPath => Path.Combine(GeneratorHarness.SharedContractsDirectory, Contract);

    private static string ExamplesDirectory => Path.Combine(Path.GetDirectoryName(ContractPath)!, "examples");

    private static GeneratorRun Run(params string[] sources) =>
        GeneratorHarness.Run(new ContractInput(ContractPath, File.ReadAllText(ContractPath)), sources);

    [SharedContractFact(Contract)]
    public void EveryDefinitionCompilesWithoutWarningsOrNoise()
    {
        var run = Run(Usage);

        // No x-codegen is expected of a schema-only contract: CG0003 is Info, so nothing breaks a TreatWarningsAsErrors build.
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Equal(["CG0003"], run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        foreach (var name in new[] { "CreateCompletionRequest", "CreateCompletionResponse", "StopConfiguration", "ChatCompletionStreamOptions", "CompletionUsage" })
        {
            Assert.Contains(run.Sources, s => s.HintName.EndsWith("." + name + ".g.cs", StringComparison.Ordinal));
        }

        // Vendor extensions (x-oaiMeta, x-stainless-...) are ignored: nothing in the output mentions them.
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("x-oai", StringComparison.Ordinal) || s.SourceText.ToString().Contains("stainless", StringComparison.OrdinalIgnoreCase));
    }

    [SharedContractFact(Contract)]
    public void TypesAreFaithfulToTheSchema()
    {
        var run = Run();
        using var loaded = LoadedContract.Load(run);
        var request = loaded.Type(Ns + "CreateCompletionRequest");

        var prompt = request.GetProperty("Prompt")!;
        Assert.Equal(Ns + "CreateCompletionRequestPrompt", Nullable.GetUnderlyingType(prompt.PropertyType)?.FullName ?? prompt.PropertyType.FullName);
        Assert.Equal(
            ["TryGetIntegerArray", "TryGetIntegerArrayArray", "TryGetString", "TryGetStringArray"],
            loaded.Type(Ns + "CreateCompletionRequestPrompt").GetMethods().Select(m => m.Name).Where(n => n.StartsWith("TryGet", StringComparison.Ordinal)).Order().ToArray());
        // Integers without bounds that fit 32 bits are 64-bit: JSON Schema does not limit them.
        Assert.Equal(typeof(IReadOnlyList<IReadOnlyList<long>>).FullName, loaded.Type(Ns + "CreateCompletionRequestPrompt").GetMethod("TryGetIntegerArrayArray")!.GetParameters()[0].ParameterType.GetElementType()!.FullName);

        var stop = request.GetProperty("Stop")!;
        Assert.Equal(Ns + "StopConfiguration", Nullable.GetUnderlyingType(stop.PropertyType)?.FullName ?? stop.PropertyType.FullName);
        Assert.Equal(typeof(long?), request.GetProperty("Seed")!.PropertyType);
        Assert.Equal(typeof(long), loaded.Type(Ns + "CreateCompletionResponse").GetProperty("Created")!.PropertyType);

        var context = new NullabilityInfoContext();
        Assert.Equal(NullabilityState.Nullable, context.Create(prompt).ReadState);
        Assert.Equal(NullabilityState.Nullable, context.Create(stop).ReadState);
    }

    [SharedContractFact(Contract)]
    public void ExamplesRoundTripToEquivalentJson()
    {
        var run = Run();
        using var loaded = LoadedContract.Load(run);
        var examples = new (string File, string Type)[]
        {
            ("create-completion.request.json", "CreateCompletionRequest"),
            ("create-completion.stream.request.json", "CreateCompletionRequest"),
            ("create-completion.response.json", "CreateCompletionResponse"),
            ("completion-object.example.json", "CreateCompletionResponse"),
            ("create-completion.stream-chunk.json", "CreateCompletionResponse"),
        };

        foreach (var (file, type) in examples)
        {
            var json = File.ReadAllText(Path.Combine(ExamplesDirectory, file));
            var value = loaded.Deserialize(json, Ns + type);
            var written = loaded.Serialize(value);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"{file} came back as {written}");
        }
    }

    [SharedContractFact(Contract)]
    public void StreamChunkWithNullFinishReasonReadsAsAnEnumWithoutValue()
    {
        var run = Run();
        using var loaded = LoadedContract.Load(run);
        var json = File.ReadAllText(Path.Combine(ExamplesDirectory, "create-completion.stream-chunk.json"));

        var chunk = loaded.Deserialize(json, Ns + "CreateCompletionResponse");
        var choice = ((System.Collections.IEnumerable)chunk.GetType().GetProperty("Choices")!.GetValue(chunk)!).Cast<object>().Single();
        var finishReason = choice.GetType().GetProperty("FinishReason")!.GetValue(choice)!;

        Assert.False((bool)finishReason.GetType().GetProperty("HasValue")!.GetValue(finishReason)!);
        Assert.False((bool)finishReason.GetType().GetProperty("IsKnown")!.GetValue(finishReason)!);
        Assert.Contains("\"finish_reason\":null", loaded.Serialize(choice), StringComparison.Ordinal);

        // Lenient for a null only: a value of the wrong JSON type still fails.
        Assert.Throws<JsonException>(() => loaded.Deserialize(json.Replace("\"finish_reason\": null", "\"finish_reason\": 3"), Ns + "CreateCompletionResponse"));
    }

    [SharedContractFact(Contract)]
    public void TheSpecificationsInvalidChunkIsRejectedAsJson()
    {
        var text = File.ReadAllText(Path.Combine(ExamplesDirectory, "create-completion.stream-chunk.AS-IN-SPEC.invalid-json.txt"));
        using var loaded = LoadedContract.Load(Run());

        Assert.ThrowsAny<JsonException>(() => loaded.Deserialize(text, Ns + "CreateCompletionResponse"));
    }

    [SharedContractFact(Contract)]
    public void BuildersAndValidationEnforceTheRanges()
    {
        using var loaded = LoadedContract.Load(Run(Usage));
        var probe = loaded.Type("Probe");
        bool Accepts(string method, object value) => (bool)LoadedContract.Invoke(null, probe, method, value)!;
        int Violations(string method, object value) => (int)LoadedContract.Invoke(null, probe, method, value)!;

        Assert.Equal([false, true, true, false], new[] { 0, 1, 128, 129 }.Select(v => Accepts("AcceptsN", v)));
        Assert.Equal([false, true, true, false], new[] { -1, 0, 5, 6 }.Select(v => Accepts("AcceptsLogprobs", v)));
        Assert.Equal([false, true, true, false], new[] { -1, 0, 20, 21 }.Select(v => Accepts("AcceptsBestOf", v)));
        Assert.Equal([false, true, true, false], new[] { -2.01, -2, 2, 2.01 }.Select(v => Accepts("AcceptsFrequencyPenalty", v)));
        Assert.Equal([false, true, true, false], new[] { -2.01, -2, 2, 2.01 }.Select(v => Accepts("AcceptsPresencePenalty", v)));
        Assert.Equal([false, true, true, false], new[] { 0, 1, 4, 5 }.Select(v => Accepts("AcceptsStops", v)));

        Assert.Equal([1, 0, 0, 1], new[] { 0, 1, 128, 129 }.Select(v => Violations("ViolationsWithN", v)));
        Assert.Equal([0, 1], new[] { 4, 5 }.Select(v => Violations("ViolationsWithStops", v)));
        Assert.Equal([0, 1], new[] { 2.0, 2.5 }.Select(v => Violations("ViolationsWithPresencePenalty", v)));
        Assert.Equal(long.MaxValue, (long)LoadedContract.Invoke(null, probe, "Seed", long.MaxValue)!);
    }
}
