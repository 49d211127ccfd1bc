using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.CodeFixes;

/// <summary>
/// Puts a replacement value in place of the constant a diagnostic points at, spelled like the original: a number
/// keeps its literal's suffix (<c>3.5d</c> → <c>2d</c>), a double without one keeps a decimal point (<c>2.0</c>), a
/// string becomes a C# string literal. A constant expression (<c>2 * 1.5</c>, a const field, a cast) is replaced whole.
/// </summary>
internal static class ConstantReplacement
{
    private const string FloatingSuffixes = "dDfFmM";
    private const string IntegerSuffixes = "uUlL";

    /// <summary>
    /// Offers "Use {value}" for the replacements the analyzer put on each diagnostic (<see cref="ContractConstantAnalyzer.ReplacementKey"/>),
    /// the first <paramref name="most"/> of them, each spelled like the constant it replaces.
    /// </summary>
    public static async Task RegisterAsync(CodeFixContext context, int most, Func<int, string> equivalenceKey)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ContractConstantAnalyzer.LiteralKindProperty, out var kindText)
                || kindText is null
                || ExpressionAt(root, diagnostic.Location.SourceSpan) is not { } expression)
            {
                continue;
            }

            var kind = LiteralKindExtensions.Parse(kindText);
            for (var i = 0; i < most && diagnostic.Properties.TryGetValue(ContractConstantAnalyzer.ReplacementKey(i), out var replacement) && replacement is not null; i++)
            {
                var newText = Spell(replacement, kind, expression);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use " + newText,
                        cancellationToken => ReplaceAsync(context.Document, expression, newText, cancellationToken),
                        equivalenceKey: equivalenceKey(i)),
                    diagnostic);
            }
        }
    }

    /// <summary>The outermost expression spanning exactly the diagnostic (FindNode may return its argument).</summary>
    public static ExpressionSyntax? ExpressionAt(SyntaxNode root, TextSpan span)
    {
        SyntaxNode? node = root.FindNode(span);
        while (node is not null and not ExpressionSyntax)
        {
            node = node.ChildNodes().FirstOrDefault(child => child.Span == span);
        }

        return node as ExpressionSyntax;
    }

    /// <summary>The source text of <paramref name="value"/> as a literal of <paramref name="kind"/>, in the style of <paramref name="original"/>.</summary>
    public static string Spell(string value, LiteralKind kind, ExpressionSyntax original)
    {
        switch (kind)
        {
            case LiteralKind.String:
                return SymbolDisplay.FormatLiteral(value, quote: true);
            case LiteralKind.Boolean:
                return value;
        }

        var suffix = LiteralOf(original) is { } token ? SuffixOf(token.Text) : DefaultSuffix(kind);
        var needsPoint = kind == LiteralKind.Double && suffix.Length == 0 && value.IndexOfAny(['.', 'E', 'e']) < 0;
        return value + (needsPoint ? ".0" : "") + suffix;
    }

    public static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, string newText, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.ParseExpression(newText).WithTriviaFrom(expression);
        return document.WithSyntaxRoot(root!.ReplaceNode(expression, replacement));
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
