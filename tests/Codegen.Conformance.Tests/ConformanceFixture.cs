namespace Codegen.Conformance.Tests;

/// <summary>The suite read, generated, compiled and run once for every test of the project.</summary>
public sealed class ConformanceFixture
{
    private readonly Lazy<ConformanceRun> _run = new(() => ConformanceRun.Execute(SuiteGroups.Draft7()));

    public ConformanceRun Run => _run.Value;
}
