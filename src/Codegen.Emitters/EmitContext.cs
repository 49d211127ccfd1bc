using System;
using System.Collections.Generic;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Runtime;

namespace Codegen.Emitters;

/// <summary>
/// What every emitter of one contract shares: the contract, the names the generated code uses
/// (<see cref="GeneratedNames"/>, the one registry the parser consulted too), the index of generated
/// types by name, and the contract's rules read by the rules engine.
/// </summary>
internal sealed class EmitContext
{
    private readonly Dictionary<string, TypeSpec> _types = new(StringComparer.Ordinal);
    private CodegenSchemaDocument? _rules;

    public EmitContext(ContractSpec contract, EmitOptions options)
    {
        Contract = contract;
        Options = options;
        Names = new GeneratedNames(contract.Prefix);
        foreach (var type in contract.Types)
        {
            _types[type.Name] = type;
        }
    }

    public ContractSpec Contract { get; }

    public EmitOptions Options { get; }

    public GeneratedNames Names { get; }

    public string Namespace => Contract.Namespace;

    /// <summary>The contract's rules document, read once per emit (for documentation that states a rule the way the engine does).</summary>
    public CodegenSchemaDocument Rules => _rules ??= new CodegenSchemaDocument(
        CodegenJson.Parse(Contract.Rules.Document),
        (CodegenSchemaDialect)Enum.Parse(typeof(CodegenSchemaDialect), Contract.Rules.Dialect));

    /// <summary>The fully qualified name of a type of the contract's namespace.</summary>
    public string Global(string typeName) => $"global::{Contract.Namespace}.{typeName}";

    /// <summary>The C# type of a value, without nullability.</summary>
    public string TypeName(TypeRef type) => CSharp.TypeName(type, Contract.Namespace);

    public string ItemTypeName(TypeRef collection) => CSharp.ItemTypeName(collection, Contract.Namespace);

    /// <summary>The generated type named <paramref name="name"/>, or null.</summary>
    public T? Find<T>(string? name)
        where T : TypeSpec => name is not null && _types.TryGetValue(name, out var type) ? type as T : null;
}
