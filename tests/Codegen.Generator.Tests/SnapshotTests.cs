using Codegen.Emitters.Runtime;

namespace Codegen.Generator.Tests;

/// <summary>
/// Golden files of what depends on the contract. The runtime files (src/Codegen.Runtime, emitted with the
/// contract's namespace and prefix) are not copied here: they are that source, which its own tests compile
/// and test, and <see cref="RuntimeSourcesTests"/> checks how they are written out.
/// </summary>
public class SnapshotTests
{
    [Fact]
    public void ModelsLabContractMatchesGoldenFiles()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ModelsLab());
        var runtime = RuntimeSources.All.Select(t => $"modelslab-completions.{t.TypeName("ModelsLab")}.g.cs").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(RuntimeSources.All.Count(t => t.Folder != RuntimeFolder.DependencyInjection), run.Sources.Count(s => runtime.Contains(s.HintName)));
        var names = new List<string>();
        foreach (var source in run.Sources.Where(s => !runtime.Contains(s.HintName)))
        {
            var name = source.HintName[..^".cs".Length];
            names.Add(name);
            Snapshot.Verify(name, source.SourceText.ToString());
        }

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") != "1")
        {
            Assert.Equal(Snapshot.Existing("modelslab-completions."), names.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.ModelsLab()).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            // A culture with a different minus sign and decimal separator must not leak into the output.
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fi-FI");
            var second = GeneratorHarness.Run(GeneratorHarness.ModelsLab()).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
            Assert.Equal(first, second);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
