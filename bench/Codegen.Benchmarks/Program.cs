using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Codegen.Benchmarks;
using Codegen.Benchmarks.EndToEnd;

// dotnet run -c Release -- [BenchmarkDotNet arguments]   every suite; pick with --filter, e.g. --filter '*Json*'
// dotnet run -c Release -- e2e [seconds] [rounds]        end-to-end requests/s and p50/p99 over loopback
// dotnet run -c Release -- verify                        checks that every peer reads and writes the same data
// dotnet run -c Release -- profile [whole|chat] [runs]    time and allocation per phase of generating the OpenAI document
// dotnet run -c Release -- guard [runs]                  the compile-time guard's CPU time and allocations on ModelsLab
// Figures and the exact commands: docs/performance.md (bench/run.sh reproduces them, bench/run-dry.sh is CI's).
return args.FirstOrDefault() switch
{
    "e2e" => await LoadTest.RunAsync(args[1..]),
    "verify" => await Verify.RunAsync(),
    "profile" => Codegen.Benchmarks.Profiling.PhaseProfile.Run(args[1..]),
    "guard" => Codegen.Benchmarks.Profiling.GuardProfile.Run(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    // The median beside the mean: on a shared machine a burst of someone else's build moves the mean, less the median.
    var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median);
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
