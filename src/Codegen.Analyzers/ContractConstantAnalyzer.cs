using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codegen.Analyzers;

/// <summary>
/// Flags compile-time constants that flow into a member the contract constrains and break the
/// constraint: builder arguments, object initializers, <c>with</c> expressions and assignments.
/// Constraints are read from DataAnnotations attributes on the receiving parameter, property or
/// field; non-constant values are never flagged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractConstantAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property with the nearest allowed value ("R" text), set on CG1001 when a fix exists.</summary>
    public const string ReplacementProperty = "Replacement";

    /// <summary>Diagnostic property with the <see cref="LiteralKind"/> the replacement is spelled in.</summary>
    public const string LiteralKindProperty = "LiteralKind";

    private const int MaxShownAllowedValues = 10;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ValueOutOfRange,
        DiagnosticDescriptors.StringLengthOutOfRange,
        DiagnosticDescriptors.PatternMismatch,
        DiagnosticDescriptors.ItemCountOutOfRange,
        DiagnosticDescriptors.ValueNotAllowed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var known = ContractAttributes.Resolve(start.Compilation);
            if (known is null)
            {
                return;
            }

            var cache = new ConcurrentDictionary<ISymbol, FieldConstraints>(SymbolEqualityComparer.Default);
            System.Func<ISymbol, FieldConstraints> read = member => FieldConstraints.Read(member, known);
            FieldConstraints ConstraintsOf(ISymbol member) => cache.GetOrAdd(member, read);

            start.RegisterOperationAction(
                operationContext =>
                {
                    var argument = (IArgumentOperation)operationContext.Operation;
                    // Skips default values (implicit arguments) and the array the compiler builds for `params`.
                    var compilerMade = argument.IsImplicit || (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value.IsImplicit);
                    if (argument.Parameter is { } parameter && !compilerMade)
                    {
                        Check(operationContext, argument.Value, parameter, ConstraintsOf);
                    }
                },
                OperationKind.Argument);

            start.RegisterOperationAction(
                operationContext =>
                {
                    // Covers object initializers and `with` expressions too: both are simple assignments
                    // whose target is a member reference on the object being built.
                    var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                    ISymbol? member = assignment.Target switch
                    {
                        IPropertyReferenceOperation property => property.Property,
                        IFieldReferenceOperation field => field.Field,
                        _ => null,
                    };
                    if (member is not null)
                    {
                        Check(operationContext, assignment.Value, member, ConstraintsOf);
                    }
                },
                OperationKind.SimpleAssignment);
        });
    }

    private static void Check(
        OperationAnalysisContext context,
        IOperation value,
        ISymbol member,
        System.Func<ISymbol, FieldConstraints> constraintsOf)
    {
        // Cheap checks first: most arguments and assignments carry neither a constant nor a
        // collection of known size, and then the member's attributes are never read.
        var (expression, throughUserConversion) = LookThroughConversions(value);
        var constant = expression.ConstantValue;
        var itemCount = constant.HasValue ? null : CountItems(expression);
        if (!constant.HasValue && itemCount is null)
        {
            return;
        }

        var constraints = constraintsOf(member);
        if (constraints.IsEmpty)
        {
            return;
        }

        var location = expression.Syntax.GetLocation();
        if (itemCount is int count)
        {
            CheckItemCount(context, constraints, count, location);
            return;
        }

        switch (constant.Value)
        {
            case string text:
                CheckString(context, constraints, text, location);
                break;
            case var number when ConstantText.TryGetNumber(number, out var numeric):
                // A user-defined conversion may change a number's meaning: the range applies to what it produces.
                if (!throughUserConversion)
                {
                    CheckRange(context, constraints, expression, number!, numeric, location);
                }

                CheckAllowedValues(context, constraints, number!, location);
                break;
        }
    }

    /// <summary>
    /// Walks down implicit conversions (int to double, to a nullable, into a union or enum struct) and
    /// explicit casts that are not constant themselves, to the expression as written.
    /// </summary>
    private static (IOperation Expression, bool ThroughUserConversion) LookThroughConversions(IOperation value)
    {
        var throughUserConversion = false;
        while (value is IConversionOperation conversion && (conversion.IsImplicit || !conversion.ConstantValue.HasValue))
        {
            throughUserConversion |= conversion.Conversion.IsUserDefined;
            value = conversion.Operand;
        }

        return (value, throughUserConversion);
    }

    /// <summary>The number of items of an array creation with a constant length or a collection expression without spreads.</summary>
    private static int? CountItems(IOperation expression)
    {
        if (expression is IArrayCreationOperation array)
        {
            return array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue.Value is int length ? length : null;
        }

        // Collection expressions have no IOperation of their own in Roslyn 4.8: read the syntax.
        if (expression.Syntax is CollectionExpressionSyntax collection
            && collection.Elements.All(static element => element is ExpressionElementSyntax))
        {
            return collection.Elements.Count;
        }

        return null;
    }

    private static void CheckRange(
        OperationAnalysisContext context,
        FieldConstraints constraints,
        IOperation expression,
        object constant,
        double value,
        Location location)
    {
        var range = constraints.Range;
        if (range is null || range.Contains(value))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (LiteralKindExtensions.FromType(expression.Type) is LiteralKind kind && range.Clamp(value, kind) is double replacement)
        {
            properties = properties
                .Add(ReplacementProperty, ConstantText.Number(replacement))
                .Add(LiteralKindProperty, kind.ToString());
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ValueOutOfRange,
            location,
            properties,
            constraints.JsonName,
            range.Describe(),
            ConstantText.Number(constant)));
    }

    private static void CheckString(OperationAnalysisContext context, FieldConstraints constraints, string text, Location location)
    {
        var min = constraints.MinStringLength;
        var max = constraints.MaxStringLength;
        if ((min is int atLeast && text.Length < atLeast) || (max is int atMost && text.Length > atMost))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.StringLengthOutOfRange,
                location,
                constraints.JsonName,
                DescribeBounds(min, max),
                ConstantText.String(text),
                text.Length));
        }

        if (constraints.MatchesPattern(text) == false)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.PatternMismatch,
                location,
                constraints.JsonName,
                constraints.Pattern,
                ConstantText.String(text)));
        }

        CheckAllowedValues(context, constraints, text, location);
    }

    private static void CheckItemCount(OperationAnalysisContext context, FieldConstraints constraints, int count, Location location)
    {
        var min = constraints.MinItems;
        var max = constraints.MaxItems;
        if ((min is int atLeast && count < atLeast) || (max is int atMost && count > atMost))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ItemCountOutOfRange,
                location,
                constraints.JsonName,
                DescribeBounds(min, max),
                count));
        }
    }

    /// <summary>
    /// Strings are compared ordinally with the allowed strings, numbers by value with the allowed
    /// numbers; a constant of a kind the list does not contain at all is left alone.
    /// </summary>
    private static void CheckAllowedValues(OperationAnalysisContext context, FieldConstraints constraints, object constant, Location location)
    {
        var allowed = constraints.AllowedValues;
        if (allowed.IsDefaultOrEmpty)
        {
            return;
        }

        var sameKindSeen = false;
        foreach (var candidate in allowed)
        {
            if (constant is string text)
            {
                if (candidate is string allowedText)
                {
                    sameKindSeen = true;
                    if (allowedText == text)
                    {
                        return;
                    }
                }
            }
            else if (ConstantText.TryGetNumber(candidate, out var allowedNumber) && ConstantText.TryGetNumber(constant, out var number))
            {
                sameKindSeen = true;
                if (allowedNumber.Equals(number))
                {
                    return;
                }
            }
        }

        if (!sameKindSeen)
        {
            return;
        }

        var shown = string.Join(", ", allowed.Take(MaxShownAllowedValues).Select(ConstantText.Value));
        if (allowed.Length > MaxShownAllowedValues)
        {
            shown += ", …";
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ValueNotAllowed,
            location,
            constraints.JsonName,
            shown,
            ConstantText.Value(constant)));
    }

    private static string DescribeBounds(int? min, int? max) => (min, max) switch
    {
        (int low, int high) when low == high => "exactly " + low,
        (int low, int high) => "between " + low + " and " + high,
        (int low, null) => "at least " + low,
        (null, int high) => "at most " + high,
        _ => "",
    };
}
