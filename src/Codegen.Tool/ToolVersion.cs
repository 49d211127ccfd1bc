using System.Reflection;

namespace Codegen.Tool;

/// <summary>The tool's version: the package version, and with the commit it was built from for <c>--version</c>.</summary>
public static class ToolVersion
{
    /// <summary>The informational version, e.g. <c>1.0.0+f0383ea...</c> when built from a git checkout.</summary>
    public static string Informational { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The package version, e.g. <c>1.0.0</c>.</summary>
    public static string Current { get; } = Informational.Split('+')[0];
}
