using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Codegen.Contracts.Model;

namespace Codegen.Emitters.Runtime;

/// <summary>The folders of src/Codegen.Runtime, each emitted whole or not at all.</summary>
internal static class RuntimeFolder
{
    /// <summary>The contract violation, the validation exception and the validators' helpers: every contract.</summary>
    public const string Validation = "Validation";

    /// <summary>The helpers of the generated JSON converters: every contract.</summary>
    public const string Json = "Json";

    /// <summary>The client's shared part, options, pipeline, retry policy, event stream, errors: contracts with operations.</summary>
    public const string Client = "Client";

    /// <summary><c>services.Add{Prefix}Client()</c>: contracts with operations, where the consumer references Microsoft.Extensions.Http.</summary>
    public const string DependencyInjection = "DependencyInjection";

    /// <summary>The rules engine (JSON values, exact numbers, schemas, the evaluator, ECMA-262 patterns): every contract.</summary>
    public const string Rules = "Rules";

    /// <summary>The folders <see cref="ContractEmitter"/> emits.</summary>
    public static readonly IReadOnlyList<string> Emitted = new[] { Rules, Validation, Json, Client, DependencyInjection };
}

/// <summary>
/// The fixed code of the generated output, kept as ordinary C# in src/Codegen.Runtime and embedded in this assembly
/// (see Codegen.Emitters.csproj), written out per contract. The conventions of those files, which
/// <see cref="RuntimeTemplate"/> relies on (namespace, the <c>Codegen</c> placeholder, the header and
/// <c>[GeneratedCode]</c> added here on emission, <c>global::</c> names), are stated once, in src/Codegen.Runtime/README.md.
/// Each file is parsed once per process; writing it for a contract is a concatenation.
/// </summary>
internal static class RuntimeSources
{
    /// <summary>The logical-name prefix of the embedded runtime files.</summary>
    private const string ResourcePrefix = "Codegen.Runtime/";

    private static readonly Lazy<IReadOnlyList<RuntimeTemplate>> s_templates = new(Load);

    /// <summary>Every embedded runtime file, in ordinal order of path.</summary>
    public static IReadOnlyList<RuntimeTemplate> All => s_templates.Value;

    /// <summary>The files of one folder (see <see cref="RuntimeFolder"/>), written for the contract.</summary>
    public static IEnumerable<GeneratedFile> Emit(ContractSpec contract, string hintStem, string folder)
    {
        var found = false;
        foreach (var template in All)
        {
            if (template.Folder == folder)
            {
                found = true;
                yield return new GeneratedFile($"{hintStem}.{template.TypeName(contract.Prefix)}.g.cs", Rendered(template, contract.Namespace, contract.Prefix));
            }
        }

        if (!found)
        {
            throw new InvalidOperationException($"No runtime files are embedded under {folder}/.");
        }
    }

    /// <summary>
    /// A template written for a namespace and prefix, kept for the next run of the generator in this process (the
    /// compiler server and the IDE run it again and again with the same contract): a cold run still writes 1 MB of
    /// fixed code for every contract, which is most of the cost of generating a small selection of a large document.
    /// </summary>
    private static string Rendered(RuntimeTemplate template, string @namespace, string prefix)
    {
        var key = @namespace + "|" + prefix;
        var cache = s_rendered;
        if (cache is null || cache.Key != key)
        {
            // One namespace and prefix at a time: a project with several contracts renders each in turn, as before.
            cache = new RenderCache(key);
            s_rendered = cache;
        }

        lock (cache.Texts)
        {
            if (!cache.Texts.TryGetValue(template.Path, out var text))
            {
                text = template.Render(@namespace, prefix);
                cache.Texts[template.Path] = text;
            }

            return text;
        }
    }

    private static RenderCache? s_rendered;

    private sealed class RenderCache
    {
        public RenderCache(string key) => Key = key;

        public string Key { get; }

        public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);
    }

    private static IReadOnlyList<RuntimeTemplate> Load()
    {
        var assembly = typeof(RuntimeSources).Assembly;
        var templates = new List<RuntimeTemplate>();
        foreach (var name in assembly.GetManifestResourceNames().OrderBy(n => n, StringComparer.Ordinal))
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            templates.Add(RuntimeTemplate.Parse(path.Substring(ResourcePrefix.Length), reader.ReadToEnd()));
        }

        return templates.OrderBy(t => t.Path, StringComparer.Ordinal).ToList();
    }
}
