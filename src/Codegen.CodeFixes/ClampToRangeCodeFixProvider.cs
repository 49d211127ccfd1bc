using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Codegen.CodeFixes;

/// <summary>
/// CG1001: replaces an out-of-range constant with the nearest allowed value, spelled like the
/// original literal (<c>3</c> → <c>2</c>, <c>3.5</c> → <c>2.0</c>, <c>3.5d</c> → <c>2d</c>,
/// <c>-3</c> → <c>-2</c>). A constant expression (<c>2 * 1.5</c>, a const field, a cast) is
/// replaced whole. The analyzer decides whether there is a nearest value and what it is; no fix is
/// offered when it did not (NaN, exclusive bounds on floating-point values).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToRangeCodeFixProvider))]
[Shared]
public sealed class ClampToRangeCodeFixProvider : CodeFixProvider
{
    private const string FloatingSuffixes = "dDfFmM";
    private const string IntegerSuffixes = "uUlL";

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
                || ExpressionAt(root, diagnostic.Location.SourceSpan) is not { } expression)
            {
                continue;
            }

            var newText = Spell(replacement, LiteralKindExtensions.Parse(kindText), LiteralOf(expression));
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + newText,
                    cancellationToken => ReplaceAsync(context.Document, expression, newText, cancellationToken),
                    equivalenceKey: DiagnosticIds.ValueOutOfRange),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, string newText, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.ParseExpression(newText).WithTriviaFrom(expression);
        return document.WithSyntaxRoot(root!.ReplaceNode(expression, replacement));
    }

    /// <summary>The outermost expression spanning exactly the diagnostic (FindNode may return its argument).</summary>
    private static ExpressionSyntax? ExpressionAt(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        SyntaxNode? node = root.FindNode(span);
        while (node is not null and not ExpressionSyntax)
        {
            node = node.ChildNodes().FirstOrDefault(child => child.Span == span);
        }

        return node as ExpressionSyntax;
    }

    /// <summary>The numeric literal the expression is spelled with (<c>3.5d</c>, or <c>3</c> in <c>-3</c>), if it is one.</summary>
    private static SyntaxToken? LiteralOf(ExpressionSyntax expression)
    {
        if (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } unary)
        {
            expression = unary.Operand;
        }

        return expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression)
            ? literal.Token
            : null;
    }

    /// <summary>
    /// The replacement's source text: keeps the original literal's suffix; without a literal to copy,
    /// uses the suffix of the constant's type. A double without a suffix keeps a decimal point so it
    /// stays a double (<c>2.0</c>).
    /// </summary>
    private static string Spell(string value, LiteralKind kind, SyntaxToken? literal)
    {
        var suffix = literal is { } token ? SuffixOf(token.Text) : DefaultSuffix(kind);
        var needsPoint = kind == LiteralKind.Double && suffix.Length == 0
            && value.IndexOfAny(['.', 'E', 'e']) < 0
            && value is not ("NaN" or "Infinity" or "-Infinity");
        return value + (needsPoint ? ".0" : "") + suffix;
    }

    private static string SuffixOf(string literalText)
    {
        var isHexOrBinary = literalText.Length > 1 && literalText[0] == '0' && literalText[1] is 'x' or 'X' or 'b' or 'B';
        var suffixCharacters = isHexOrBinary ? IntegerSuffixes : FloatingSuffixes + IntegerSuffixes;
        var start = literalText.Length;
        while (start > 0 && suffixCharacters.IndexOf(literalText[start - 1]) >= 0)
        {
            start--;
        }

        return literalText.Substring(start);
    }

    private static string DefaultSuffix(LiteralKind kind) => kind switch
    {
        LiteralKind.UInt => "u",
        LiteralKind.Long => "L",
        LiteralKind.ULong => "UL",
        LiteralKind.Float => "f",
        LiteralKind.Decimal => "m",
        _ => "",
    };
}
