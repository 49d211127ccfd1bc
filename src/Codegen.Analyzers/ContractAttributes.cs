using Microsoft.CodeAnalysis;

namespace Codegen.Analyzers;

/// <summary>
/// The attribute types the contract analyzers read, resolved once per compilation by their full
/// metadata names. The analyzers never look at generated type names: any member carrying these
/// attributes, in source or in a referenced assembly, is checked.
/// </summary>
internal sealed class ContractAttributes
{
    private ContractAttributes(Compilation compilation)
    {
        Range = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.RangeAttribute");
        StringLength = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.StringLengthAttribute");
        RegularExpression = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.RegularExpressionAttribute");
        MinLength = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.MinLengthAttribute");
        MaxLength = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.MaxLengthAttribute");
        Length = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.LengthAttribute");
        AllowedValues = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.AllowedValuesAttribute");
        Display = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.DisplayAttribute");
        JsonPropertyName = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
    }

    public INamedTypeSymbol? Range { get; }
    public INamedTypeSymbol? StringLength { get; }
    public INamedTypeSymbol? RegularExpression { get; }
    public INamedTypeSymbol? MinLength { get; }
    public INamedTypeSymbol? MaxLength { get; }
    public INamedTypeSymbol? Length { get; }
    public INamedTypeSymbol? AllowedValues { get; }
    public INamedTypeSymbol? Display { get; }
    public INamedTypeSymbol? JsonPropertyName { get; }

    /// <summary>The resolved attributes, or null when the compilation has none of the constraint attributes (nothing to check).</summary>
    public static ContractAttributes? Resolve(Compilation compilation)
    {
        var attributes = new ContractAttributes(compilation);
        var anyConstraint = attributes.Range is not null || attributes.StringLength is not null
            || attributes.RegularExpression is not null || attributes.MinLength is not null
            || attributes.MaxLength is not null || attributes.Length is not null
            || attributes.AllowedValues is not null;
        return anyConstraint ? attributes : null;
    }
}
