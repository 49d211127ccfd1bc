using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Codegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ContractConstantAnalyzer.ReplacementProperty, out var replacement)
                || !diagnostic.Properties.TryGetValue(ContractConstantAnalyzer.LiteralKindProperty, out var kindText)
                || replacement is null
                || kindText is null
                || ConstantReplacement.ExpressionAt(root, diagnostic.Location.SourceSpan) is not { } expression)
            {
                continue;
            }

            var newText = ConstantReplacement.Spell(replacement, LiteralKindExtensions.Parse(kindText), expression);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + newText,
                    cancellationToken => ConstantReplacement.ReplaceAsync(context.Document, expression, newText, cancellationToken),
                    equivalenceKey: DiagnosticIds.ValueOutOfRange),
                diagnostic);
        }
    }
}
