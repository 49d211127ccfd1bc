using System;
using System.Collections.Generic;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Runtime;

namespace Codegen.Contracts.OpenApi;

/// <summary>
/// Applies an OpenAPI Overlay (OAI Overlay Specification 1.0) to a contract: what a vendor's document
/// omits, a user adds without editing the vendor's file. Actions run in order; each selects nodes with
/// a JSONPath <c>target</c> and either removes them (<c>remove: true</c>) or merges <c>update</c> into
/// them: objects member by member (recursively), arrays by appending, anything else by replacing.
/// </summary>
internal static class OverlayApplier
{
    public static ContractDocument Apply(ContractDocument target, ContractDocument overlay, DiagnosticBag diagnostics)
    {
        var root = overlay.Root;
        if (root.Kind != CodegenJsonKind.Object)
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, overlay.SpanOf(root), "An overlay is an object with 'overlay', 'info' and 'actions'.");
            return target;
        }

        var version = root.GetPropertyOrNull("overlay");
        if (version is not { Kind: CodegenJsonKind.String } || !version.StringValue.StartsWith("1.", StringComparison.Ordinal))
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, overlay.SpanOf(version ?? root),
                "The overlay must say which version of the Overlay Specification it follows: \"overlay\": \"1.0.0\".");
            return target;
        }

        var actions = root.GetPropertyOrNull("actions");
        if (actions is not { Kind: CodegenJsonKind.Array })
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, overlay.SpanOf(actions ?? root), "The overlay needs 'actions': a list of { target, update } or { target, remove: true }.");
            return target;
        }

        var tree = target.Root;
        foreach (var action in actions.Items)
        {
            tree = ApplyAction(tree, action, target, overlay, diagnostics);
        }

        return target.WithRoot(tree);
    }

    private static CodegenJson ApplyAction(CodegenJson tree, CodegenJson action, ContractDocument target, ContractDocument overlay, DiagnosticBag diagnostics)
    {
        var targetText = action.GetPropertyOrNull("target");
        if (action.Kind != CodegenJsonKind.Object || targetText is not { Kind: CodegenJsonKind.String })
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, overlay.SpanOf(action), "Each overlay action needs a 'target': a JSONPath such as \"$.paths['/chat/completions'].post\".");
            return tree;
        }

        JsonPath path;
        try
        {
            path = JsonPath.Parse(targetText.StringValue);
        }
        catch (FormatException ex)
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, overlay.SpanOf(targetText), ex.Message);
            return tree;
        }

        var remove = action.GetPropertyOrNull("remove") is { Kind: CodegenJsonKind.True };
        var update = action.GetPropertyOrNull("update");
        if (!remove && update is null)
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, overlay.SpanOf(action), "The action has neither 'update' nor 'remove: true', so it changes nothing.");
            return tree;
        }

        var pointers = path.Select(tree);
        if (pointers.Count == 0)
        {
            diagnostics.Add(ContractDiagnosticIds.OverlayTargetNotFound, overlay.SpanOf(targetText),
                $"The target '{JsonPointer.Excerpt(targetText.StringValue)}' selects nothing in '{System.IO.Path.GetFileName(target.Path)}', so this action changes nothing. Check the path against the document.");
            return tree;
        }

        if (remove)
        {
            // Later array items first, so that earlier indices stay valid.
            for (var i = pointers.Count - 1; i >= 0; i--)
            {
                if (pointers[i].Length == 0)
                {
                    diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, overlay.SpanOf(targetText), "The whole document cannot be removed.");
                    continue;
                }

                tree = JsonEdit.Remove(tree, pointers[i], target.Positions);
            }

            return tree;
        }

        foreach (var pointer in pointers)
        {
            var current = JsonPointer.Find(tree, pointer);
            if (current is not null)
            {
                tree = JsonEdit.Replace(tree, pointer, Merge(current, update!), target.Positions);
            }
        }

        return tree;
    }

    /// <summary>The overlay's merge: objects member by member, arrays by appending, other values replaced.</summary>
    private static CodegenJson Merge(CodegenJson current, CodegenJson update)
    {
        if (current.Kind == CodegenJsonKind.Object && update.Kind == CodegenJsonKind.Object)
        {
            var members = new List<KeyValuePair<string, CodegenJson>>(current.Members);
            foreach (var member in update.Members)
            {
                var index = members.FindIndex(m => m.Key == member.Key);
                if (index < 0)
                {
                    members.Add(member);
                }
                else
                {
                    members[index] = new KeyValuePair<string, CodegenJson>(member.Key, Merge(members[index].Value, member.Value));
                }
            }

            return CodegenJson.NewObject(members.ToArray());
        }

        if (current.Kind == CodegenJsonKind.Array)
        {
            var items = new List<CodegenJson>(current.Items);
            if (update.Kind == CodegenJsonKind.Array)
            {
                items.AddRange(update.Items);
            }
            else
            {
                items.Add(update);
            }

            return CodegenJson.NewArray(items.ToArray());
        }

        return update;
    }
}
