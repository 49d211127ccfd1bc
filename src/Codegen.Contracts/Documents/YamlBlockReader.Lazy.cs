using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>
/// Reading only the component schemas a selection reaches (see <see cref="YamlBlockReader"/>). With
/// <see cref="ReadSkippingSchemas"/>, each member of <c>/components/schemas</c> whose value starts on the next line is
/// stepped over by its indentation and remembered; <see cref="Complete"/> then reads the ones the selected operations
/// reach (following every <c>#/components/schemas/...</c> string in what it reads, so never fewer than the schema walk
/// will follow) at their own place in the text, so values and positions are those of a whole reading.
/// </summary>
internal sealed partial class YamlBlockReader
{
    private readonly List<Slot> _schemaSlots = new();
    private bool _lazySchemas;

    private enum MappingRole
    {
        None,
        Root,
        Components,
        Schemas,
        Paths,
        PathItem,
        Operation,
    }

    private static MappingRole ChildRole(MappingRole role, string key) => role switch
    {
        MappingRole.Root when key == "components" => MappingRole.Components,
        MappingRole.Root when key == "paths" => MappingRole.Paths,
        MappingRole.Components when key == "schemas" => MappingRole.Schemas,
        MappingRole.Paths => MappingRole.PathItem,
        MappingRole.PathItem when key is "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace" => MappingRole.Operation,
        _ => MappingRole.None,
    };

    /// <summary>
    /// What a selection's reading steps over: component schemas (read later if reached), and the specification
    /// extensions of path items and operations, which the OpenAPI reader never reads (OpenAI's <c>x-oaiMeta</c> code
    /// samples are two thirds of its paths).
    /// </summary>
    private static bool Skippable(MappingRole role, string key) =>
        role == MappingRole.Schemas || (role is MappingRole.PathItem or MappingRole.Operation && key.StartsWith("x-", System.StringComparison.Ordinal));

    /// <summary>Whether anything was stepped over.</summary>
    public bool HasSkipped { get; private set; }

    /// <summary>Reads the text with the members of <c>/components/schemas</c> left out until <see cref="Complete"/> asks for them.</summary>
    public static (CodegenJson Root, YamlBlockReader Reader) ReadSkippingSchemas(string text, CodegenJsonPositions positions)
    {
        CheckCharacters(text);
        var reader = new YamlBlockReader(text.EndsWith("\n", System.StringComparison.Ordinal) ? text : text + "\n", positions) { _lazySchemas = true };
        positions.SetText(text);
        return (reader.ReadDocument(), reader);
    }

    /// <summary>
    /// The document with the component schemas that <paramref name="pointers"/> reach, directly or through references; null
    /// when a reference cannot be followed by pointer (another document, an <c>$id</c>, a dynamic reference), and the
    /// caller reads the whole document instead.
    /// </summary>
    public CodegenJson? Complete(CodegenJson skeleton, IEnumerable<string> pointers)
    {
        if (_schemaSlots.Count == 0)
        {
            return skeleton;
        }

        var slots = new Dictionary<string, Slot>(System.StringComparer.Ordinal);
        foreach (var slot in _schemaSlots)
        {
            slots[slot.Key] = slot;
        }

        var visited = new HashSet<CodegenJson>(ReferenceComparer.Instance);
        var pending = new Stack<CodegenJson>();
        bool Need(string pointer)
        {
            var tokens = JsonPointer.Split(pointer);
            if (tokens.Count >= 3 && tokens[0] == "components" && tokens[1] == "schemas" && slots.TryGetValue(tokens[2], out var slot))
            {
                if (slot.Value is null)
                {
                    try
                    {
                        slot.Value = ReadSkipped(slot);
                    }
                    catch (System.Exception ex) when (ex is System.NotSupportedException or System.IndexOutOfRangeException or System.ArgumentOutOfRangeException)
                    {
                        return false;
                    }
                }

                if (visited.Add(slot.Value))
                {
                    pending.Push(slot.Value);
                }

                return true;
            }

            if (JsonPointer.Find(skeleton, pointer) is { } found && visited.Add(found))
            {
                pending.Push(found);
            }

            return true;
        }

        foreach (var pointer in pointers)
        {
            if (!Need(pointer))
            {
                return null;
            }
        }

        while (pending.Count > 0)
        {
            if (!Follow(pending.Pop(), Need))
            {
                return null;
            }
        }

        return Rebuild(skeleton);
    }

