using System.Collections.Concurrent;
using Codegen.Runtime;
using Microsoft.CodeAnalysis;

namespace Codegen.Analyzers;

/// <summary>
/// A parameter, property or field marked with a generated schema attribute: its JSON name, the schema it must
/// satisfy, and the contract's rules. The attribute is recognised by shape: its class has string constants
/// <c>Document</c> and <c>Dialect</c>, and the instance gives (name, pointer) to its constructor.
/// </summary>
internal sealed class ContractTarget
{
    private ContractTarget(string name, CodegenSchema schema, ContractRules rules, ITypeSymbol? type)
    {
        Name = name;
        Schema = schema;
        Rules = rules;
        Type = type;
    }

    /// <summary>The member's JSON name, as messages say it.</summary>
    public string Name { get; }

    /// <summary>The member's own schema, as the generated builder checks it.</summary>
    public CodegenSchema Schema { get; }

    public ContractRules Rules { get; }

    /// <summary>The member's C# type.</summary>
    public ITypeSymbol? Type { get; }

    /// <summary>
    /// Resolves members once per compilation: attribute classes (one document read each) and members (one attribute
    /// read each). Safe from the analyzer's concurrent callbacks.
    /// </summary>
    public sealed class Cache
    {
        private readonly ConcurrentDictionary<ISymbol, ContractTarget?> _members = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ContractRules?> _attributes = new(SymbolEqualityComparer.Default);

        /// <summary>The target <paramref name="member"/> is, or null when it carries no schema attribute.</summary>
        public ContractTarget? Of(ISymbol member) => _members.GetOrAdd(member, Resolve);

        private ContractTarget? Resolve(ISymbol member)
        {
            foreach (var attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass is not { } attributeClass
                    || attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not string name
                    || attribute.ConstructorArguments[1].Value is not string pointer)
                {
                    continue;
                }

                if (_attributes.GetOrAdd(attributeClass, ContractRules.Read) is { } rules && rules.Schema(pointer) is { } schema)
                {
                    var type = member switch
                    {
                        IParameterSymbol parameter => parameter.Type,
                        IPropertySymbol property => property.Type,
                        IFieldSymbol field => field.Type,
                        _ => null,
                    };
                    return new ContractTarget(name, schema, rules, type);
                }
            }

            return null;
        }
    }
}
