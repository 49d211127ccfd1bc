using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>
/// JSONPath queries (RFC 9535) as OpenAPI Overlays use them to pick the nodes an action changes:
/// <c>$</c>, names (<c>.name</c>, <c>['name']</c>), indices (negative ones too), wildcards (<c>*</c>),
/// slices, unions (<c>['a','b']</c>), descendants (<c>..</c>) and filters (<c>[?@.type == 'object']</c>
/// with comparisons, existence tests, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and parentheses).
/// A query yields the JSON pointers of the nodes it selects, in document order, so that a caller can
/// change an immutable tree at those places.
/// </summary>
internal sealed partial class JsonPath
{
    private readonly List<Segment> _segments;

    private JsonPath(string text, List<Segment> segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    /// <exception cref="FormatException">The query is not a JSONPath this reader understands; the message says where.</exception>
    public static JsonPath Parse(string text) => new(text, new Parser(text).ParseQuery());

    /// <summary>The pointers of every node the query selects below <paramref name="root"/>, in document order, without duplicates.</summary>
    public IReadOnlyList<string> Select(CodegenJson root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var (_, pointer) in Run(_segments, root, root))
        {
            if (seen.Add(pointer))
            {
                result.Add(pointer);
            }
        }

        return result;
    }

    /// <summary>Applies segments one after another, starting at <paramref name="start"/> (the root, or a filter's current node).</summary>
    private static List<(CodegenJson Node, string Pointer)> Run(List<Segment> segments, CodegenJson start, CodegenJson root)
    {
        var current = new List<(CodegenJson, string)> { (start, string.Empty) };
        foreach (var segment in segments)
        {
            var next = new List<(CodegenJson, string)>();
            foreach (var (node, pointer) in current)
            {
                if (segment.Descendants)
                {
                    foreach (var (descendant, descendantPointer) in SelfAndDescendants(node, pointer))
                    {
                        Apply(segment, descendant, descendantPointer, root, next);
                    }
                }
                else
                {
                    Apply(segment, node, pointer, root, next);
                }
            }

            current = next;
        }

        return current;
    }

    private static IEnumerable<(CodegenJson, string)> SelfAndDescendants(CodegenJson node, string pointer)
    {
        yield return (node, pointer);
        foreach (var (child, childPointer) in Children(node, pointer))
        {
            foreach (var descendant in SelfAndDescendants(child, childPointer))
            {
                yield return descendant;
            }
        }
    }

    private static IEnumerable<(CodegenJson, string)> Children(CodegenJson node, string pointer)
    {
        if (node.Kind == CodegenJsonKind.Object)
        {
            foreach (var member in node.Members)
            {
                yield return (member.Value, JsonPointer.Append(pointer, member.Key));
            }
        }
        else if (node.Kind == CodegenJsonKind.Array)
        {
            for (var i = 0; i < node.Items.Count; i++)
            {
                yield return (node.Items[i], JsonPointer.Append(pointer, i));
            }
        }
    }

    private static void Apply(Segment segment, CodegenJson node, string pointer, CodegenJson root, List<(CodegenJson, string)> output)
    {
        foreach (var selector in segment.Selectors)
        {
            switch (selector)
            {
                case NameSelector name when node.Kind == CodegenJsonKind.Object:
                    if (node.TryGetProperty(name.Name, out var member))
                    {
                        output.Add((member, JsonPointer.Append(pointer, name.Name)));
                    }

                    break;
                case IndexSelector index when node.Kind == CodegenJsonKind.Array:
                    var i = index.Index < 0 ? node.Items.Count + index.Index : index.Index;
                    if (i >= 0 && i < node.Items.Count)
                    {
                        output.Add((node.Items[i], JsonPointer.Append(pointer, i)));
                    }

                    break;
                case SliceSelector slice when node.Kind == CodegenJsonKind.Array:
                    foreach (var k in slice.Indices(node.Items.Count))
                    {
                        output.Add((node.Items[k], JsonPointer.Append(pointer, k)));
                    }

                    break;
                case WildcardSelector:
                    output.AddRange(Children(node, pointer));
                    break;
                case FilterSelector filter:
                    foreach (var (child, childPointer) in Children(node, pointer))
                    {
                        if (filter.Expression.Test(child, root))
                        {
                            output.Add((child, childPointer));
                        }
                    }

                    break;
            }
        }
    }

    private sealed class Segment
    {
        public Segment(bool descendants, List<Selector> selectors)
        {
            Descendants = descendants;
            Selectors = selectors;
        }

        public bool Descendants { get; }

        public List<Selector> Selectors { get; }
    }

    private abstract class Selector
    {
    }

    private sealed class NameSelector : Selector
    {
        public NameSelector(string name) => Name = name;

        public string Name { get; }
    }

    private sealed class IndexSelector : Selector
    {
        public IndexSelector(int index) => Index = index;

        public int Index { get; }
    }

    private sealed class WildcardSelector : Selector
    {
    }

