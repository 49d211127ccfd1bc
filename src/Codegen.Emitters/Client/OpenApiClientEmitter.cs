using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Contracts.OpenApi;
using Codegen.Emitters.Json;

namespace Codegen.Emitters.Client;

/// <summary>
/// The contract's part of <c>{Prefix}Client</c> for an OpenAPI document: per operation <c>{Name}Async</c> (the 2XX
/// JSON type, <c>{Prefix}FileResponse</c> streaming bytes, a string for text, or <c>Task</c> for no content), <c>{Name}StreamingAsync</c> for an
/// operation that answers <c>text/event-stream</c>, and the private <c>Create{Name}Request</c> both use. What an
/// operation cannot be sent or read as is reported by the parser (<see cref="ClientSupport"/>) and left out here.
/// </summary>
internal static class OpenApiClientEmitter
{
    public static void EmitOperations(SourceWriter w, EmitContext context)
    {
        var contract = context.Contract;
        var request = new RequestCode(context);
        var sourceName = CSharp.StringLiteral(contract.Namespace + "." + contract.Prefix + "Client");
        ClientEmitter.Block(w, $$"""
            public sealed partial class {{contract.Prefix}}Client
            {
                /// <summary>The name of the client's <see cref="global::System.Diagnostics.ActivitySource"/>.</summary>
                public const string ActivitySourceName = {{sourceName}};

                /// <summary>The name of the <c>HttpClient</c> the DI registration asks <c>IHttpClientFactory</c> for.</summary>
                public const string HttpClientName = {{sourceName}};
            """);
        w.Indent();
        var fieldWriters = new SortedDictionary<string, (ObjectTypeSpec Type, bool Multipart, EquatableArray<PartEncodingSpec> Encodings)>(System.StringComparer.Ordinal);
        foreach (var operation in contract.Operations)
        {
            if (ClientSupport.Unsupported(operation) is not null)
            {
                continue;
            }

            if (ClientSupport.HasPlainMethod(operation))
            {
                w.Line();
                EmitPlainMethod(w, context, request, operation);
            }

            if (ClientSupport.HasStreamingMethod(operation))
            {
                w.Line();
                EmitStreamingMethod(w, context, request, operation);
            }

            w.Line();
            var (credential, credentialName) = Credential(contract, operation);
            request.EmitFactory(w, operation, credential, credentialName);
            if (operation.Body is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } body && context.Find<ObjectTypeSpec>(body.Type.Name) is { } bodyType)
            {
                fieldWriters[RequestCode.FieldWriterName(operation, body)] = (bodyType, body.Kind == BodyKind.Multipart, body.Encodings);
            }
        }

        foreach (var writer in fieldWriters)
        {
            w.Line();
            request.EmitFieldWriter(w, writer.Key, writer.Value.Type, writer.Value.Multipart, writer.Value.Encodings);
        }

