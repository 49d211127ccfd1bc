using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Codegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Codegen.CodeFixes;

/// <summary>
/// CG1001: replaces an out-of-range constant with the nearest allowed value, spelled like the original literal
/// (<c>3</c> → <c>2</c>, <c>3.5</c> → <c>2.0</c>, <c>3.5d</c> → <c>2d</c>, <c>-3</c> → <c>-2</c>). The analyzer
/// decides whether there is a nearest value and what it is, and checks it against the whole schema with the rules
/// engine; no fix is offered when it found none (exclusive bounds on floating-point values, a value no literal of
/// the constant's kind can spell).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToRangeCodeFixProvider))]
[Shared]
public sealed class ClampToRangeCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ValueOutOfRange);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        ConstantReplacement.RegisterAsync(context, 1, static _ => DiagnosticIds.ValueOutOfRange);
}
