using System.Runtime.CompilerServices;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>
/// The rules documents the parser built in this process, by the <see cref="RulesSpec"/> that carries their text: a
/// comparison reading a contract's rules takes the document as it was built instead of parsing the text written from it
/// (which the model keeps as text: it holds values only). Weak: an entry lives as long as its <see cref="RulesSpec"/>.
/// </summary>
internal static class RulesDocuments
{
    private static readonly ConditionalWeakTable<RulesSpec, CodegenJson> Built = new();

    /// <summary>The spec of <paramref name="root"/>, remembered with it.</summary>
    public static RulesSpec Spec(string dialect, CodegenJson root)
    {
        var spec = new RulesSpec(dialect, root.ToString());
        Built.GetValue(spec, _ => root);
        return spec;
    }

    /// <summary>The document <paramref name="rules"/> holds: the one built, or its text parsed.</summary>
    public static CodegenJson Root(RulesSpec rules) => Built.TryGetValue(rules, out var root) ? root : CodegenJson.Parse(rules.Document);
}