        w.Close();
    }

    /// <summary>The contract's part of <c>{Prefix}ClientOptions</c>: its default server (and a method for servers with variables) and the key's environment variable.</summary>
    public static void EmitOptionDefaults(SourceWriter w, ContractSpec contract)
    {
        var server = contract.Servers.FirstOrDefault(s => s.IsDefault) ?? contract.Servers.FirstOrDefault();
        var environment = contract.SecuritySchemes.Select(s => s.EnvironmentVariable).FirstOrDefault(e => e is not null);
        w.Open($"public sealed partial class {contract.Prefix}ClientOptions");
        if (server is not null)
        {
            w.Summary("The contract's default server" + (server.Variables.Count > 0 ? ", its variables at their defaults." : "."));
            w.Line($"public const string DefaultBaseUri = {CSharp.StringLiteral(Servers.Expand(server))};");
            w.Line();
            if (server.Variables.Count > 0)
            {
                var names = new HashSet<string>(System.StringComparer.Ordinal);
                var parameters = server.Variables.Select(v => (Variable: v, Name: Identifiers.MakeUnique(Identifiers.ToCamelCase(Identifiers.ToPascalCase(v.Name, "Variable")).TrimStart('@'), names))).ToList();
                w.Summary($"The contract's default server ({server.Url}) with its variables filled in.");
                w.Line($"public static global::System.Uri ServerUri({string.Join(", ", parameters.Select(p => $"string @{p.Name} = {CSharp.StringLiteral(p.Variable.Default)}"))}) =>");
                w.Line($"    new global::System.Uri({CSharp.StringLiteral(server.Url)}{string.Concat(parameters.Select(p => $".Replace({CSharp.StringLiteral("{" + p.Variable.Name + "}")}, @{p.Name})"))});");
                w.Line();
            }
        }

        ClientEmitter.EmitKeyAndDefaults(w, server is not null, environment);
    }

    private static void EmitPlainMethod(SourceWriter w, EmitContext context, RequestCode request, OperationSpec operation)
    {
        var contract = context.Contract;
        var success = operation.Success;
        var json = $"{context.Global(context.Names.JsonContext)}.Default";
        string? resultType = null;
        string? read = null;
        switch (success)
        {
            case { Kind: BodyKind.Json, Type: { Kind: TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum } type }:
                resultType = context.TypeName(type);
                read = $"_pipeline.ReadJsonAsync(r, {json}.{type.Name}, t)";
                break;
            case { Kind: BodyKind.Json, Type: { } type }:
                resultType = context.TypeName(type);
                var value = new JsonCode(context).Read(type, false, "reader", $"{context.Global(context.Names.JsonHelpers)}.PlainOptions");
                read = $"ReadJsonAsync<{resultType}>(r, static bytes => {{ var reader = new global::System.Text.Json.Utf8JsonReader(bytes); reader.Read(); return {value}; }}, t)";
                break;
            case { Kind: BodyKind.Binary }:
                resultType = context.Global(context.Names.FileResponse);
                read = "OpenFileAsync(_pipeline, r, t)";
                break;
            case { Kind: BodyKind.Text }:
                resultType = "string";
                read = "ReadTextAsync(r, t)";
                break;
        }

        Documentation(w, operation, success?.Kind == BodyKind.Binary ? "Returns once the answer's headers have arrived: read its Content as the body arrives, and dispose it to release the connection." : null);
        var task = resultType is null ? "global::System.Threading.Tasks.Task" : $"global::System.Threading.Tasks.Task<{resultType}>";
        w.Line($"public async {task} {operation.Name}Async({request.Signature(operation, streaming: false)})");
        w.Open(string.Empty);
        w.Line($"var message = Create{operation.Name}Request({Forward(request, operation)}false);");
        w.Line($"using var activity = StartActivity({CSharp.StringLiteral(operation.Name)}, {RequestModel(context, operation)});");
        w.Open("try");
        if (read is null)
        {
            w.Line("await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            var responseType = success?.Type?.Name;
            var usage = ClientEmitter.UsageOf(contract, responseType ?? string.Empty, "response");
            var model = ClientEmitter.HasStringProperty(contract, responseType, "model") ? "response.Model" : "null";
            w.Line($"var response = await _pipeline.SendAsync(message, (r, t) => {read}, cancellationToken).ConfigureAwait(false);");
            w.Line($"TagResponse(activity, {model}, {usage.Input}, {usage.Output});");
            w.Line("return response;");
        }

        w.Close();
        w.Open("catch (global::System.Exception ex)");
        w.Line("TagError(activity, ex);");
        w.Line("throw;");
        w.Close();
        w.Close();
    }

    private static void EmitStreamingMethod(SourceWriter w, EmitContext context, RequestCode request, OperationSpec operation)
    {
        var contract = context.Contract;
        var stream = operation.Stream!;
        var eventType = stream.EventType;
        var usage = ClientEmitter.UsageOf(contract, eventType.Name!, "item");
        var model = ClientEmitter.HasStringProperty(contract, eventType.Name, "model") ? "item.Model" : "null";
        var flag = stream.FlagJsonName is { } name ? $"sets '{name}' to true and " : string.Empty;
        Documentation(w, operation, $"Streams the answer: {flag}yields each server-sent event as it arrives, until the stream ends or sends {stream.DoneSentinel}. Stopping early releases the connection; no retry happens once the answer has begun.");
        w.Line($"public async global::System.Collections.Generic.IAsyncEnumerable<{context.TypeName(eventType)}> {operation.Name}StreamingAsync({request.Signature(operation, streaming: true)})");
        w.Open(string.Empty);
        w.Line($"var message = Create{operation.Name}Request({Forward(request, operation)}true);");
        w.Line($"using var activity = StartActivity({CSharp.StringLiteral(operation.Name)}, {RequestModel(context, operation)});");
        w.Line($"var events = _pipeline.StreamAsync(message, {CSharp.StringLiteral(stream.DoneSentinel)}, {(stream.DoneIsRequired ? "true" : "false")}, {context.Global(context.Names.JsonContext)}.Default.{eventType.Name}, cancellationToken);");
        w.Open("await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(events, false))");
        if (model != "null" || usage.Input != "null" || usage.Output != "null")
        {
            w.Line($"TagResponse(activity, {model}, {usage.Input}, {usage.Output});");
        }

        w.Line("yield return item;");
        w.Close();
        w.Close();
    }

    /// <summary>The arguments of <c>Create{Name}Request</c> without its last one.</summary>
    private static string Forward(RequestCode request, OperationSpec operation)
    {
        var forward = request.Forward(operation);
        return forward.Length == 0 ? string.Empty : forward + ", ";
    }

    private static void Documentation(SourceWriter w, OperationSpec operation, string? note)
    {
        var text = operation.Summary ?? operation.Description ?? string.Empty;
        text = (text.Length > 0 ? text.TrimEnd() + " " : string.Empty) + $"({operation.Method} {operation.Path})";
        w.Summary(note is null ? text : text + " " + note);
        if (operation.IsDeprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
        }
    }

    /// <summary>The model a request names, for tracing: the body's string <c>model</c> property when it has one.</summary>
    private static string RequestModel(EmitContext context, OperationSpec operation)
    {
        if (operation.Body is not { Type.Kind: TypeRefKind.Object } body || context.Find<ObjectTypeSpec>(body.Type.Name) is not { } type)
        {
            return "null";
        }

        var model = type.Properties.FirstOrDefault(p => p.JsonName == "model" && p.Type.Kind == TypeRefKind.String);
        return model is null ? "null" : $"body?.{model.Name}";
    }

    /// <summary>The first scheme the operation accepts that the client supports; none when it accepts none.</summary>
    private static (string? Kind, string? Name) Credential(ContractSpec contract, OperationSpec operation)
    {
        var accepted = operation.HasOwnSecurity ? operation.Security : contract.DefaultSecurity;
        foreach (var name in accepted)
        {
            if (contract.SecuritySchemes.FirstOrDefault(s => s.Name == name) is { } scheme)
            {
                return (scheme.Kind.ToString(), scheme.ParameterName);
            }
        }

        return (null, null);
    }
}

/// <summary>Server URLs with their variables.</summary>
internal static class Servers
{
    /// <summary>The URL with every variable at its default.</summary>
    public static string Expand(ServerSpec server)
    {
        var url = server.Url;
        foreach (var variable in server.Variables)
        {
            url = url.Replace("{" + variable.Name + "}", variable.Default);
        }

        return url;
    }
}
