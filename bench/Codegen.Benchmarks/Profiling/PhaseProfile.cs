using System.Diagnostics;
using System.Globalization;
using Codegen.Benchmarks.Generator;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Contracts.OpenApi;
using Codegen.Contracts.Reading;
using Codegen.Emitters;
using Codegen.Runtime;
using ContractInput = Codegen.Contracts.Reading.ContractInput;

namespace Codegen.Benchmarks.Profiling;

/// <summary>
/// Time and allocation of each phase of generating the OpenAI document, to find where the generator's cost is
/// (not a benchmark: BenchmarkDotNet's OpenApiGeneratorBenchmarks gives the figures). Phases: the YAML reading, the
/// OpenAPI reading, the schema model, type mapping, the rules document, emitting, and the whole generator run
/// (the difference to parse + emit is Roslyn's AddSource). Allocations are exact (per thread); times are medians.
/// <code>dotnet bin/Release/net10.0/Codegen.Benchmarks.dll profile [whole|chat] [runs]</code>
/// </summary>
public static class PhaseProfile
{
    public static int Run(string[] args)
    {
        // GeneratorHost teaches the loader where the generator's private assemblies are; before this class needs them.
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(GeneratorHost).TypeHandle);
        return RunCore(args);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int RunCore(string[] args)
    {
        if (args.Length > 0 && args[0] == "dump")
        {
            return Dump(args[1]);
        }

        if (args.Length > 0 && args[0] == "yamlcheck")
        {
            return YamlCheck(args[1..]);
        }

        var chat = args.Length > 0 && args[0] == "chat";
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var text = GeneratorHost.SharedContract("openai-openapi/openapi.yaml");
        var input = new ContractInput("/contracts/openapi.yaml", text)
        {
            Selection = chat ? OperationSelection.From("createChatCompletion", null, null) : OperationSelection.All,
        };
        var metadata = chat ? new Dictionary<string, string> { ["CodegenOperations"] = "createChatCompletion" } : new Dictionary<string, string>();
        var additional = GeneratorHost.Text("/contracts/openapi.yaml", text);

        var samples = new Dictionary<string, List<(double Ms, double Cpu, long Bytes)>>();
        var order = new List<string>();
        for (var run = 0; run <= runs; run++)
        {
            var measured = new List<(string, double, double, long)>();
            T Phase<T>(string name, Func<T> work)
            {
                GC.Collect();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ThreadCpu();
                var watch = Stopwatch.StartNew();
                var result = work();
                watch.Stop();
                var cpuMs = ThreadCpu() - cpu;
                measured.Add((name, watch.Elapsed.TotalMilliseconds, cpuMs, GC.GetAllocatedBytesForCurrentThread() - before));
                return result;
            }

            Phase("  of which: line starts (SetText)", () => { new CodegenJsonPositions().SetText(input.Text); return 0; });
            var document = Phase("YAML read (ContractDocument.Load)", () => chat ? ContractDocument.LoadSkippingSchemas(input.Path, input.Text) : ContractDocument.Load(input.Path, input.Text));
            var diagnostics = new DiagnosticBag();
            var openApi = Phase("OpenAPI read (operations)", () => OpenApiReader.Read(document, diagnostics));
            var selected = chat ? openApi.Operations.FindAll(input.Selection.Selects) : openApi.Operations;
            if (chat)
            {
                document = Phase("Selected schemas read (WithSchemasFor)", () => document.WithSchemasFor(OperationDraft.SchemaPointers(selected))!);
            }

            var schemas = new CodegenSchemaDocument(document.Root, CodegenSchemaDialect.OpenApi31);
            var mapper = Phase("Type mapping (declare + resolve)", () =>
            {
                var types = new TypeMapper(schemas, document, diagnostics, new GeneratedNames("OpenAI"), inferObjects: true, CancellationToken.None);
                var definitions = new List<KeyValuePair<string, string>>();
                foreach (var member in document.Find("/components/schemas")!.Members)
                {
                    definitions.Add(new(member.Key, JsonPointer.Append("/components/schemas", member.Key)));
                }

                if (chat)
                {
                    var reachable = new HashSet<string>(SchemaWalk.Reachable(schemas, OperationDraft.SchemaPointers(selected)).Select(s => s.Pointer));
                    definitions = definitions.FindAll(d => reachable.Contains(d.Value));
                }

                types.Declare(definitions);
                types.ResolveDeclared();
                return types;
            });
            var pointers = Phase("Rule pointers + schema problems (ReadAll)", () =>
            {
                var list = new List<string>();
                foreach (var type in mapper.Types)
                {
                    list.Add(type.SchemaPointer);
                    if (type is ObjectTypeSpec o)
                    {
                        list.AddRange(o.Properties.Select(p => p.SchemaPointer));
                    }
                }

                list.AddRange(OperationDraft.SchemaPointers(selected));
                _ = schemas.ReadAll(list).Count();
                return list;
            });
            Phase("Rules document (build + text)", () => RulesDocumentBuilder.Build(document.Root, pointers).ToString());
            var parsed = Phase("ContractParser.Parse (all of the above)", () => ContractParser.Parse(input));
            var contract = parsed.Contract ?? throw new InvalidOperationException(string.Join("; ", parsed.Diagnostics.Take(5)));
            var files = Phase("ContractEmitter.Emit", () => ContractEmitter.Emit(contract));
            Phase("New compilation + GetTypeByMetadataName", () =>
                GeneratorHost.Compilation(GeneratorHost.UserFile(run)).GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is null);
            Phase("Generator run (parse + emit + AddSource)", () =>
                GeneratorHost.Driver(additional, metadata).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(run))));
            if (run == 0)
            {
                Console.WriteLine($"{contract.Types.Count} types, {contract.Operations.Count} operations, {files.Count} files, {files.Sum(f => f.Text.Length):N0} chars, rules {contract.Rules.Document.Length:N0} chars; first run (with JIT):");
                foreach (var (name, ms, cpuMs, bytes) in measured)
                {
                    Console.WriteLine($"  {name,-45} {ms,9:F0} ms {cpuMs,9:F0} ms thread {bytes / 1e6,9:F1} MB");
                }

                continue;
            }

