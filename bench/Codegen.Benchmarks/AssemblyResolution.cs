using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Codegen.Benchmarks;

/// <summary>
/// BenchmarkDotNet's child project lists this project's references in its deps.json but not the ones the generator
/// keeps private (Codegen.Contracts, Codegen.Emitters, Codegen.Rules, SharpYaml); the files are copied beside it, so
/// every benchmark loads them from there. A module initializer, so that no suite depends on touching another first.
/// </summary>
internal static class AssemblyResolution
{
    [ModuleInitializer]
    internal static void LoadPrivateReferencesFromBeside() => AssemblyLoadContext.Default.Resolving += (context, name) =>
    {
        var candidate = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
    };
}
