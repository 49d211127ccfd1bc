namespace Codegen.Runtime;

/// <summary>The kinds of JSON value; <c>true</c> and <c>false</c> are kinds of their own so that a boolean needs no payload.</summary>
internal enum CodegenJsonKind : byte
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// An immutable JSON value, compared the way JSON Schema compares instances: numbers by value
/// (1 equals 1.0), strings ordinally, arrays item by item, objects by their members in any order.
/// The rules engine reads contracts and checks payloads in this one form.
/// </summary>
internal sealed class CodegenJson : global::System.IEquatable<CodegenJson>
{
    /// <summary>Objects with more members than this look names up in a dictionary, built on first use.</summary>
    private const int IndexThreshold = 8;

    private static readonly CodegenJson[] NoItems = new CodegenJson[0];
    private static readonly global::System.Collections.Generic.KeyValuePair<string, CodegenJson>[] NoMembers = new global::System.Collections.Generic.KeyValuePair<string, CodegenJson>[0];

    private readonly string? _string;
    private readonly CodegenNumber _number;
    private readonly CodegenJson[]? _items;
    private readonly global::System.Collections.Generic.KeyValuePair<string, CodegenJson>[]? _members;
    private global::System.Collections.Generic.Dictionary<string, CodegenJson>? _index;

    /// <summary>Where <see cref="CodegenJsonPositions"/> keeps this value's position (1-based; 0 for none). Not part of the value.</summary>
    internal int PositionSlot;

    private CodegenJson(CodegenJsonKind kind, string? text = null, CodegenNumber number = default, CodegenJson[]? items = null, global::System.Collections.Generic.KeyValuePair<string, CodegenJson>[]? members = null)
    {
        Kind = kind;
        _string = text;
        _number = number;
        _items = items;
        _members = members;
    }

    public static CodegenJson Null { get; } = new(CodegenJsonKind.Null);

    public static CodegenJson True { get; } = new(CodegenJsonKind.True);

    public static CodegenJson False { get; } = new(CodegenJsonKind.False);

    public CodegenJsonKind Kind { get; }

    public bool IsNull => Kind == CodegenJsonKind.Null;

    public bool IsBoolean => Kind is CodegenJsonKind.True or CodegenJsonKind.False;

    /// <summary>The string of a <see cref="CodegenJsonKind.String"/> value.</summary>
    /// <exception cref="global::System.InvalidOperationException">The value is not a string.</exception>
    public string StringValue => Kind == CodegenJsonKind.String ? _string! : throw WrongKind(CodegenJsonKind.String);

    /// <summary>The number of a <see cref="CodegenJsonKind.Number"/> value.</summary>
    /// <exception cref="global::System.InvalidOperationException">The value is not a number.</exception>
    public CodegenNumber NumberValue => Kind == CodegenJsonKind.Number ? _number : throw WrongKind(CodegenJsonKind.Number);

    /// <summary>The items of an array; empty for every other kind.</summary>
    public global::System.Collections.Generic.IReadOnlyList<CodegenJson> Items => _items ?? NoItems;

    /// <summary>The members of an object in the order they were written; empty for every other kind.</summary>
    public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, CodegenJson>> Members => _members ?? NoMembers;

    public static CodegenJson FromBoolean(bool value) => value ? True : False;

    public static CodegenJson FromString(string value) => new(CodegenJsonKind.String, value ?? throw new global::System.ArgumentNullException(nameof(value)));

    public static CodegenJson FromNumber(CodegenNumber value) => new(CodegenJsonKind.Number, number: value);

    public static CodegenJson FromInt64(long value) => FromNumber(CodegenNumber.FromInt64(value));

    public static CodegenJson FromDecimal(decimal value) => FromNumber(CodegenNumber.FromDecimal(value));

    /// <summary>A number from a double, exactly as it prints (0.1 is 0.1).</summary>
    /// <exception cref="global::System.ArgumentOutOfRangeException">NaN or an infinity: JSON has no such number.</exception>
    public static CodegenJson FromDouble(double value) => FromNumber(CodegenNumber.FromDouble(value));

    public static CodegenJson CreateArray(global::System.Collections.Generic.IEnumerable<CodegenJson> items)
    {
        var array = new global::System.Collections.Generic.List<CodegenJson>(items).ToArray();
        return new(CodegenJsonKind.Array, items: array);
    }

