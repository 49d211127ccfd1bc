using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Rules.Tests;

/// <summary>
/// The generator writes these very files into every consumer, with the contract's namespace and prefix: they must
/// compile there at C# 11, warning-free, even beside contract types named like every BCL type they use.
/// </summary>
public sealed partial class EmbeddingTests
{
    // Contract definitions a consumer may well have (Match, Encoding, List, ...): in the same namespace they would win over any using directive.
    private const string ContractTypes = """
        namespace Acme.Api
        {
            public sealed class Array { } public sealed class Math { } public sealed class StringComparer { } public sealed class StringComparison { }
            public sealed class TimeSpan { } public sealed class Exception { } public sealed class ArgumentException { } public sealed class ArgumentNullException { }
            public sealed class ArgumentOutOfRangeException { } public sealed class InvalidOperationException { } public sealed class FormatException { }
            public sealed class OverflowException { } public sealed class InsufficientExecutionStackException { } public sealed class Flags { } public sealed class FlagsAttribute { }
            public sealed class List<T> { } public sealed class Dictionary<TKey, TValue> { } public sealed class HashSet<T> { } public sealed class KeyValuePair<TKey, TValue> { }
            public sealed class IReadOnlyList<T> { } public sealed class IEnumerable<T> { } public sealed class ICollection<T> { } public sealed class IEqualityComparer<T> { }
            public sealed class IEquatable<T> { } public sealed class IComparable<T> { } public sealed class Stack<T> { } public sealed class Queue<T> { }
            public sealed class ConcurrentDictionary<TKey, TValue> { } public sealed class CultureInfo { } public sealed class NumberStyles { } public sealed class UnicodeCategory { }
            public sealed class CharUnicodeInfo { } public sealed class StringBuilder { } public sealed class Encoding { } public sealed class UTF8Encoding { }
            public sealed class DecoderFallbackException { } public sealed class BigInteger { } public sealed class Regex { } public sealed class RegexOptions { }
            public sealed class RegexMatchTimeoutException { } public sealed class Volatile { } public sealed class RuntimeHelpers { } public sealed class Match { }
            public sealed class Group { } public sealed class Schema { } public sealed class Pattern { } public sealed class Type { } public sealed class Object { }
        }
        """;

    [Fact]
    public void The_engine_compiles_in_a_consumers_namespace_beside_types_named_like_the_BCL()
    {
        var folder = Path.Combine(RepoPaths.Root, "src", "Codegen.Runtime", "Rules");
        var files = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var options = new CSharpParseOptions(LanguageVersion.CSharp11);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(AsEmbedded(File.ReadAllText(f)), options, path: Path.GetFileName(f)))
            .Append(CSharpSyntaxTree.ParseText(ContractTypes, options))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Acme",
            trees,
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.NotNull(compilation.GetTypeByMetadataName("Acme.Api.AcmeSchemaEvaluator"));
    }

    /// <summary>
    /// What the generator does to a runtime file: the contract's namespace, and its prefix for <c>Codegen</c> + an
    /// upper-case letter in code and comments, never in literals (none of the engine's literals holds such a word,
    /// so replacing everywhere is the same).
    /// </summary>
    private static string AsEmbedded(string source)
    {
        var literals = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.CharacterLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken));
        Assert.DoesNotContain(literals, t => CodegenIdentifier().IsMatch(t.Text));
        return CodegenIdentifier().Replace(source.Replace("namespace Codegen.Runtime;", "namespace Acme.Api;", StringComparison.Ordinal), "Acme");
    }

    [GeneratedRegex(@"\bCodegen(?=[A-Z])")]
    private static partial Regex CodegenIdentifier();
}
