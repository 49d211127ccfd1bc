using System;
using System.Collections.Generic;

namespace Codegen.Contracts.Naming;

/// <summary>
/// Every name the generated code uses that a contract could also use: the contract-wide types (one set
/// per prefix), the members each kind of generated type declares, and the locals of generated builders.
/// The parser consults it to rename what would clash; the emitters write these names from it. A test
/// checks it against the types the runtime files and emitters actually declare, so it cannot drift.
/// </summary>
public sealed class GeneratedNames
{
    /// <summary>Contract-wide types, as suffixes of the prefix: those the emitters write and those of src/Codegen.Runtime.</summary>
    public static IReadOnlyList<string> ContractWideSuffixes { get; } = new[]
    {
        // Written by the emitters.
        "JsonContext", "Client", "Schemas", "SchemaAttribute",

        // src/Codegen.Runtime/Client and DependencyInjection.
        "ApiException", "ClientOptions", "ClientPipeline", "ErrorBody", "EventStream", "RetryPolicy", "SecretRedactor",
        "ServerSentEventReader", "ClientServiceCollectionExtensions", "ClientRequest", "ClientContent", "ParameterValue",
        "FileResponse",

        // src/Codegen.Runtime/Json and Validation.
        "File", "JsonHelpers", "ContractViolation", "ValidationException", "ValidationHelpers",

        // src/Codegen.Runtime/Rules.
        "Json", "JsonKind", "JsonParser", "JsonPositions", "JsonException", "JsonPointer", "Number", "Pattern", "EcmaRegex", "RuleText",
        "Schema", "SchemaTypes", "Discriminator", "SchemaDialect", "SchemaDialects", "SchemaDocument", "SchemaProblem",
        "SchemaProblemKind", "SchemaEvaluator", "RuleViolation",
    };

    /// <summary>Members every generated record declares (and those C# gives a record); a property of the same name is renamed.</summary>
    public static IReadOnlyList<string> ObjectMembers { get; } = new[]
    {
        "AdditionalProperties", "Builder", "CreateBuilder", "Validate", "ThrowIfInvalid", "JsonConverter", "Defaults", "Constants",
        "EqualityContract", "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "GetType", "MemberwiseClone",
        "Finalize", "ReferenceEquals",
    };

    /// <summary>Members of a generated string enum; a known value of the same name is renamed.</summary>
    public static IReadOnlyList<string> EnumMembers { get; } = new[]
    {
        "Value", "HasValue", "IsKnown", "KnownValues", "JsonConverter", "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>Members of a generated union; a case of the same name is renamed.</summary>
    public static IReadOnlyList<string> UnionMembers { get; } = new[]
    {
        "Value", "Kind", "Match", "JsonConverter", "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>Members of <c>{Prefix}JsonContext</c> (a property per type sits beside them): no type may take these names.</summary>
    public static IReadOnlyList<string> ContextMembers { get; } = new[]
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions",
    };

    /// <summary>Locals and parameters of generated builders and validators; a builder parameter of the same name is renamed.</summary>
    public static IReadOnlyList<string> BuilderLocals { get; } = new[]
    {
        "result", "violations", "path", "value", "options", "writer", "reader", "violation", "json",
    };

    private static readonly HashSet<string> ObjectMemberSet = new(ObjectMembers, StringComparer.Ordinal);
    private static readonly HashSet<string> ReservedTypeNameSet = Union(ObjectMembers, EnumMembers, UnionMembers, ContextMembers);

    private readonly HashSet<string> _contractWide = new(StringComparer.Ordinal);

    public GeneratedNames(string prefix)
    {
        Prefix = prefix;
        foreach (var suffix in ContractWideSuffixes)
        {
            _contractWide.Add(prefix + suffix);
        }
    }

    public string Prefix { get; }

    /// <summary>Every contract-wide type name for this prefix.</summary>
    public IReadOnlyCollection<string> ContractWideTypes => _contractWide;

    public string JsonContext => Prefix + "JsonContext";

    public string Client => ClientFor(Prefix);

    /// <summary>The client's name for <paramref name="prefix"/>, without the other names.</summary>
    public static string ClientFor(string prefix) => prefix + "Client";

    public string ClientOptions => Prefix + "ClientOptions";

    public string ApiException => Prefix + "ApiException";

    public string ContractViolation => Prefix + "ContractViolation";

    public string ValidationException => Prefix + "ValidationException";

    public string Schemas => Prefix + "Schemas";

    public string SchemaAttribute => Prefix + "SchemaAttribute";

    public string JsonHelpers => Prefix + "JsonHelpers";

    /// <summary>The type of file contents (<c>format: binary</c>).</summary>
    public string File => Prefix + "File";

    /// <summary>The type of a binary answer, streamed (src/Codegen.Runtime/Client/CodegenFileResponse.cs).</summary>
    public string FileResponse => Prefix + "FileResponse";

    public string ValidationHelpers => Prefix + "ValidationHelpers";

    public string ServiceCollectionExtensions => Prefix + "ClientServiceCollectionExtensions";

    /// <summary>The rules engine's document type (src/Codegen.Runtime/Rules/CodegenSchemaDocument.cs).</summary>
    public string SchemaDocument => Prefix + "SchemaDocument";

    /// <summary>The rules engine's dialects (src/Codegen.Runtime/Rules/CodegenSchemaDialect.cs).</summary>
    public string SchemaDialect => Prefix + "SchemaDialect";

    /// <summary>The rules engine's schema (src/Codegen.Runtime/Rules/CodegenSchema.cs).</summary>
    public string Schema => Prefix + "Schema";

    /// <summary>The rules engine's JSON value (src/Codegen.Runtime/Rules/CodegenJson.cs).</summary>
    public string Json => Prefix + "Json";

    public bool IsContractWide(string name) => _contractWide.Contains(name);

    public static bool IsObjectMember(string name) => ObjectMemberSet.Contains(name);

    /// <summary>Names a generated type cannot have: C# forbids a member named like its enclosing type, and the JSON context has a property per type.</summary>
    public static bool IsReservedTypeName(string name) => ReservedTypeNameSet.Contains(name);

    private static HashSet<string> Union(params IReadOnlyList<string>[] lists)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            set.UnionWith(list);
        }

        return set;
    }
}
