using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.RegularExpressions;
using Codegen.Analyzers;
using Codegen.ContractServer;
using Codegen.Testing;
using Codegen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Conformance.Tests;

/// <summary>What one consumer decided about one test's data.</summary>
/// <param name="Valid">The consumer's verdict: the data is valid.</param>
/// <param name="Note">How it decided, where that is worth reading: the exception that refused the data, for example.</param>
public sealed record Verdict(bool Valid, string? Note = null);

/// <summary>One test through the generated code, the contract server and (for a constant) the analyzers' evaluation.</summary>
public sealed record TestOutcome(SuiteGroup Group, SuiteTest Test, Verdict? Generated, Verdict? Server, Verdict? Analyzer)
{
    public string Id => $"{Group.Id} / {Test.Description}";

    public bool GeneratedAgrees => Generated?.Valid == Test.Valid;

    public bool ServerAgrees => Server?.Valid == Test.Valid;
}

/// <summary>A group's contract as the generator took it: declined keywords (CG0010), refusals (errors) and compile errors.</summary>
public sealed record GroupOutcome(SuiteGroup Group, IReadOnlyList<string> Declined, IReadOnlyList<string> Refused, IReadOnlyList<string> CompileErrors, IReadOnlyList<TestOutcome> Tests)
{
    public bool IsDeclined => Declined.Count > 0;

    /// <summary>Generated, compiled and run: its tests have a verdict from the generated code.</summary>
    public bool IsRun => Group.SkipReason is null && Refused.Count == 0 && CompileErrors.Count == 0;
}

/// <summary>
/// Every group of the suite through the real source generator: a contract per folder (draft7, draft7/optional) with a
/// definition per group, each contract under its own namespace and prefix given as item metadata, in one driver run
/// and one compilation, loaded into a collectible context and driven by reflection; the same contract texts through
/// the contract server's request check; constants through the rules engine at the member's pointer of the generated
/// <c>{Prefix}SchemaAttribute</c>, which is what the analyzers evaluate. (A contract per group would compile the
/// 6,400 lines of the runtime once per group: 1.7 million lines, minutes instead of seconds.)
/// A group the generator refuses (an error) or whose code does not compile is reported and left out, and the rest
/// is generated again, so that one group cannot hide the others' figures.
/// </summary>
public sealed class ConformanceRun
{
    private static readonly Regex GroupPointer = new(@"/definitions/([A-Za-z]+[0-9]{2})[/""]", RegexOptions.CultureInvariant);

    private ConformanceRun(IReadOnlyList<GroupOutcome> groups, string timings)
    {
        Groups = groups;
        Timings = timings;
    }

    public IReadOnlyList<GroupOutcome> Groups { get; }

    public IEnumerable<TestOutcome> Tests => Groups.SelectMany(g => g.Tests);

    /// <summary>How long each step took and how often, for the test output (never asserted).</summary>
    public string Timings { get; }

