using System;
using System.Collections.Concurrent;
using Codegen.Runtime;
using Microsoft.CodeAnalysis;

namespace Codegen.Analyzers;

/// <summary>
/// The rules a generated <c>{Prefix}SchemaAttribute</c> class carries: its constant <c>Document</c> read by the rules
/// engine in its constant <c>Dialect</c>. Recognised by shape (a class with those two string constants), never by
/// name, so that it works for generated code in source and in referenced assemblies alike.
/// </summary>
internal sealed class ContractRules
{
    /// <summary>
    /// Documents by their text: every compilation (and every keystroke in an IDE) sees the same constant, so the
    /// engine reads it once. Bounded: a host that sees many contract versions starts over instead of growing.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Lazy<ContractRules?>> s_byText = new(StringComparer.Ordinal);

    private const int MaxCachedDocuments = 8;

    private ContractRules(CodegenSchemaDocument document, INamedTypeSymbol? attributeClass)
    {
        Document = document;
        AttributeAssembly = attributeClass?.ContainingAssembly;
    }

    public CodegenSchemaDocument Document { get; }

    /// <summary>The assembly the attribute was generated into: conversions declared there are the generated ones.</summary>
    public IAssemblySymbol? AttributeAssembly { get; }

    /// <summary>The rules of <paramref name="attributeClass"/>, or null when it is not shaped like a generated schema attribute.</summary>
    public static ContractRules? Read(INamedTypeSymbol attributeClass)
    {
        if (ConstantString(attributeClass, "Document") is not { } document
            || ConstantString(attributeClass, "Dialect") is not { } dialectName
            || !Enum.TryParse<CodegenSchemaDialect>(dialectName, ignoreCase: false, out var dialect)
            || !Enum.IsDefined(typeof(CodegenSchemaDialect), dialect))
        {
            return null;
        }

        if (s_byText.Count > MaxCachedDocuments)
        {
            s_byText.Clear();
        }

        // Lazy: two analyzer threads meeting the same document for the first time read it once.
        var shared = s_byText.GetOrAdd(dialectName + "\n" + document, _ => new Lazy<ContractRules?>(() => Parse(document, dialect))).Value;
        return shared is null ? null : new ContractRules(shared.Document, attributeClass);
    }

    /// <summary>The schema at <paramref name="pointer"/>, or null when the document has none there.</summary>
    public CodegenSchema? Schema(string pointer) => Document.TryGet(pointer, out var schema) ? schema : null;

    private static ContractRules? Parse(string document, CodegenSchemaDialect dialect)
    {
        try
        {
            return new ContractRules(new CodegenSchemaDocument(CodegenJson.Parse(document), dialect), attributeClass: null);
        }
        catch (CodegenJsonException)
        {
            // Not a rules document after all: nothing to check against, and an analyzer must not throw.
            return null;
        }
    }

    private static string? ConstantString(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string value })
            {
                return value;
            }
        }

        return null;
    }
}
