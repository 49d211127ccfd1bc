using System.Collections.Immutable;
using System.Globalization;
using Codegen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codegen.Analyzers;

/// <summary>
/// Flags compile-time constants that flow into a contract member and break its rules: builder arguments, object
/// initializers, <c>with</c> expressions and assignments. A member is a contract member when it carries a generated
/// schema attribute (see <see cref="ContractTarget"/>); the constant is judged by the rules engine against the
/// member's schema in the attribute's rules document, exactly as the generated builder judges it at run time, and
/// the diagnostic says what the builder would say. Non-constant values are never flagged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractConstantAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property with the best replacement as plain text (a number as JSON writes it, a string as it is); further choices are "Replacement1", "Replacement2", ...</summary>
    public const string ReplacementProperty = "Replacement";

    /// <summary>Diagnostic property with the <see cref="LiteralKind"/> the replaced constant is spelled in.</summary>
    public const string LiteralKindProperty = "LiteralKind";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ValueOutOfRange,
        DiagnosticDescriptors.StringLengthOutOfRange,
        DiagnosticDescriptors.PatternMismatch,
        DiagnosticDescriptors.ItemCountOutOfRange,
        DiagnosticDescriptors.ValueNotAllowed,
        DiagnosticDescriptors.NotAMultiple,
        DiagnosticDescriptors.NotFinite,
        DiagnosticDescriptors.SchemaMismatch);

    /// <summary>The name of the property a replacement at <paramref name="index"/> travels in.</summary>
    public static string ReplacementKey(int index) => index == 0 ? ReplacementProperty : ReplacementProperty + index.ToString(CultureInfo.InvariantCulture);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var targets = new ContractTarget.Cache();

            start.RegisterOperationAction(
                operationContext =>
                {
                    var argument = (IArgumentOperation)operationContext.Operation;
                    // Skips default values (implicit arguments) and the array the compiler builds for `params`.
                    var compilerMade = argument.IsImplicit || (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value.IsImplicit);
                    if (argument.Parameter is { } parameter && !compilerMade)
                    {
                        Check(operationContext, argument.Value, parameter, targets);
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
                        Check(operationContext, assignment.Value, member, targets);
                    }
                },
                OperationKind.SimpleAssignment);
        });
    }

    private static void Check(OperationAnalysisContext context, IOperation value, ISymbol member, ContractTarget.Cache targets)
    {
        // Cheap test first: most values are not constants, and then the member's attributes are never read.
        if (!MayBeConstant(value) || targets.Of(member) is not { } target || ContractConstant.Read(value, target) is not { } constant)
        {
            return;
        }

        var violation = constant.Json is { } json
            ? CodegenSchemaEvaluator.FirstViolation(target.Schema, json, "$")
            : CodegenSchemaEvaluator.FirstViolation(target.Schema, constant.Floating!.Value, "$");
        if (violation is null)
        {
            return;
        }

        var descriptor = DescriptorFor(violation.Keyword);
        var properties = ImmutableDictionary<string, string?>.Empty;
        // A fix replaces the constant as a whole: only a rule of the value itself (not of an item in it) has one.
        if (constant.Kind is { } kind && violation.Path == "$")
        {
            var replacements = Replacements.For(descriptor.Id, violation, target, constant);
            for (var i = 0; i < replacements.Count; i++)
            {
                properties = properties.Add(ReplacementKey(i), replacements[i]);
            }

            if (replacements.Count > 0)
            {
                properties = properties.Add(LiteralKindProperty, kind.ToString());
            }
        }

        // An item's rule names the item: 'stop[2]'.
        var name = violation.Path.Length > 1 ? target.Name + violation.Path.Substring(1) : target.Name;
        var location = constant.Written.Syntax.GetLocation();
        var diagnostic = descriptor == DiagnosticDescriptors.SchemaMismatch
            ? Diagnostic.Create(descriptor, location, properties, name, violation.Rule, violation.Value is null ? string.Empty : "; " + violation.Value + (violation.IsRange ? " is out of range" : " is not allowed"))
            : Diagnostic.Create(descriptor, location, properties, name, violation.Rule, violation.Value ?? "the value");
        context.ReportDiagnostic(diagnostic);
    }

    /// <summary>The diagnostic for a rule, by the keyword the rules engine names.</summary>
    private static DiagnosticDescriptor DescriptorFor(string keyword) => keyword switch
    {
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" => DiagnosticDescriptors.ValueOutOfRange,
        "minLength" or "maxLength" => DiagnosticDescriptors.StringLengthOutOfRange,
        "pattern" => DiagnosticDescriptors.PatternMismatch,
        "minItems" or "maxItems" => DiagnosticDescriptors.ItemCountOutOfRange,
        "enum" or "const" => DiagnosticDescriptors.ValueNotAllowed,
        "multipleOf" => DiagnosticDescriptors.NotAMultiple,
        "finite" => DiagnosticDescriptors.NotFinite,
        _ => DiagnosticDescriptors.SchemaMismatch,
    };

    /// <summary>Whether the value is a constant, a conversion of one, or an array of constants: the only values checked.</summary>
    private static bool MayBeConstant(IOperation value)
    {
        while (true)
        {
            if (value.ConstantValue.HasValue)
            {
                return true;
            }

            if (value is not IConversionOperation conversion)
            {
                return value is IArrayCreationOperation || value.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax;
            }

            value = conversion.Operand;
        }
    }
}
