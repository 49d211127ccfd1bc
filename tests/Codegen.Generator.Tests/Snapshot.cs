namespace Codegen.Generator.Tests;

/// <summary>
/// Golden files for generated source. Each file is compared with <c>Snapshots/{name}.verified.cs</c>;
/// a difference fails the test and leaves <c>{name}.received.cs</c> beside it for a diff tool.
/// Set <c>UPDATE_SNAPSHOTS=1</c> to accept the new output (then review the diff before committing).
/// </summary>
public static class Snapshot
{
    // Found from the repository root, not [CallerFilePath]: CI builds map source paths to /_/ (deterministic builds).
    private static readonly string SnapshotDirectory = Path.Combine(GeneratorHarness.RepoRoot, "tests", "Codegen.Generator.Tests", "Snapshots");

    public static void Verify(string name, string actual)
    {
        var directory = SnapshotDirectory;
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No golden file {verified}. Review {received} and rerun with UPDATE_SNAPSHOTS=1 to accept it."
            : $"Generated source differs from {verified}; see {received}. Rerun with UPDATE_SNAPSHOTS=1 to accept the change. First difference at line {FirstDifference(expected, actual)}.");
    }

    /// <summary>Files a directory of golden files holds, so that a file the generator stopped emitting is noticed.</summary>
    public static IReadOnlyList<string> Existing(string prefix)
    {
        var directory = SnapshotDirectory;
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.verified.cs").Select(f => Path.GetFileName(f)[..^".verified.cs".Length]).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return Math.Min(a.Length, b.Length) + 1;
    }
}