    /// <summary>Follows every same-document reference in a value; false for one that cannot be followed by pointer.</summary>
    private static bool Follow(CodegenJson value, System.Func<string, bool> need)
    {
        switch (value.Kind)
        {
            case CodegenJsonKind.String:
                var text = value.StringValue;
                return !text.StartsWith("#/", System.StringComparison.Ordinal) || JsonPointer.FromFragment(text) is not { } pointer || need(pointer);
            case CodegenJsonKind.Array:
                foreach (var item in value.Items)
                {
                    if (!Follow(item, need))
                    {
                        return false;
                    }
                }

                return true;
            case CodegenJsonKind.Object:
                foreach (var member in value.Members)
                {
                    switch (member.Key)
                    {
                        case "$ref" when member.Value.Kind != CodegenJsonKind.String || !member.Value.StringValue.StartsWith("#/", System.StringComparison.Ordinal):
                        case "$id":
                        case "$anchor":
                        case "$dynamicRef":
                        case "$dynamicAnchor":
                            return false;
                    }

                    if (!Follow(member.Value, need))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private CodegenJson ReadSkipped(Slot slot)
    {
        _pos = slot.AfterColon;
        _lineStart = slot.LineStart;
        _lineFinished = false;
        _depth = 3;
        return ReadValue(slot.Indent, slot.KeyStart, slot.KeyEnd);
    }

    /// <summary>The skeleton with <c>/components/schemas</c> holding the members read so far, in the text's order; containers keep their positions.</summary>
    private CodegenJson Rebuild(CodegenJson skeleton)
    {
        var components = skeleton.GetPropertyOrNull("components")!;
        var schemas = components.GetPropertyOrNull("schemas")!;
        var members = new List<KeyValuePair<string, CodegenJson>>();
        foreach (var slot in _schemaSlots)
        {
            if (slot.Value is { } value)
            {
                members.Add(new KeyValuePair<string, CodegenJson>(slot.Key, value));
            }
        }

        var newSchemas = Replace(schemas, CodegenJson.NewObject(members.ToArray()));
        var newComponents = Replace(components, WithMember(components, "schemas", newSchemas));
        return Replace(skeleton, WithMember(skeleton, "components", newComponents));
    }

    private static CodegenJson WithMember(CodegenJson owner, string key, CodegenJson value)
    {
        var members = new KeyValuePair<string, CodegenJson>[owner.Members.Count];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = owner.Members[i].Key == key ? new KeyValuePair<string, CodegenJson>(key, value) : owner.Members[i];
        }

        return CodegenJson.NewObject(members);
    }

    private CodegenJson Replace(CodegenJson old, CodegenJson value)
    {
        if (_positions.TryGet(old, out var entry))
        {
            _positions.Record(value, entry.Start, entry.End, entry.NameStart, entry.NameEnd);
        }

        return value;
    }

    /// <summary>
    /// Steps over a member whose value starts on the next line: every following line more indented than its key.
    /// Anything else (a value on the key's line, nothing, a sequence at the key's indentation) is read as usual.
    /// </summary>
    private bool SkipValue(string key, int keyStart, int keyEnd, int indent, bool remember)
    {
        var afterColon = _pos;
        var p = _pos;
        while (_text[p] == ' ')
        {
            p++;
        }

        if (_text[p] == '#' && _text[p - 1] == ' ')
        {
            p = _text.IndexOf('\n', p);
        }

        if (_text[p] != '\n')
        {
            return false;
        }

        var lineStart = LineStartOf(keyStart);
        _pos = p + 1;
        SkipToContent();
        if (AtEnd || Column <= indent)
        {
            _pos = afterColon;
            _lineStart = lineStart;
            return false;
        }

        while (!AtEnd && Column > indent)
        {
            _pos = _text.IndexOf('\n', _pos) + 1;
            SkipToContent();
        }

        HasSkipped = true;
        if (remember)
        {
            _schemaSlots.Add(new Slot(key, keyStart, keyEnd, afterColon, lineStart, indent));
        }

        return true;
    }

    private int LineStartOf(int position) => position == 0 ? 0 : _text.LastIndexOf('\n', position - 1) + 1;

    /// <summary>A member of <c>/components/schemas</c>: where its key and value are, and its value once read.</summary>
    private sealed class Slot
    {
        public Slot(string key, int keyStart, int keyEnd, int afterColon, int lineStart, int indent)
        {
            Key = key;
            KeyStart = keyStart;
            KeyEnd = keyEnd;
            AfterColon = afterColon;
            LineStart = lineStart;
            Indent = indent;
        }

        public string Key { get; }

        public int KeyStart { get; }

        public int KeyEnd { get; }

        public int AfterColon { get; }

        public int LineStart { get; }

        public int Indent { get; }

        public CodegenJson? Value { get; set; }
    }

    private sealed class ReferenceComparer : IEqualityComparer<CodegenJson>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(CodegenJson? x, CodegenJson? y) => ReferenceEquals(x, y);

        public int GetHashCode(CodegenJson obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
