using System.Reflection;

namespace Codegen.Tool;

/// <summary>The tool's version as <c>--version</c> prints it.</summary>
public static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
