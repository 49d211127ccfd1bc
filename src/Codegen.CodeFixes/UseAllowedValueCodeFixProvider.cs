using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Codegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Codegen.CodeFixes;

/// <summary>
/// Replaces a constant the contract does not allow with one it does, each choice checked by the analyzer against
/// the member's whole schema with the rules engine:
/// CG1002 a string too long → cut to the maximum length (in code points);
/// CG1005 a value outside a closed enum → one code action per allowed value, closest first;
/// CG1006 a number off the step → the nearest multiple of multipleOf;
/// CG1007 NaN or an infinity → the contract's default, when it has one.
/// Fix All applies the first choice of every one of these diagnostics (their equivalence keys end in ":0") at once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseAllowedValueCodeFixProvider))]
[Shared]
public sealed class UseAllowedValueCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.StringLengthOutOfRange,
        DiagnosticIds.ValueNotAllowed,
        DiagnosticIds.NotAMultiple,
        DiagnosticIds.NotFinite);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        ConstantReplacement.RegisterAsync(context, int.MaxValue, static i => nameof(UseAllowedValueCodeFixProvider) + ":" + i.ToString(CultureInfo.InvariantCulture));
}