    private sealed class SliceSelector : Selector
    {
        private readonly int? _start;
        private readonly int? _end;
        private readonly int _step;

        public SliceSelector(int? start, int? end, int step)
        {
            _start = start;
            _end = end;
            _step = step;
        }

        public IEnumerable<int> Indices(int length)
        {
            if (_step == 0)
            {
                yield break;
            }

            int Normalize(int i) => i >= 0 ? i : length + i;
            if (_step > 0)
            {
                var lower = Math.Min(Math.Max(Normalize(_start ?? 0), 0), length);
                var upper = Math.Min(Math.Max(Normalize(_end ?? length), 0), length);
                for (var i = lower; i < upper; i += _step)
                {
                    yield return i;
                }
            }
            else
            {
                var upper = Math.Min(Math.Max(Normalize(_start ?? length - 1), -1), length - 1);
                var lower = Math.Min(Math.Max(_end is { } end ? Normalize(end) : -length - 1, -1), length - 1);
                for (var i = upper; i > lower; i += _step)
                {
                    yield return i;
                }
            }
        }
    }

    private sealed class FilterSelector : Selector
    {
        public FilterSelector(Expression expression) => Expression = expression;

        public Expression Expression { get; }
    }

    /// <summary>A filter expression: a test of the current node (<c>@</c>) or the root (<c>$</c>).</summary>
    private abstract class Expression
    {
        public abstract bool Test(CodegenJson current, CodegenJson root);
    }

    private sealed class Not : Expression
    {
        private readonly Expression _inner;

        public Not(Expression inner) => _inner = inner;

        public override bool Test(CodegenJson current, CodegenJson root) => !_inner.Test(current, root);
    }

    private sealed class Logical : Expression
    {
        private readonly Expression _left;
        private readonly Expression _right;
        private readonly bool _and;

        public Logical(Expression left, Expression right, bool and)
        {
            _left = left;
            _right = right;
            _and = and;
        }

        public override bool Test(CodegenJson current, CodegenJson root) =>
            _and ? _left.Test(current, root) && _right.Test(current, root) : _left.Test(current, root) || _right.Test(current, root);
    }

    /// <summary>A path used as a test: true when it selects anything.</summary>
    private sealed class Exists : Expression
    {
        private readonly Operand _path;

        public Exists(Operand path) => _path = path;

        public override bool Test(CodegenJson current, CodegenJson root) => _path.Values(current, root).Count > 0;
    }

    private sealed class Comparison : Expression
    {
        private readonly Operand _left;
        private readonly Operand _right;
        private readonly string _operator;

        public Comparison(Operand left, string op, Operand right)
        {
            _left = left;
            _operator = op;
            _right = right;
        }

        public override bool Test(CodegenJson current, CodegenJson root)
        {
            // RFC 9535: a comparison operand must be a single value; an empty selection compares as "Nothing".
            var left = _left.Single(current, root);
            var right = _right.Single(current, root);
            switch (_operator)
            {
                case "==":
                    return AreEqual(left, right);
                case "!=":
                    return !AreEqual(left, right);
                case "<":
                    return IsLess(left, right);
                case ">":
                    return IsLess(right, left);
                case "<=":
                    return IsLess(left, right) || AreEqual(left, right);
                default:
                    return IsLess(right, left) || AreEqual(left, right);
            }
        }

        private static bool AreEqual(CodegenJson? left, CodegenJson? right) => left is null ? right is null : left.Equals(right);

        private static bool IsLess(CodegenJson? left, CodegenJson? right)
        {
            if (left is null || right is null || left.Kind != right.Kind)
            {
                return false;
            }

            return left.Kind switch
            {
                CodegenJsonKind.Number => left.NumberValue < right.NumberValue,
                CodegenJsonKind.String => string.CompareOrdinal(left.StringValue, right.StringValue) < 0,
                _ => false,
            };
        }
    }

    private sealed class Operand
    {
        private readonly CodegenJson? _literal;
        private readonly bool _fromRoot;
        private readonly List<Segment>? _segments;

        private Operand(CodegenJson? literal, bool fromRoot, List<Segment>? segments)
        {
            _literal = literal;
            _fromRoot = fromRoot;
            _segments = segments;
        }

        public bool IsPath => _segments is not null;

        public static Operand Literal(CodegenJson value) => new(value, false, null);

        public static Operand Path(bool fromRoot, List<Segment> segments) => new(null, fromRoot, segments);

        public IReadOnlyList<CodegenJson> Values(CodegenJson current, CodegenJson root)
        {
            if (_segments is null)
            {
                return new[] { _literal! };
            }

            var nodes = Run(_segments, _fromRoot ? root : current, root);
            var values = new List<CodegenJson>(nodes.Count);
            foreach (var (node, _) in nodes)
            {
                values.Add(node);
            }

            return values;
        }

        public CodegenJson? Single(CodegenJson current, CodegenJson root)
        {
            var values = Values(current, root);
            return values.Count == 1 ? values[0] : null;
        }
    }
}
