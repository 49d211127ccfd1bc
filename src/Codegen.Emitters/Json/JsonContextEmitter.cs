using System.Linq;
using Codegen.Contracts.Model;

namespace Codegen.Emitters.Json;

/// <summary>
/// Emits <c>{Prefix}JsonContext</c>: a <c>JsonSerializerContext</c> shaped like the one System.Text.Json's
/// generator writes (a <c>Default</c> instance and one <c>JsonTypeInfo&lt;T&gt;</c> property per type), backed by
/// our converters. Source generators cannot see each other's output, so we write it ourselves.
/// </summary>
internal static class JsonContextEmitter
{
    public static void Emit(SourceWriter w, EmitContext context)
    {
        var contract = context.Contract;
        var name = context.Names.JsonContext;
        var self = $"global::{contract.Namespace}.{name}";
        const string Options = "global::System.Text.Json.JsonSerializerOptions";
        const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
        var types = contract.Types.ToList();
        var helpers = context.Global(context.Names.JsonHelpers);

        w.Summary($"Serializes the contract's types without reflection: <c>JsonSerializer.Serialize(value, {name}.Default.TypeName)</c>. Works with native AOT and trimming.", escape: false);
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {name} : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line($"private static readonly {Options} s_defaultOptions = new {Options}();");
        w.Line();
        w.Summary("The shared context over default options.");
        w.Line($"public static {self} Default {{ get; }} = new {self}(new {Options}(s_defaultOptions));");
        w.Line();
        w.Summary("Creates a context over new default options.");
        w.Line($"public {name}() : base(null)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary("Creates a context bound to <paramref name=\"options\"/>.", escape: false);
        w.Line($"public {name}({Options} options) : base(options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"protected override {Options}? GeneratedSerializerOptions => s_defaultOptions;");
        w.Line();
        // One slot per type caches its metadata, as System.Text.Json's own contexts do with a field per type: a property
        // read is an array read, not a look-up in the options' cache. One array instead of a field per type.
        w.Line($"private readonly {TypeInfo}?[] _typeInfos = new {TypeInfo}?[{types.Count}];");
        w.Line();
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var typeName = $"global::{contract.Namespace}.{type.Name}";
            w.Summary($"Metadata for <see cref=\"{type.Name}\"/>.", escape: false);
            w.Line($"public {TypeInfo}<{typeName}> {type.Name} => {helpers}.TypeInfo<{typeName}>(Options, _typeInfos, {i});");
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public override {TypeInfo}? GetTypeInfo(global::System.Type type)");
        w.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        w.Line("return typeInfo;");
        w.Close();
        w.Line();
        w.Open($"{TypeInfo}? global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {Options} options)");
        foreach (var type in types)
        {
            // A brace-free if: one line per type.
            var typeName = $"global::{contract.Namespace}.{type.Name}";
            w.Line($"if (type == typeof({typeName})) return {helpers}.ValueInfo(options, {typeName}.JsonConverter.Instance);");
        }

        w.Line("return null;");
        w.Close();
        w.Close();
    }
}
