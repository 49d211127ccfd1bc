using System.Collections.Generic;
using Codegen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Codegen.Analyzers;

/// <summary>
/// A compile-time constant on its way into a contract member, as the generated code will hand it to the rules
/// engine: a string, a boolean, an exact number, null, or an array of those; a <c>double</c> keeps its binary
/// value so that NaN and infinities are judged as the builder judges them.
/// </summary>
internal sealed class ContractConstant
{
    private ContractConstant(IOperation written, CodegenJson? json, double? floating)
    {
        Written = written;
        Json = json;
        Floating = floating;
    }

    /// <summary>The expression as written, under the implicit conversions: where the diagnostic goes, what a fix replaces.</summary>
    public IOperation Written { get; }

    /// <summary>The value as JSON; null for a NaN or an infinity (see <see cref="Floating"/>).</summary>
    public CodegenJson? Json { get; }

    /// <summary>The value, when it is a floating-point number at the member's type.</summary>
    public double? Floating { get; }

    /// <summary>How the written expression spells its value, for a fix to spell a replacement alike; null for arrays.</summary>
    public LiteralKind? Kind => LiteralKindExtensions.FromType(Written.Type);

    /// <summary>
    /// The constant <paramref name="value"/> carries into <paramref name="target"/>, or null when it is not a constant
    /// (or not one the generated code writes as it is). Looks through implicit and constant conversions, nullable
    /// wrapping, and the implicit operators generated next to the contract (a string into an enum or a union).
    /// </summary>
    public static ContractConstant? Read(IOperation value, ContractTarget target)
    {
        var written = value;
        while (written is IConversionOperation { IsImplicit: true } implicitConversion)
        {
            written = implicitConversion.Operand;
        }

        var operation = value;
        var throughOperator = false;
        while (true)
        {
            if (operation.ConstantValue.HasValue)
            {
                var constant = operation.ConstantValue.Value;
                if (constant is null && (throughOperator || AcceptsNull(target.Type)))
                {
                    // Null into a nullable member leaves it unset (or sends the null the contract allows).
                    return null;
                }

                if (constant is double or float)
                {
                    var number = System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture);
                    return new ContractConstant(written, double.IsNaN(number) || double.IsInfinity(number) ? null : CodegenJson.FromDouble(number), number);
                }

                return ToJson(constant, operation.Type) is { } json ? new ContractConstant(written, json, null) : null;
            }

            if (operation is not IConversionOperation conversion)
            {
                break;
            }

            if (conversion.Conversion.IsUserDefined)
            {
                // Only the generated operators are known to send their argument as it is.
                var method = conversion.Conversion.MethodSymbol;
                if (method is null || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, target.Rules.AttributeAssembly))
                {
                    return null;
                }

                throughOperator = true;
            }
            else if (!conversion.Conversion.IsImplicit && !conversion.Conversion.IsNullable)
            {
                return null;
            }

            operation = conversion.Operand;
        }

        return ReadArray(operation) is { } array ? new ContractConstant(written, array, null) : null;
    }

    /// <summary>An array creation or a collection expression whose items are all constants.</summary>
    private static CodegenJson? ReadArray(IOperation operation)
    {
        var items = new List<CodegenJson>();
        if (operation is IArrayCreationOperation { Initializer: { } initializer } && operation.Type is IArrayTypeSymbol { Rank: 1 })
        {
            foreach (var element in initializer.ElementValues)
            {
                if (!element.ConstantValue.HasValue || ToJson(element.ConstantValue.Value, element.Type) is not { } item)
                {
                    return null;
                }

                items.Add(item);
            }

            return CodegenJson.CreateArray(items);
        }

        // Collection expressions have no IOperation of their own in Roslyn 4.8: read the syntax.
        if (operation.Syntax is CollectionExpressionSyntax collection && operation.SemanticModel is { } model)
        {
            foreach (var element in collection.Elements)
            {
                if (element is not ExpressionElementSyntax expression
                    || model.GetConstantValue(expression.Expression) is not { HasValue: true } constant
                    || ToJson(constant.Value, model.GetTypeInfo(expression.Expression).ConvertedType) is not { } item)
                {
                    return null;
                }

                items.Add(item);
            }

            return CodegenJson.CreateArray(items);
        }

        return null;
    }

    /// <summary>A constant as the generated code writes it; null for what it does not write as a JSON scalar (chars, C# enums, NaN).</summary>
    private static CodegenJson? ToJson(object? constant, ITypeSymbol? type)
    {
        if (type?.TypeKind == TypeKind.Enum)
        {
            return null;
        }

        switch (constant)
        {
            case null:
                return CodegenJson.Null;
            case string text:
                return CodegenJson.FromString(text);
            case bool flag:
                return CodegenJson.FromBoolean(flag);
            case double or float:
                var number = System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture);
                return double.IsNaN(number) || double.IsInfinity(number) ? null : CodegenJson.FromDouble(number);
            case decimal exact:
                return CodegenJson.FromDecimal(exact);
            case ulong large:
                return CodegenJson.FromNumber(CodegenNumber.Parse(large.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            case int or long or uint or short or ushort or byte or sbyte:
                return CodegenJson.FromInt64(System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    /// <summary>Whether null is a value of <paramref name="type"/> that the generated code treats as "not set" or an allowed null.</summary>
    private static bool AcceptsNull(ITypeSymbol? type) =>
        type is null
        || type.NullableAnnotation == NullableAnnotation.Annotated
        || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
        || (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.None);
}
