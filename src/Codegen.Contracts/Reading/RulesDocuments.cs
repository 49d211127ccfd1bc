using System;
using System.Runtime.CompilerServices;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>
/// The rules documents the parser built in this process, by the <see cref="RulesSpec"/> that carries their text: a
/// comparison reading a contract's rules (the build's guard, right after the parse) takes the document as it was built
/// instead of parsing the text written from it again (the model keeps it as text: it holds values only). Weak both
/// ways: an entry lives as long as its <see cref="RulesSpec"/>, and the document only as long as someone uses it, so a
/// cached model does not keep a large document alive (OpenAI's); a document collected is read from the text again.
/// </summary>
internal static class RulesDocuments
{
    private static readonly ConditionalWeakTable<RulesSpec, WeakReference<CodegenJson>> Built = new();

    /// <summary>The spec of <paramref name="root"/>, remembered with it.</summary>
    public static RulesSpec Spec(string dialect, CodegenJson root)
    {
        var spec = new RulesSpec(dialect, root.ToString());
        Built.Add(spec, new WeakReference<CodegenJson>(root));
        return spec;
    }

    /// <summary>The document <paramref name="rules"/> holds: the one built if it is still alive, else its text parsed.</summary>
    public static CodegenJson Root(RulesSpec rules) =>
        Built.TryGetValue(rules, out var built) && built.TryGetTarget(out var root) ? root : CodegenJson.Parse(rules.Document);
}