    /// <exception cref="global::System.ArgumentException">Two members have the same name.</exception>
    public static CodegenJson CreateObject(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, CodegenJson>> members)
    {
        var list = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, CodegenJson>>(members);
        var names = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
        foreach (var member in list)
        {
            if (!names.Add(member.Key))
            {
                throw new global::System.ArgumentException("Two members are named '" + member.Key + "'.", nameof(members));
            }
        }

        return new(CodegenJsonKind.Object, members: list.ToArray());
    }

    /// <summary>A fresh instance of a literal kind, for readers that record positions by instance.</summary>
    internal static CodegenJson NewLiteral(CodegenJsonKind kind) => new(kind);

    internal static CodegenJson NewString(string value) => new(CodegenJsonKind.String, value);

    internal static CodegenJson NewArray(CodegenJson[] items) => new(CodegenJsonKind.Array, items: items);

    internal static CodegenJson NewObject(global::System.Collections.Generic.KeyValuePair<string, CodegenJson>[] members) => new(CodegenJsonKind.Object, members: members);

    /// <summary>Reads one JSON text (RFC 8259, strictly: no comments, no trailing commas, no duplicate names).</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="positions">When given, receives where each value (and each member's name) starts and ends.</param>
    /// <exception cref="CodegenJsonException">The text is not JSON; the exception says where.</exception>
    public static CodegenJson Parse(string text, CodegenJsonPositions? positions = null) => new CodegenJsonParser(text, positions).ParseDocument();

    /// <summary>The value of the member <paramref name="name"/>, or null when this is not an object or has no such member.</summary>
    public CodegenJson? GetPropertyOrNull(string name) => TryGetProperty(name, out var value) ? value : null;

