using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests;

/// <summary>
/// The generator's output compiled into an in-memory assembly and loaded into a collectible context,
/// so that tests can drive the generated types through System.Text.Json and reflection.
/// </summary>
public sealed class LoadedContract : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedContract(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static LoadedContract Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("contract-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new LoadedContract(context, context.LoadFromStream(stream));
    }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Reads JSON into a generated type; each type carries its own [JsonConverter].</summary>
    public object Deserialize(string json, string typeName) =>
        JsonSerializer.Deserialize(json, Type(typeName), JsonSerializerOptions.Default)!;

    public string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Default);

    /// <summary>Invokes a static or instance method by name and unwraps the exception it throws.</summary>
    public static object? Invoke(object? target, Type type, string method, params object?[] arguments)
    {
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.Name == method && m.GetParameters().Length == arguments.Length)
            .ToList();
        var chosen = candidates.FirstOrDefault(m => m.GetParameters().Zip(arguments).All(p => p.Second is null || p.First.ParameterType.IsInstanceOfType(p.Second)))
            ?? throw new MissingMethodException(type.FullName, method);
        try
        {
            return chosen.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    public void Dispose() => _context.Unload();
}