            foreach (var (name, ms, cpuMs, bytes) in measured)
            {
                if (!samples.TryGetValue(name, out var list))
                {
                    samples[name] = list = [];
                    order.Add(name);
                }

                list.Add((ms, cpuMs, bytes));
            }
        }

        Console.WriteLine($"median of {runs} runs after the first (median wall clock, least CPU time of this thread, allocated on this thread):");
        foreach (var name in order)
        {
            var list = samples[name];
            var ms = list.Select(s => s.Ms).Order().ElementAt(list.Count / 2);
            var cpuMs = list.Select(s => s.Cpu).Min();
            var bytes = list.Select(s => s.Bytes).Order().ElementAt(list.Count / 2);
            Console.WriteLine($"  {name,-45} {ms,9:F0} ms {cpuMs,9:F0} ms thread {bytes / 1e6,9:F1} MB");
        }

        return 0;
    }

    /// <summary>Writes every file generated for the whole document and for chat completions alone, and the rules document, to compare outputs before and after a change.</summary>
    private static int Dump(string directory)
    {
        var text = GeneratorHost.SharedContract("openai-openapi/openapi.yaml");
        foreach (var chat in new[] { false, true })
        {
            var input = new ContractInput("/contracts/openapi.yaml", text)
            {
                Selection = chat ? OperationSelection.From("createChatCompletion", null, null) : OperationSelection.All,
            };
            var parsed = ContractParser.Parse(input);
            var folder = Path.Combine(directory, chat ? "chat" : "whole");
            Directory.CreateDirectory(folder);
            File.WriteAllLines(Path.Combine(folder, "diagnostics.txt"), parsed.Diagnostics.Select(d => $"{d.Id} {d.Location.Path} {d.Location.StartLine},{d.Location.StartColumn}-{d.Location.EndLine},{d.Location.EndColumn} {d.Message}"));
            foreach (var file in ContractEmitter.Emit(parsed.Contract!))
            {
                File.WriteAllText(Path.Combine(folder, file.HintName), file.Text);
            }
        }

        return 0;
    }

    /// <summary>Reads YAML files with both readers and reports where values or positions differ.</summary>
    private static int YamlCheck(string[] files)
    {
        var failures = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var slowPositions = new CodegenJsonPositions();
            var watch = Stopwatch.StartNew();
            var slow = YamlDocumentReader.Read(text, slowPositions);
            var slowMs = watch.Elapsed.TotalMilliseconds;
            var fastPositions = new CodegenJsonPositions();
            watch.Restart();
            CodegenJson fast;
            try
            {
                fast = YamlBlockReader.Read(text, fastPositions);
            }
            catch (NotSupportedException ex)
            {
                Console.WriteLine($"{file}: fast reader declines: {ex.Message} ({ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()})");
                failures++;
                continue;
            }

            var fastMs = watch.Elapsed.TotalMilliseconds;
            var mismatches = new List<string>();
            Compare(slow, fast, "", slowPositions, fastPositions, mismatches);
            Console.WriteLine($"{file}: values {(slow.Equals(fast) ? "equal" : "DIFFER")}, {mismatches.Count} differences; SharpYaml {slowMs:F0} ms, fast {fastMs:F0} ms");
            foreach (var mismatch in mismatches.Take(15))
            {
                Console.WriteLine("  " + mismatch);
            }

            failures += mismatches.Count;
        }

        return failures == 0 ? 0 : 1;
    }

    private static void Compare(CodegenJson slow, CodegenJson fast, string pointer, CodegenJsonPositions slowPositions, CodegenJsonPositions fastPositions, List<string> mismatches)
    {
        if (mismatches.Count > 50)
        {
            return;
        }

        if (slow.Kind != fast.Kind || (slow.Kind is not (CodegenJsonKind.Array or CodegenJsonKind.Object) && !slow.Equals(fast)))
        {
            mismatches.Add($"{pointer}: value {Excerpt(slow)} vs {Excerpt(fast)}");
            return;
        }

        slowPositions.TryGet(slow, out var a);
        fastPositions.TryGet(fast, out var b);
        var container = slow.Kind is CodegenJsonKind.Array or CodegenJsonKind.Object;
        if (a.Start != b.Start || a.NameStart != b.NameStart || a.NameEnd != b.NameEnd || a.End != b.End)
        {
            var (line, column) = slowPositions.LineAndColumn(a.Start);
            mismatches.Add($"{pointer} ({slow.Kind} at {line + 1}:{column + 1}{(container ? ", container" : "")}): start {a.Start}/{b.Start} end {a.End}/{b.End} name {a.NameStart}-{a.NameEnd}/{b.NameStart}-{b.NameEnd}");
        }

        if (slow.Kind == CodegenJsonKind.Array)
        {
            for (var i = 0; i < Math.Min(slow.Items.Count, fast.Items.Count); i++)
            {
                Compare(slow.Items[i], fast.Items[i], pointer + "/" + i, slowPositions, fastPositions, mismatches);
            }

            if (slow.Items.Count != fast.Items.Count)
            {
                mismatches.Add($"{pointer}: {slow.Items.Count} items vs {fast.Items.Count}");
            }
        }
        else if (slow.Kind == CodegenJsonKind.Object)
        {
            for (var i = 0; i < Math.Min(slow.Members.Count, fast.Members.Count); i++)
            {
                if (slow.Members[i].Key != fast.Members[i].Key)
                {
                    mismatches.Add($"{pointer}: member {i} is '{slow.Members[i].Key}' vs '{fast.Members[i].Key}'");
                    return;
                }

                Compare(slow.Members[i].Value, fast.Members[i].Value, pointer + "/" + slow.Members[i].Key, slowPositions, fastPositions, mismatches);
            }

            if (slow.Members.Count != fast.Members.Count)
            {
                mismatches.Add($"{pointer}: {slow.Members.Count} members vs {fast.Members.Count}");
            }
        }
    }

    private static string Excerpt(CodegenJson value)
    {
        var text = value.ToString();
        return text.Length > 80 ? text[..80] + "..." : text;
    }

    /// <summary>This thread's CPU time in milliseconds (Linux): what a phase costs, however busy the machine is.</summary>
    internal static double ThreadCpu() => clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
