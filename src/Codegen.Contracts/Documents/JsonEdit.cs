using System.Collections.Generic;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>
/// Changes to an immutable JSON tree at a JSON pointer: the path from the root down to the change is
/// rebuilt, everything else is shared. Rebuilt nodes take over the positions of the nodes they replace,
/// so a diagnostic about an edited document still lands on the line the user wrote.
/// </summary>
internal static class JsonEdit
{
    /// <summary>The tree with the value at <paramref name="pointer"/> replaced (or added as a new member).</summary>
    public static CodegenJson Replace(CodegenJson root, string pointer, CodegenJson value, CodegenJsonPositions positions) =>
        Rebuild(root, JsonPointer.Split(pointer), 0, value, remove: false, positions);

    /// <summary>The tree without the value at <paramref name="pointer"/> (an object member or an array item).</summary>
    public static CodegenJson Remove(CodegenJson root, string pointer, CodegenJsonPositions positions) =>
        Rebuild(root, JsonPointer.Split(pointer), 0, null, remove: true, positions);

    private static CodegenJson Rebuild(CodegenJson node, IReadOnlyList<string> tokens, int depth, CodegenJson? value, bool remove, CodegenJsonPositions positions)
    {
        if (depth == tokens.Count)
        {
            // A replacement built from the old value (an overlay's merge) stands where the old one was written.
            if (positions.TryGet(node, out var old) && !positions.TryGet(value!, out _))
            {
                positions.Record(value!, old.Start, old.End, old.NameStart, old.NameEnd);
            }

            return value!;
        }

        var token = tokens[depth];
        var last = depth == tokens.Count - 1;
        CodegenJson rebuilt;
        if (node.Kind == CodegenJsonKind.Object)
        {
            var members = new List<KeyValuePair<string, CodegenJson>>(node.Members.Count + 1);
            var found = false;
            foreach (var member in node.Members)
            {
                if (member.Key != token)
                {
                    members.Add(member);
                    continue;
                }

                found = true;
                if (!(remove && last))
                {
                    members.Add(new KeyValuePair<string, CodegenJson>(member.Key, Rebuild(member.Value, tokens, depth + 1, value, remove, positions)));
                }
            }

            if (!found)
            {
                if (!last || remove)
                {
                    return node;
                }

                members.Add(new KeyValuePair<string, CodegenJson>(token, value!));
            }

            rebuilt = CodegenJson.NewObject(members.ToArray());
        }
        else if (node.Kind == CodegenJsonKind.Array && int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < node.Items.Count)
        {
            var items = new List<CodegenJson>(node.Items);
            if (remove && last)
            {
                items.RemoveAt(index);
            }
            else
            {
                items[index] = Rebuild(items[index], tokens, depth + 1, value, remove, positions);
            }

            rebuilt = CodegenJson.NewArray(items.ToArray());
        }
        else
        {
            return node;
        }

        if (positions.TryGet(node, out var entry))
        {
            positions.Record(rebuilt, entry.Start, entry.End, entry.NameStart, entry.NameEnd);
        }

        return rebuilt;
    }
}
