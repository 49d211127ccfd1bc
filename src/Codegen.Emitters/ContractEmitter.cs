using System;
using System.Collections.Generic;
using System.Globalization;
using Codegen.Contracts.Model;
using Codegen.Emitters.Client;
using Codegen.Emitters.Json;
using Codegen.Emitters.Runtime;
using Codegen.Emitters.Types;
using Codegen.Emitters.Validation;

namespace Codegen.Emitters;

/// <summary>One generated source file: its hint name (unique within a compilation) and its text.</summary>
public sealed record GeneratedFile(string HintName, string Text);

/// <summary>
/// What the emitter needs besides the contract: facts about the consuming compilation, reduced to
/// values so that the generator's cache compares them.
/// </summary>
/// <param name="ReferencesHttpClientFactory">The consumer references Microsoft.Extensions.Http, so <c>services.Add{Prefix}Client()</c> can be emitted.</param>
public sealed record EmitOptions(ContractSpec Contract, bool ReferencesHttpClientFactory);

/// <summary>
/// Emits every file of a contract. Output depends on the model alone and is written under the
/// invariant culture, so the same contract always gives the same bytes.
/// </summary>
public static class ContractEmitter
{
    public static IReadOnlyList<GeneratedFile> Emit(ContractSpec contract) => Emit(contract, new EmitOptions(contract, ReferencesHttpClientFactory: false));

    public static IReadOnlyList<GeneratedFile> Emit(ContractSpec contract, EmitOptions options)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return EmitCore(contract, options);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>The hint-name stem of a contract: its file name reduced to safe characters.</summary>
    public static string HintStem(ContractSpec contract)
    {
        var chars = contract.FileName.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                chars[i] = '_';
            }
        }

        var stem = new string(chars);
        foreach (var suffix in new[] { ".schema.json", ".json" })
        {
            if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return stem.Substring(0, stem.Length - suffix.Length);
            }
        }

        return stem;
    }

    private static IReadOnlyList<GeneratedFile> EmitCore(ContractSpec contract, EmitOptions options)
    {
        var files = new List<GeneratedFile>();
        var stem = HintStem(contract);
        var context = new EmitContext(contract, options);
        var objects = new ObjectEmitter(context);
        var unions = new UnionEmitter(context);
        var enums = new EnumEmitter(context);
        var names = context.Names;

        // A definition and the inline types it owns share a file, in contract order.
        var groups = new List<KeyValuePair<string, List<TypeSpec>>>();
        var byGroup = new Dictionary<string, List<TypeSpec>>(StringComparer.Ordinal);
        foreach (var type in contract.Types)
        {
            var group = type.Group ?? type.Name;
            if (!byGroup.TryGetValue(group, out var members))
            {
                members = new List<TypeSpec>();
                byGroup[group] = members;
                groups.Add(new KeyValuePair<string, List<TypeSpec>>(group, members));
            }

            members.Add(type);
        }

        foreach (var group in groups)
        {
            files.Add(File(contract, $"{stem}.{group.Key}.g.cs", w =>
            {
                for (var i = 0; i < group.Value.Count; i++)
                {
                    if (i > 0)
                    {
                        w.Line();
                    }

                    switch (group.Value[i])
                    {
                        case ObjectTypeSpec objectType:
                            objects.Emit(w, objectType);
                            break;
                        case UnionTypeSpec unionType:
                            unions.Emit(w, unionType);
                            break;
                        case EnumTypeSpec enumType:
                            enums.Emit(w, enumType);
                            break;
                    }
                }
            }));
        }

        files.Add(File(contract, $"{stem}.{names.SchemaAttribute}.g.cs", w => SchemasEmitter.EmitAttribute(w, context)));
        files.Add(File(contract, $"{stem}.{names.Schemas}.g.cs", w => SchemasEmitter.EmitSchemas(w, context)));
        files.AddRange(RuntimeSources.Emit(contract, stem, RuntimeFolder.Rules));
        files.AddRange(RuntimeSources.Emit(contract, stem, RuntimeFolder.Validation));
        files.AddRange(RuntimeSources.Emit(contract, stem, RuntimeFolder.Json));
        files.Add(File(contract, $"{stem}.{names.JsonContext}.g.cs", w => JsonContextEmitter.Emit(w, context)));
        if (contract.Operations.Count > 0)
        {
            if (contract.Kind == ContractKind.JsonSchema)
            {
                files.Add(File(contract, $"{stem}.{names.Client}.Operations.g.cs", w => ClientEmitter.EmitOperations(w, contract)));
                files.Add(File(contract, $"{stem}.{names.ClientOptions}.Defaults.g.cs", w => ClientEmitter.EmitOptionDefaults(w, contract)));
            }
            else
            {
                files.Add(File(contract, $"{stem}.{names.Client}.Operations.g.cs", w => OpenApiClientEmitter.EmitOperations(w, context)));
                files.Add(File(contract, $"{stem}.{names.ClientOptions}.Defaults.g.cs", w => OpenApiClientEmitter.EmitOptionDefaults(w, contract)));
            }

            files.AddRange(RuntimeSources.Emit(contract, stem, RuntimeFolder.Client));
            if (options.ReferencesHttpClientFactory)
            {
                files.AddRange(RuntimeSources.Emit(contract, stem, RuntimeFolder.DependencyInjection));
                files.Add(File(contract, $"{stem}.{names.ServiceCollectionExtensions}.Registration.g.cs", w => ClientEmitter.EmitServiceRegistration(w, contract)));
            }
        }

        return DistinctHintNames(files);
    }

    /// <summary>
    /// Hint names are unique without regard to case (the compiler refuses two that differ in case, and so does a file
    /// system that ignores it), while C# names are not: a schema <c>OpenAIFile</c> and the contract-wide <c>OpenAiFile</c>
    /// of prefix <c>OpenAi</c> are two types. A later file whose name is taken gets a number before <c>.g.cs</c>.
    /// </summary>
    private static List<GeneratedFile> DistinctHintNames(List<GeneratedFile> files)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < files.Count; i++)
        {
            var hint = files[i].HintName;
            if (taken.Add(hint))
            {
                continue;
            }

            var stem = hint.EndsWith(".g.cs", StringComparison.Ordinal) ? hint.Substring(0, hint.Length - ".g.cs".Length) : hint;
            var n = 2;
            string candidate;
            do
            {
                candidate = $"{stem}.{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}.g.cs";
                n++;
            }
            while (!taken.Add(candidate));
            files[i] = files[i] with { HintName = candidate };
        }

        return files;
    }

    private static GeneratedFile File(ContractSpec contract, string hintName, Action<SourceWriter> body)
    {
        var writer = new SourceWriter();
        CSharp.FileHeader(writer, contract.Namespace);
        body(writer);
        return new GeneratedFile(hintName, writer.ToStringAndRelease());
    }
}