    public bool TryGetProperty(string name, out CodegenJson value)
    {
        value = null!;
        var members = _members;
        if (members is null)
        {
            return false;
        }

        if (members.Length > IndexThreshold)
        {
            var index = _index;
            if (index is null)
            {
                index = new global::System.Collections.Generic.Dictionary<string, CodegenJson>(members.Length, global::System.StringComparer.Ordinal);
                foreach (var member in members)
                {
                    index[member.Key] = member.Value;
                }

                // A benign race: two threads may each build an equal index.
                _index = index;
            }

            return index.TryGetValue(name, out value!);
        }

        foreach (var member in members)
        {
            if (string.Equals(member.Key, name, global::System.StringComparison.Ordinal))
            {
                value = member.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>Equality as JSON Schema defines it for <c>enum</c>, <c>const</c> and <c>uniqueItems</c>.</summary>
    public bool Equals(CodegenJson? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Kind != other.Kind)
        {
            return false;
        }

        switch (Kind)
        {
            case CodegenJsonKind.Number:
                return _number.Equals(other._number);
            case CodegenJsonKind.String:
                return string.Equals(_string, other._string, global::System.StringComparison.Ordinal);
            case CodegenJsonKind.Array:
                var items = _items!;
                var otherItems = other._items!;
                if (items.Length != otherItems.Length)
                {
                    return false;
                }

                for (var i = 0; i < items.Length; i++)
                {
                    if (!items[i].Equals(otherItems[i]))
                    {
                        return false;
                    }
                }

                return true;
            case CodegenJsonKind.Object:
                if (_members!.Length != other._members!.Length)
                {
                    return false;
                }

                foreach (var member in _members)
                {
                    if (!other.TryGetProperty(member.Key, out var value) || !member.Value.Equals(value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    public override bool Equals(object? obj) => Equals(obj as CodegenJson);

    public override int GetHashCode()
    {
        unchecked
        {
            switch (Kind)
            {
                case CodegenJsonKind.Number:
                    return _number.GetHashCode();
                case CodegenJsonKind.String:
                    return global::System.StringComparer.Ordinal.GetHashCode(_string!);
                case CodegenJsonKind.Array:
                    var hash = 17;
                    foreach (var item in _items!)
                    {
                        hash = (hash * 31) + item.GetHashCode();
                    }

                    return hash;
                case CodegenJsonKind.Object:
                    // Order-independent, as object equality is.
                    var sum = 19;
                    foreach (var member in _members!)
                    {
                        sum += global::System.StringComparer.Ordinal.GetHashCode(member.Key) ^ (member.Value.GetHashCode() * 7);
                    }

                    return sum;
                default:
                    return (int)Kind;
            }
        }
    }

    /// <summary>The value as compact JSON text.</summary>
    public override string ToString()
    {
        var builder = new global::System.Text.StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }

    public void WriteTo(global::System.Text.StringBuilder builder)
    {
        switch (Kind)
        {
            case CodegenJsonKind.Null:
                builder.Append("null");
                break;
            case CodegenJsonKind.True:
                builder.Append("true");
                break;
            case CodegenJsonKind.False:
                builder.Append("false");
                break;
            case CodegenJsonKind.Number:
                builder.Append(_number.ToString());
                break;
            case CodegenJsonKind.String:
                WriteString(builder, _string!);
                break;
            case CodegenJsonKind.Array:
                builder.Append('[');
                for (var i = 0; i < _items!.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    _items[i].WriteTo(builder);
                }

                builder.Append(']');
                break;
            case CodegenJsonKind.Object:
                builder.Append('{');
                for (var i = 0; i < _members!.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteString(builder, _members[i].Key);
                    builder.Append(':');
                    _members[i].Value.WriteTo(builder);
                }

                builder.Append('}');
                break;
        }
    }

    /// <summary>Writes <paramref name="value"/> as a JSON string literal: quotes, backslashes and control characters escaped, the rest as is.</summary>
    public static void WriteString(global::System.Text.StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (c < ' ' || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                    {
                        // Control characters, line separators and lone surrogates are escaped, so the text is valid UTF-16 and safe in any source.
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private global::System.InvalidOperationException WrongKind(CodegenJsonKind expected) =>
        new("The JSON value is " + Kind.ToString().ToLowerInvariant() + ", not " + expected.ToString().ToLowerInvariant() + ".");
}

/// <summary>Where each value of a parsed JSON text sits, by instance: offsets into the text, and lines and columns from them.</summary>
internal sealed class CodegenJsonPositions
{
    // Each value records its slot here, so that a lookup is an index, not a hash of 100,000 object references.
    private readonly global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<CodegenJson, Entry>> _entries = new();
    private int[] _lineStarts = new[] { 0 };

    /// <summary>Where a value starts and ends (exclusive), and where its member name starts and ends when it is an object member's value (else -1).</summary>
    public readonly struct Entry
    {
        public Entry(int start, int end, int nameStart, int nameEnd)
        {
            Start = start;
            End = end;
            NameStart = nameStart;
            NameEnd = nameEnd;
        }

        public int Start { get; }

        public int End { get; }

        public int NameStart { get; }

        public int NameEnd { get; }
    }

    /// <summary>Records the text the offsets refer to, so that <see cref="LineAndColumn"/> can count lines.</summary>
    public void SetText(string text)
    {
        var starts = new global::System.Collections.Generic.List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            // \r\n, \r and \n end lines, as Roslyn counts them.
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    public void Record(CodegenJson value, int start, int end, int nameStart, int nameEnd)
    {
        var entry = new global::System.Collections.Generic.KeyValuePair<CodegenJson, Entry>(value, new Entry(start, end, nameStart, nameEnd));
        if (Owns(value))
        {
            _entries[value.PositionSlot - 1] = entry;
            return;
        }

        _entries.Add(entry);
        value.PositionSlot = _entries.Count;
    }

    public bool TryGet(CodegenJson value, out Entry entry)
    {
        entry = default;
        if (!Owns(value))
        {
            return false;
        }

        entry = _entries[value.PositionSlot - 1].Value;
        return true;
    }

    /// <summary>Whether the value's slot is one of this table's (a value read from another text has a slot of that text's table).</summary>
    private bool Owns(CodegenJson value) =>
        value.PositionSlot > 0 && value.PositionSlot <= _entries.Count && ReferenceEquals(_entries[value.PositionSlot - 1].Key, value);

    /// <summary>The zero-based line and column of an offset.</summary>
    public (int Line, int Column) LineAndColumn(int offset)
    {
        var index = global::System.Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line, offset - _lineStarts[line]);
    }
}

/// <summary>The JSON text is not valid; the message says what was found, and the offset, line and column say where.</summary>
internal sealed class CodegenJsonException : global::System.FormatException
{
    public CodegenJsonException(string message, int offset, int line, int column)
        : base(message)
    {
        Offset = offset;
        Line = line;
        Column = column;
    }

    /// <summary>Zero-based offset into the text.</summary>
    public int Offset { get; }

    /// <summary>Zero-based line.</summary>
    public int Line { get; }

    /// <summary>Zero-based column.</summary>
    public int Column { get; }
}
