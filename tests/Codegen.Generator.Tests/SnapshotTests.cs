namespace Codegen.Generator.Tests;

public class SnapshotTests
{
    [Fact]
    public void ModelsLabContractMatchesGoldenFiles()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ModelsLab());

        Assert.Empty(run.GeneratorDiagnostics);
        var names = new List<string>();
        foreach (var source in run.Sources)
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
