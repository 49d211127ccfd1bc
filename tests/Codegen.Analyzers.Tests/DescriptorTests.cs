using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codegen.Analyzers.Tests;

public class DescriptorTests
{
    public static TheoryData<string> Ids => new(
        typeof(DiagnosticIds).GetFields().Select(constant => (string)constant.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_is_an_error_in_category_Contract_with_a_help_page(string id)
    {
        var descriptor = Assert.Single(new ContractConstantAnalyzer().SupportedDiagnostics, d => d.Id == id);

        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("Contract", descriptor.Category);
        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(RepoRoot(), "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");
        Assert.Contains(id, File.ReadAllText(Path.Combine(RepoRoot(), "src", "Codegen.Analyzers", "AnalyzerReleases.Unshipped.md")));
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "docs", "diagnostics")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("No docs/diagnostics above " + System.AppContext.BaseDirectory);
    }
}
