using BenchmarkDotNet.Running;

// Every suite in this assembly; pick with --filter, e.g. --filter '*Json*'. See docs/performance.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
