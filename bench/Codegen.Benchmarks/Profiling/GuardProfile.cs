using System.Diagnostics;
using System.Globalization;
using Codegen.Benchmarks.Generator;
using Codegen.Contracts.Evolution;
using Microsoft.CodeAnalysis;

namespace Codegen.Benchmarks.Profiling;

/// <summary>
/// The compile-time guard's cost on the ModelsLab contract, as thread CPU time and allocations (exact per thread), the
/// least of many runs: on a loaded machine the wall clock of <see cref="Evolution.GuardBenchmarks"/> moves with the
/// others' builds, CPU time and allocations much less. The contract differs from its baseline (one maximum narrowed),
/// the case in which the guard works; "equal" is a contract byte for byte its baseline.
/// <code>dotnet bin/Release/net10.0/Codegen.Benchmarks.dll guard [runs]</code>
/// <c>GUARD_ONLY=text</c> keeps the cases whose name holds the text. <c>guard fresh [baseline|equal]</c> times one build's
/// run in a fresh process instead (see <see cref="Fresh"/>): the edited contract without a baseline, with one, or the contract
/// equal to its baseline. With <c>GUARD_LOOP=N</c> it only compares the two versions N times, the baseline's snapshot kept as
/// the guard keeps it: a steady load for a profiler (<c>dotnet-trace collect -- dotnet Codegen.Benchmarks.dll guard</c>).
/// </summary>
public static class GuardProfile
{
    public static int Run(string[] args)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(GeneratorHost).TypeHandle);
        return RunCore(args);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int RunCore(string[] args)
    {
        if (args.Length > 0 && args[0] == "fresh")
        {
            var mode = args.Length > 1 ? args[1] : null;
            return Fresh(withBaseline: mode is "baseline" or "equal", edited: mode != "equal");
        }

        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var contract = GeneratorHost.ModelsLabContract();
        var edited = GeneratorHost.WithMaxTokensMaximum(contract, 32000);
        var editedAgain = GeneratorHost.WithMaxTokensMaximum(contract, 16000);
        var original = GeneratorHost.Text(contract);
        var changed = GeneratorHost.Text(edited);
        var changedAgain = GeneratorHost.Text(editedAgain);
        var baseline = GeneratorHost.Baseline(contract);
        var compilation = GeneratorHost.Compilation(GeneratorHost.UserFile(0));

        GeneratorDriver Driver(AdditionalText text, bool withBaseline) => GeneratorHost.GuardedDriver(text, withBaseline ? baseline : null);

        var ranOnce = new Dictionary<bool, GeneratorDriver>
        {
            [false] = Driver(original, false).RunGenerators(compilation),
            [true] = Driver(original, true).RunGenerators(compilation),
        };
        var ranEdited = new Dictionary<bool, GeneratorDriver>
        {
            [false] = ranOnce[false].ReplaceAdditionalText(original, changed).RunGenerators(compilation),
            [true] = ranOnce[true].ReplaceAdditionalText(original, changed).RunGenerators(compilation),
        };
        var reported = ranOnce[true].ReplaceAdditionalText(original, changed).RunGenerators(compilation).GetRunResult().Diagnostics;
        if (!reported.Any(d => d.Id == ChangeRules.RangeNarrowed.Id))
        {
            throw new InvalidOperationException("The guard did not report the narrowed maximum.");
        }

        var input = new Codegen.Contracts.Reading.ContractInput(GeneratorHost.ContractPath, edited);
        var baselineInput = input with { Path = ContractBaseline.PathFor(GeneratorHost.ContractPath), Text = contract };
        var newModel = Codegen.Contracts.Reading.ContractParser.Parse(input).Contract!;
        var oldModel = Codegen.Contracts.Reading.ContractParser.Parse(baselineInput).Contract!;
        if (Environment.GetEnvironmentVariable("GUARD_LOOP") is { } loop)
        {
            // The guard's case: the baseline's snapshot is kept, the contract's is new.
            var kept = new ContractSnapshot(oldModel, baselineInput.Path, contract);
            for (var i = 0; i < int.Parse(loop, CultureInfo.InvariantCulture); i++)
            {
                ContractComparer.Compare(kept, new ContractSnapshot(newModel, input.Path, edited), locateInOldFile: false);
            }

            return 0;
        }

        var keptBaseline = new ContractSnapshot(oldModel, baselineInput.Path, contract);
        var cases = new (string Name, Func<object> Work)[]
        {
            ("  phase: ContractParser.Parse (baseline)", () => Codegen.Contracts.Reading.ContractParser.Parse(baselineInput)),
            ("  phase: ContractDocument.Load (positions)", () => Codegen.Contracts.Documents.ContractDocument.Load(input.Path, input.Text)),
            ("  phase: rules document parse (one)", () => Codegen.Runtime.CodegenSchemaDocument.Parse(newModel.Rules.Document, Codegen.Runtime.CodegenSchemaDialect.Draft07)),
            ("  phase: Compare, no positions", () => ContractComparer.Compare(new ContractSnapshot(oldModel, baselineInput.Path, contract), new ContractSnapshot(newModel, input.Path, "{}"), locateInOldFile: false)),
            ("  phase: Compare, baseline kept (the guard)", () => ContractComparer.Compare(keptBaseline, new ContractSnapshot(newModel, input.Path, edited), locateInOldFile: false)),
            ("  phase: Compare, positions in new", () => ContractComparer.Compare(new ContractSnapshot(oldModel, baselineInput.Path, contract), new ContractSnapshot(newModel, input.Path, edited), locateInOldFile: false)),
            ("Cold, no baseline", () => Driver(changed, false).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(1)))),
            ("Cold, baseline equal to the contract", () => Driver(original, true).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(1)))),
            ("Cold, baseline differs (guard reports)", () => Driver(changed, true).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(1)))),
            ("First edit, no baseline", () => ranOnce[false].ReplaceAdditionalText(original, changed).RunGenerators(compilation)),
            ("First edit, baseline (adopted, guard reports)", () => ranOnce[true].ReplaceAdditionalText(original, changed).RunGenerators(compilation)),
            ("Next edit, no baseline", () => ranEdited[false].ReplaceAdditionalText(changed, changedAgain).RunGenerators(compilation)),
            ("Next edit, baseline (cached, guard reports)", () => ranEdited[true].ReplaceAdditionalText(changed, changedAgain).RunGenerators(compilation)),
        };
        if (Environment.GetEnvironmentVariable("GUARD_ONLY") is { } only)
        {
            cases = cases.Where(c => c.Name.Contains(only, StringComparison.Ordinal)).ToArray();
        }

        var best = cases.ToDictionary(c => c.Name, _ => (Ms: double.MaxValue, Cpu: double.MaxValue, Bytes: long.MaxValue));
        for (var run = 0; run < runs; run++)
        {
            foreach (var (name, work) in cases)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpu = PhaseProfile.ThreadCpu();
                var watch = Stopwatch.StartNew();
                GC.KeepAlive(work());
                watch.Stop();
                var cpuMs = PhaseProfile.ThreadCpu() - cpu;
                var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                var (ms, c, b) = best[name];
                best[name] = (Math.Min(ms, watch.Elapsed.TotalMilliseconds), Math.Min(c, cpuMs), Math.Min(b, bytes));
            }
        }

        Console.WriteLine($"least of {runs} runs (wall clock, CPU time of this thread, allocated on this thread); load average {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (name, _) in cases)
        {
            var (ms, cpuMs, bytes) = best[name];
            Console.WriteLine($"  {name,-46} {ms,8:F2} ms {cpuMs,8:F2} ms thread {bytes / 1e6,8:F3} MB");
        }

        return 0;
    }

    /// <summary>
    /// A build's first run in a fresh compiler process: the generator's code is compiled by the JIT as it runs, as in a
    /// command-line build without the compiler server. Roslyn's driver is warmed first with a run that has no contract, so
    /// that the figure is the generator's (and the guard's) own. Prints the thread CPU time of that one run.
    /// </summary>
    private static int Fresh(bool withBaseline, bool edited)
    {
        var contract = GeneratorHost.ModelsLabContract();
        var warm = GeneratorHarness.CreateDriver(Array.Empty<AdditionalText>(), trackSteps: false).RunGenerators(GeneratorHost.Compilation(GeneratorHost.UserFile(0)));
        GC.KeepAlive(warm);
        var driver = GeneratorHost.GuardedDriver(GeneratorHost.Text(edited ? GeneratorHost.WithMaxTokensMaximum(contract, 32000) : contract), withBaseline ? GeneratorHost.Baseline(contract) : null);
        var compilation = GeneratorHost.Compilation(GeneratorHost.UserFile(1));
        var cpu = PhaseProfile.ThreadCpu();
        var ran = driver.RunGenerators(compilation);
        var cpuMs = PhaseProfile.ThreadCpu() - cpu;
        var diagnostics = ran.GetRunResult().Diagnostics;
        if ((withBaseline && edited) != diagnostics.Any(d => d.Id == ChangeRules.RangeNarrowed.Id))
        {
            throw new InvalidOperationException("The guard's report is not as expected.");
        }

        Console.WriteLine(cpuMs.ToString("F1", CultureInfo.InvariantCulture));
        return 0;
    }
}
