using System;
using System.Collections.Generic;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;

namespace Codegen.Contracts.Evolution;

// Parameters: matched by place and name; a path parameter renamed at the same place of the template is the same one.
internal sealed partial class EvolutionWalk
{
    private void CompareParameters(OperationSpec oldOperation, OperationSpec newOperation, string oldOperationPointer, string newOperationPointer)
    {
        var oldByKey = new Dictionary<string, ParameterSpec>(StringComparer.Ordinal);
        foreach (var parameter in oldOperation.Parameters)
        {
            oldByKey[parameter.Location + " " + parameter.Name] = parameter;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var renamed = RenamedPathParameters(oldOperation, newOperation);
        foreach (var parameter in newOperation.Parameters)
        {
            var key = parameter.Location + " " + parameter.Name;
            var where = $"{Describe(parameter)} of {Code(newOperation.Name)}";
            var member = MethodOf(_new, newOperation) + "(" + parameter.ParameterName + ")";
            var newPointer = ParameterPointer(parameter, newOperationPointer);
            if (parameter.Location == ParameterLocation.Path && renamed.TryGetValue(parameter.Name, out var oldName))
            {
                // The same place in the path template under another name: the same parameter on the wire (oasdiff pairs them too).
                key = parameter.Location + " " + oldName;
                if (oldByKey.TryGetValue(key, out var before) && before.ParameterName != parameter.ParameterName)
                {
                    Report(ChangeRules.PathParameterRenamed, DataDirection.Sent, where, $"renamed from {Code(oldName)}; the C# parameter {Code(before.ParameterName)} is now {Code(parameter.ParameterName)}",
                        ParameterPointer(before, oldOperationPointer), newPointer, new[] { MethodOf(_old, oldOperation) + "(" + before.ParameterName + ")", member }, showDirection: false);
                }
            }

            seen.Add(key);
            if (!oldByKey.TryGetValue(key, out var oldParameter))
            {
                Report(parameter.IsRequired ? ChangeRules.RequiredParameterAdded : ChangeRules.OptionalParameterAdded, DataDirection.Sent, where,
                    parameter.IsRequired ? "a required parameter was added" : "an optional parameter was added", null, newPointer, One(member),
                    oldAnchor: oldOperationPointer, showDirection: false);
                continue;
            }

            var oldPointer = ParameterPointer(oldParameter, oldOperationPointer);
            if (oldParameter.IsRequired != parameter.IsRequired)
            {
                Report(parameter.IsRequired ? ChangeRules.ParameterMadeRequired : ChangeRules.ParameterMadeOptional, DataDirection.Sent, where,
                    parameter.IsRequired ? "became required" : "became optional", oldPointer, newPointer, One(member), showDirection: false);
            }

            if (oldParameter.IsNullable != parameter.IsNullable)
            {
                Report(parameter.IsNullable ? ChangeRules.PropertyMadeNullable : ChangeRules.PropertyNoLongerNullable, DataDirection.Sent, where,
                    parameter.IsNullable ? "accepts null" : "no longer accepts null", oldParameter.SchemaPointer ?? oldPointer, parameter.SchemaPointer ?? newPointer, One(member));
            }

            CompareValues(new ValueSite(oldParameter.Type, parameter.Type, oldParameter.SchemaPointer, parameter.SchemaPointer, DataDirection.Sent, where, One(member)));
        }

        foreach (var pair in oldByKey)
        {
            if (!seen.Contains(pair.Key))
            {
                Report(ChangeRules.ParameterRemoved, DataDirection.Sent, $"{Describe(pair.Value)} of {Code(oldOperation.Name)}", "the parameter was removed",
                    ParameterPointer(pair.Value, oldOperationPointer), null, One(MethodOf(_old, oldOperation) + "(" + pair.Value.ParameterName + ")"),
                    newAnchor: newOperationPointer, showDirection: false);
            }
        }
    }

    /// <summary>
    /// Path parameters whose name changed at the same place of the path template (<c>/items/{id}</c> to <c>/items/{itemId}</c>),
    /// new name to old; a name that is in both templates is no rename.
    /// </summary>
    private static Dictionary<string, string> RenamedPathParameters(OperationSpec oldOperation, OperationSpec newOperation)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = TemplateNames(oldOperation.Path);
        var after = TemplateNames(newOperation.Path);
        if (before.Count != after.Count)
        {
            return renamed;
        }

        for (var i = 0; i < after.Count; i++)
        {
            if (before[i] != after[i] && !before.Contains(after[i]) && !after.Contains(before[i]))
            {
                renamed[after[i]] = before[i];
            }
        }

        return renamed;
    }

    private static List<string> TemplateNames(string path)
    {
        var names = new List<string>();
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                break;
            }

            names.Add(path.Substring(start + 1, end - start - 1));
            start = path.IndexOf('{', end);
        }

        return names;
    }

    private static string Describe(ParameterSpec parameter) => $"{parameter.Location.ToString().ToLowerInvariant()} parameter {Code(parameter.Name)}";

    /// <summary>The parameter object is the parent of its schema; without a schema, the operation stands for it.</summary>
    private static string ParameterPointer(ParameterSpec parameter, string operationPointer) =>
        parameter.SchemaPointer is { } schema && schema.EndsWith("/schema", StringComparison.Ordinal) ? JsonPointer.Parent(schema) : parameter.SchemaPointer ?? operationPointer;
}
