namespace Codegen.Emitters.Validation;

/// <summary>
/// Emits the contract's rules into the consumer: <c>{Prefix}SchemaAttribute</c>, whose constant <c>Document</c> is the
/// rules document (the contract's schemas at their own pointers) and whose instances mark every member with the
/// pointer of its schema, and <c>{Prefix}Schemas</c>, which reads that document once, on first use, with the rules
/// engine. The generated checks, the analyzers (through the attribute, also in referenced assemblies) and the
/// contract server all evaluate this same text with the same engine.
/// </summary>
internal static class SchemasEmitter
{
    /// <summary>The attribute that points a member at its schema, as written on properties and parameters.</summary>
    public static string Attribute(EmitContext context, string jsonName, string pointer) =>
        $"[{context.Global(context.Names.SchemaAttribute)}({CSharp.StringLiteral(jsonName)}, {CSharp.StringLiteral(pointer)})]";

    public static void EmitAttribute(SourceWriter w, EmitContext context)
    {
        var name = context.Names.SchemaAttribute;
        w.Summary("Points a member at its schema in the contract's rules, for the generated checks and the analyzers.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Line("[global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Parameter | global::System.AttributeTargets.Field, AllowMultiple = false)]");
        w.Open($"public sealed class {name} : global::System.Attribute");
        w.Summary("The contract's rules: its schemas at their own JSON pointers, annotations left out (but defaults).");
        w.Line($"public const string Document = {CSharp.StringLiteral(context.Contract.Rules.Document)};");
        w.Line();
        w.Summary("What gives the rules' keywords their meaning: Draft07, Draft202012, OpenApi30 or OpenApi31.");
        w.Line($"public const string Dialect = {CSharp.StringLiteral(context.Contract.Rules.Dialect)};");
        w.Line();
        w.Summary("Marks a member with its JSON name and the pointer of its schema.");
        w.Open($"public {name}(string name, string pointer)");
        w.Line("Name = name;");
        w.Line("Pointer = pointer;");
        w.Close();
        w.Line();
        w.Summary("The member's JSON name.");
        w.Line("public string Name { get; }");
        w.Line();
        w.Summary("The JSON pointer of the member's schema in <see cref=\"Document\"/>.", escape: false);
        w.Line("public string Pointer { get; }");
        w.Close();
    }

    public static void EmitSchemas(SourceWriter w, EmitContext context)
    {
        var document = context.Global(context.Names.SchemaDocument);
        var dialect = context.Global(context.Names.SchemaDialect) + "." + context.Contract.Rules.Dialect;
        w.Summary("The contract's rules, read by the rules engine on first use (from any thread) and shared.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"internal static class {context.Names.Schemas}");
        w.Line($"private static readonly global::System.Lazy<{document}> s_document = new global::System.Lazy<{document}>(() =>");
        w.Line($"    new {document}({context.Global(context.Names.Json)}.Parse({context.Global(context.Names.SchemaAttribute)}.Document), {dialect}));");
        w.Line();
        w.Summary("The rules document.");
        w.Line($"public static {document} Document => s_document.Value;");
        w.Line();
        w.Summary("The schema at a JSON pointer of the rules document.");
        w.Line($"public static {context.Global(context.Names.Schema)} Get(string pointer) => Document.Get(pointer);");
        w.Close();
    }
}