    public static ConformanceRun Execute(IReadOnlyList<SuiteGroup> groups)
    {
        var clock = Stopwatch.StartNew();
        var folders = groups.Select(g => g.Folder).Distinct().Select((folder, i) => new SuiteContract(folder, i)).ToList();
        var refused = new Dictionary<SuiteGroup, List<string>>();
        var compileErrors = new Dictionary<SuiteGroup, List<string>>();
        var rounds = 0;
        while (true)
        {
            rounds++;
            var lines = new Dictionary<SuiteGroup, (int First, int Last)>();
            foreach (var contract in folders)
            {
                contract.Text = SuiteGroups.Contract(groups.Where(g => g.Folder == contract.Folder && g.SkipReason is null && !refused.ContainsKey(g) && !compileErrors.ContainsKey(g)), lines);
            }

            var driver = GeneratorHarness.CreateDriver(
                folders.Select(c => ((AdditionalText)new SuiteText(c.Path, c.Text), (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
                {
                    ["CodegenContract"] = "true",
                    ["CodegenNamespace"] = c.Namespace,
                    ["CodegenPrefix"] = c.Prefix,
                })),
                trackSteps: false);
            driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var output, out var diagnostics);
            foreach (var contract in folders)
            {
                contract.Diagnostics.Clear();
                foreach (var diagnostic in diagnostics.Where(d => d.Location.GetLineSpan().Path == contract.Path))
                {
                    var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                    var group = lines.Where(l => l.Key.Folder == contract.Folder && l.Value.First <= line && line <= l.Value.Last).Select(l => l.Key).FirstOrDefault();
                    if (group is null)
                    {
                        if (diagnostic.Severity == DiagnosticSeverity.Error)
                        {
                            throw new InvalidOperationException($"{contract.Folder}: the contract is refused outside any group: {diagnostic}");
                        }

                        continue;
                    }

                    (contract.Diagnostics.TryGetValue(group, out var list) ? list : contract.Diagnostics[group] = []).Add(diagnostic);
                }
            }

            var newlyRefused = folders.SelectMany(c => c.Diagnostics).Where(p => p.Value.Any(d => d.Severity == DiagnosticSeverity.Error)).ToList();
            foreach (var (group, found) in newlyRefused)
            {
                refused[group] = found.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe).ToList();
            }

            if (newlyRefused.Count > 0)
            {
                continue;
            }

            var generated = clock.Elapsed;
            using var stream = new MemoryStream();
            var emitted = output.Emit(stream);
            if (!emitted.Success)
            {
                foreach (var error in emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    var group = GroupOf(error.Location.SourceTree, groups)
                        ?? throw new InvalidOperationException("The generated code does not compile, outside any one group's definitions: " + error);
                    (compileErrors.TryGetValue(group, out var list) ? list : compileErrors[group] = []).Add(error.ToString());
                }

                continue;
            }

            var compiled = clock.Elapsed;
            var outcomes = Measure(groups, folders, output, stream, refused, compileErrors);
            var timings = string.Create(CultureInfo.InvariantCulture,
                $"{rounds} round(s); last: {folders.Count} contracts generated in {generated.TotalSeconds:F1} s ({output.SyntaxTrees.Count()} files), compiled and emitted in {(compiled - generated).TotalSeconds:F1} s, {outcomes.Sum(o => o.Tests.Count)} tests run in {(clock.Elapsed - compiled).TotalSeconds:F1} s");
            return new ConformanceRun(outcomes, timings);
        }
    }

    private static List<GroupOutcome> Measure(IReadOnlyList<SuiteGroup> groups, List<SuiteContract> contracts, Compilation compilation, MemoryStream assemblyImage, Dictionary<SuiteGroup, List<string>> refused, Dictionary<SuiteGroup, List<string>> compileErrors)
    {
        assemblyImage.Position = 0;
        var context = new AssemblyLoadContext("conformance", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(assemblyImage);
            var outcomes = new List<GroupOutcome>();
            foreach (var group in groups)
            {
                var contract = contracts.Single(c => c.Folder == group.Folder);
                var failures = (refused.TryGetValue(group, out var r) ? r : []).Concat(compileErrors.TryGetValue(group, out var e) ? e : []).ToList();
                if (group.SkipReason is not null || failures.Count > 0)
                {
                    outcomes.Add(new GroupOutcome(group, [], r ?? [], e ?? [], group.Tests.Select(t => new TestOutcome(group, t, null, null, null)).ToList()));
                    continue;
                }

                var declined = (contract.Diagnostics.TryGetValue(group, out var found) ? found : []).Where(d => d.Id == "CG0010").Select(Describe).ToList();
                var server = contract.Server(group);
                var typeName = server.TypeName;
                var root = typeName is null ? null : assembly.GetType(contract.Namespace + "." + typeName);
                var missing = root is null ? ["the generated code has no type for /definitions/" + group.Name] : new List<string>();
                var analyzer = root is null ? null : AnalyzerCheck.Load(compilation, contract.Namespace + "." + typeName);
                var tests = group.Tests.Select(t =>
                {
                    var data = "{\"value\": " + t.Data + "}";
                    return new TestOutcome(group, t, root is null ? null : GeneratedVerdict(root, data), server.Check(data), analyzer?.Check(t.Data));
                }).ToList();
                outcomes.Add(new GroupOutcome(group, declined, [], missing, tests));
            }

            return outcomes;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The group whose definitions a generated file holds: the one group its schema pointers name.</summary>
    private static SuiteGroup? GroupOf(SyntaxTree? tree, IReadOnlyList<SuiteGroup> groups)
    {
        if (tree is null)
        {
            return null;
        }

        var names = GroupPointer.Matches(tree.GetText().ToString()).Select(m => m.Groups[1].Value).Distinct().ToList();
        var folder = tree.FilePath.Contains("optional", StringComparison.Ordinal) ? "draft7/optional" : "draft7";
        return names.Count == 1 ? groups.FirstOrDefault(g => g.Name == names[0] && g.Folder == folder) : null;
    }

    /// <summary>A folder's contract: its path, namespace and prefix (item metadata), text and diagnostics by group.</summary>
    private sealed class SuiteContract(string folder, int index)
    {
        private ServedContract? _served;

        public string Folder { get; } = folder;

        public string Path { get; } = "/conformance/" + folder.Replace('/', '-') + ".schema.json";

        public string Namespace { get; } = "Conformance." + Pascal(folder);

        public string Prefix { get; } = "Suite" + index.ToString(CultureInfo.InvariantCulture);

        public string Text { get; set; } = string.Empty;

        public Dictionary<SuiteGroup, List<Diagnostic>> Diagnostics { get; } = [];

        public ServerCheck Server(SuiteGroup group)
        {
            if (_served is null)
            {
                var (served, diagnostics) = ServedContract.LoadAsync(new Codegen.Contracts.Reading.ContractInput(Path, Text), CancellationToken.None).GetAwaiter().GetResult();
                _served = served ?? throw new InvalidOperationException("The server does not serve the contract the generator generated: " + string.Join("; ", diagnostics.Select(d => d.Id + " " + d.Message)));
            }

            var type = _served.Contract.Types.FirstOrDefault(t => t.SchemaPointer == "/definitions/" + group.Name);
            return new ServerCheck(_served.Rules, type?.SchemaPointer, type?.Name);
        }

        private static string Pascal(string folder) => string.Concat(folder.Split('/').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
    }

    /// <summary>The generated code's verdict: read <paramref name="json"/> with the generated converter, then <c>Validate()</c>.</summary>
    private static Verdict GeneratedVerdict(Type root, string json)
    {
        object? value;
        try
        {
            value = JsonSerializer.Deserialize(json, root, JsonSerializerOptions.Default);
        }
        catch (Exception ex)
        {
            // Refused while reading: the data does not fit the generated type.
            return new Verdict(false, "refused when read: " + ex.GetType().Name + ": " + ex.Message);
        }

        if (value is null)
        {
            return new Verdict(false, "read as null");
        }

        var violations = (IEnumerable)root.GetMethod("Validate", Type.EmptyTypes)!.Invoke(value, null)!;
        var messages = violations.Cast<object>().Select(v => v.ToString()).ToList();
        return messages.Count == 0 ? new Verdict(true) : new Verdict(false, "Validate(): " + string.Join("; ", messages));
    }

    private static string Describe(Diagnostic diagnostic) => diagnostic.Id + " " + diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>The contract server's decision on a request body whose schema is the group's definition.</summary>
    private sealed class ServerCheck(CodegenSchemaDocument rules, string? pointer, string? typeName)
    {
        /// <summary>The C# name the model gives the group's definition (the server and the generator read the same model).</summary>
        public string? TypeName => typeName;

        public Verdict? Check(string body)
        {
            if (pointer is null)
            {
                return null;
            }

            var verdict = Codegen.ContractServer.ContractServer.CheckRequestBody(rules, pointer, body);
            return verdict.Accepted ? new Verdict(true) : new Verdict(false, verdict.Problem ?? string.Join("; ", verdict.Violations));
        }
    }

    /// <summary>
    /// What the analyzers decide about a constant assigned to the member: the analyzers' own resolution of the member
    /// (<see cref="ContractTarget"/>: the generated schema attribute's document, dialect and pointer, read from the
    /// compilation's symbols) and their evaluation of a constant, <see cref="CodegenSchemaEvaluator.FirstViolation(CodegenSchema, CodegenJson, string)"/>.
    /// </summary>
    private sealed class AnalyzerCheck
    {
        private readonly ContractTarget _target;

        private AnalyzerCheck(ContractTarget target) => _target = target;

        public static AnalyzerCheck? Load(Compilation compilation, string typeName)
        {
            var targets = new ContractTarget.Cache();
            var member = compilation.GetTypeByMetadataName(typeName)?.GetMembers().OfType<IPropertySymbol>().Select(targets.Of).FirstOrDefault(t => t?.Name == "value");
            return member is null ? null : new AnalyzerCheck(member);
        }

        /// <summary>Null for data no C# constant can be (an object or an array).</summary>
        public Verdict? Check(string data)
        {
            var value = CodegenJson.Parse(data);
            if (value.Kind is CodegenJsonKind.Object or CodegenJsonKind.Array)
            {
                return null;
            }

            var violation = CodegenSchemaEvaluator.FirstViolation(_target.Schema, value, "$");
            return violation is null ? new Verdict(true) : new Verdict(false, violation.ToString());
        }
    }

    private sealed class SuiteText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
