using System.Linq;
using Codegen.Contracts.Model;

namespace Codegen.Emitters.Client;

/// <summary>
/// Emits <c>{Prefix}Client</c>: one async method per operation (<c>{Name}Async</c>) and, for an
/// operation that streams, an <c>IAsyncEnumerable</c> method (<c>{Name}StreamingAsync</c>, the .NET convention
/// of the OpenAI and Azure SDKs).
/// The sending, retrying and parsing live in the runtime files under src/Codegen.Runtime/Client.
/// </summary>
internal static class ClientEmitter
{
    /// <summary>
    /// The contract's part of <c>{Prefix}Client</c>: the names it registers under and one method per operation. The
    /// shared part (constructors, activities) is src/Codegen.Runtime/Client/CodegenClient.cs.
    /// </summary>
    public static void EmitOperations(SourceWriter w, ContractSpec contract)
    {
        var p = contract.Prefix;
        var sourceName = CSharp.StringLiteral(contract.Namespace + "." + p + "Client");
        Block(w, $$"""
            public sealed partial class {{p}}Client
            {
                /// <summary>The name of the client's <see cref="global::System.Diagnostics.ActivitySource"/>.</summary>
                public const string ActivitySourceName = {{sourceName}};

                /// <summary>The name of the <c>HttpClient</c> the DI registration asks <c>IHttpClientFactory</c> for.</summary>
                public const string HttpClientName = {{sourceName}};
            """);
        w.Indent();
        foreach (var operation in contract.Operations)
        {
            w.Line();
            EmitOperation(w, contract, operation);
            if (operation.Stream is { } stream && RequestType(operation) is not null)
            {
                w.Line();
                EmitStreamingOperation(w, contract, operation, stream);
            }
        }

        w.Close();
    }

    /// <summary>The contract's part of <c>{Prefix}ClientOptions</c>: its default server and the environment variable of the API key.</summary>
    public static void EmitOptionDefaults(SourceWriter w, ContractSpec contract)
    {
        var server = contract.Servers.FirstOrDefault(s => s.IsDefault) ?? contract.Servers.FirstOrDefault();
        var environment = contract.SecuritySchemes.FirstOrDefault(s => s.Kind == SecurityKind.Bearer)?.EnvironmentVariable;
        w.Open($"public sealed partial class {contract.Prefix}ClientOptions");
        if (server is not null)
        {
            w.Summary("The contract's default server.");
            w.Line($"public const string DefaultBaseUri = {CSharp.StringLiteral(server.Url)};");
            w.Line();
        }

        EmitKeyAndDefaults(w, server is not null, environment);
    }

    /// <summary>
    /// The end of <c>{Prefix}ClientOptions</c> that every kind of contract shares: the API key's environment variable and
    /// <c>ApplyContractDefaults</c>, which the options' constructor calls. Closes the class.
    /// </summary>
    internal static void EmitKeyAndDefaults(SourceWriter w, bool hasDefaultServer, string? environment)
    {
        if (environment is not null)
        {
            w.Summary("The environment variable the API key is read from, once, when the options are created.");
            w.Line($"public const string ApiKeyEnvironmentVariable = {CSharp.StringLiteral(environment)};");
            w.Line();
        }

        w.Open("partial void ApplyContractDefaults()");
        if (hasDefaultServer)
        {
            w.Line("BaseUri = new global::System.Uri(DefaultBaseUri);");
        }

        if (environment is not null)
        {
            w.Line("ApiKey = global::System.Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable);");
        }

        w.Close();
        w.Close();
    }

    /// <summary>
    /// The contract's part of <c>{Prefix}ClientServiceCollectionExtensions</c>: <c>services.Add{Prefix}Client()</c>, whose
    /// name depends on the prefix; the registration itself is src/Codegen.Runtime/DependencyInjection.
    /// </summary>
    public static void EmitServiceRegistration(SourceWriter w, ContractSpec contract)
    {
        var p = contract.Prefix;
        Block(w, $$"""
            public static partial class {{p}}ClientServiceCollectionExtensions
            {
                /// <summary>
                /// Registers a transient <see cref="{{p}}Client"/> over a named <c>HttpClient</c> from the factory, which
                /// owns the handler. Returns the client builder so that handlers and policies can be added.
                /// </summary>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{p}}Client(
                    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
                    global::System.Action<{{p}}ClientOptions>? configure = null) => AddClient(services, configure);
            }
            """);
    }

    private static void EmitOperation(SourceWriter w, ContractSpec contract, OperationSpec operation)
    {
        var p = contract.Prefix;
        var responseType = ResponseType(operation)!;
        var requestType = RequestType(operation);
        var response = Global(contract, responseType);
        var context = $"global::{contract.Namespace}.{p}JsonContext.Default";
        var method = $"global::System.Net.Http.HttpMethod.{RequestCode.HttpMethod(operation.Method)}";
        var path = CSharp.StringLiteral(operation.Path);
        var hasBody = requestType is not null;
        var usage = UsageOf(contract, responseType, "response");
        var responseModel = HasStringProperty(contract, responseType, "model") ? "response.Model" : "null";

        w.Summary(operation.Description ?? $"{operation.Method} {operation.Path}");
        w.Line($"public async global::System.Threading.Tasks.Task<{response}> {operation.Name}Async({Parameters(contract, operation)})");
        w.Open(string.Empty);
        if (hasBody)
        {
            w.Line($"var body = Prepare(request, {context}.{requestType});");
        }

        w.Line($"using var activity = StartActivity({CSharp.StringLiteral(operation.Name)}, {RequestModel(contract, operation)});");
        Block(w, $$"""
            try
            {
                var response = await _pipeline.SendAsync({{method}}, {{path}}, {{(hasBody ? "body" : "null")}}, false, Read{{operation.Name}}Async, cancellationToken).ConfigureAwait(false);
                TagResponse(activity, {{responseModel}}, {{usage.Input}}, {{usage.Output}});
                return response;
            }
            catch (global::System.Exception ex)
            {
                TagError(activity, ex);
                throw;
            }
            """);
        w.Close();
        w.Line();
        Block(w, $$"""
            private async global::System.Threading.Tasks.Task<{{response}}> Read{{operation.Name}}Async(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
            {
                using (response)
                {
                    var body = await _pipeline.ReadBodyAsync(response, _pipeline.Options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
                    return _pipeline.Deserialize(response, body, {{context}}.{{responseType}});
                }
            }
            """);
        if (hasBody && !contract.Operations.Take(IndexOf(contract, operation)).Any(o => RequestType(o) == requestType))
        {
            w.Line();
            var request = Global(contract, requestType!);
            Block(w, $$"""
                private byte[] Prepare({{request}} request, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{{request}}> typeInfo)
                {
                    if (request is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(request));
                    }

                    if (_pipeline.Options.ValidateRequests)
                    {
                        request.ThrowIfInvalid();
                    }

                    return global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request, typeInfo);
                }
                """);
        }
    }

    private static void EmitStreamingOperation(SourceWriter w, ContractSpec contract, OperationSpec operation, StreamSpec stream)
    {
        var p = contract.Prefix;
        var eventType = stream.EventType.Name!;
        var requestType = RequestType(operation)!;
        var chunk = Global(contract, eventType);
        var context = $"global::{contract.Namespace}.{p}JsonContext.Default";
        var method = $"global::System.Net.Http.HttpMethod.{RequestCode.HttpMethod(operation.Method)}";
        var usage = UsageOf(contract, eventType, "chunk");
        var chunkModel = HasStringProperty(contract, eventType, "model") ? "chunk.Model" : "null";

        w.Summary((operation.Description ?? $"{operation.Method} {operation.Path}") +
            $" Streams the answer: sets {stream.FlagJsonName} and yields each chunk as it arrives, until {stream.DoneSentinel}; a body that ends before it throws {p}ApiException (see {p}ClientOptions.RequireStreamTerminator). Stopping early releases the connection; no retry happens once the answer has begun.");
        w.Line($"public async global::System.Collections.Generic.IAsyncEnumerable<{chunk}> {operation.Name}StreamingAsync({Parameters(contract, operation, streaming: true)})");
        w.Open(string.Empty);
        Block(w, $$"""
            var body = Prepare(request is null ? null! : request with { {{stream.FlagPropertyName}} = true }, {{context}}.{{requestType}});
            using var activity = StartActivity({{CSharp.StringLiteral(operation.Name)}}, {{RequestModel(contract, operation)}});
            var chunks = _pipeline.StreamAsync({{method}}, {{CSharp.StringLiteral(operation.Path)}}, body, {{CSharp.StringLiteral(stream.DoneSentinel)}}, {{context}}.{{eventType}}, cancellationToken);
            await foreach (var chunk in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(chunks, false))
            {
                TagResponse(activity, {{chunkModel}}, {{usage.Input}}, {{usage.Output}});
                yield return chunk;
            }
            """);
        w.Close();
    }

    /// <summary>Writes a block of text line by line at the writer's indent.</summary>
    internal static void Block(SourceWriter w, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            w.Line(line.TrimEnd('\r'));
        }
    }

    /// <summary>The generated type of a JSON request body, or null.</summary>
    internal static string? RequestType(OperationSpec operation) =>
        operation.Body is { Kind: BodyKind.Json, Type: { Kind: TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum } type } ? type.Name : null;

    /// <summary>The generated type of the JSON success response, or null.</summary>
    internal static string? ResponseType(OperationSpec operation) =>
        operation.Success is { Kind: BodyKind.Json, Type: { Kind: TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum } type } ? type.Name : null;

    private static string Parameters(ContractSpec contract, OperationSpec operation, bool streaming = false)
    {
        var cancellation = (streaming ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " : string.Empty) +
            "global::System.Threading.CancellationToken cancellationToken = default";
        return RequestType(operation) is not { } request ? cancellation : $"{Global(contract, request)} request, {cancellation}";
    }

    private static string Global(ContractSpec contract, string typeName) => $"global::{contract.Namespace}.{typeName}";

    private static int IndexOf(ContractSpec contract, OperationSpec operation)
    {
        var index = 0;
        foreach (var candidate in contract.Operations)
        {
            if (ReferenceEquals(candidate, operation))
            {
                return index;
            }

            index++;
        }

        return index;
    }

    private static ObjectTypeSpec? FindObject(ContractSpec contract, string typeName) =>
        contract.Types.OfType<ObjectTypeSpec>().FirstOrDefault(t => t.Name == typeName);

    internal static bool HasStringProperty(ContractSpec contract, string? typeName, string jsonName) =>
        typeName is not null && FindObject(contract, typeName)?.Properties.Any(p => p.JsonName == jsonName && p.Type.Kind == TypeRefKind.String) == true;

    private static string RequestModel(ContractSpec contract, OperationSpec operation)
    {
        var requestType = RequestType(operation);
        if (!HasStringProperty(contract, requestType, "model"))
        {
            return "null";
        }

        var model = FindObject(contract, requestType!)!.Properties.First(p => p.JsonName == "model");
        return model.IsRequired ? "request.Model" : "request?.Model";
    }

    /// <summary>Expressions for the input and output token counts when the response has an OpenAI-style <c>usage</c>; <c>null</c> otherwise.</summary>
    internal static (string Input, string Output) UsageOf(ContractSpec contract, string typeName, string variable)
    {
        var usage = FindObject(contract, typeName)?.Properties.FirstOrDefault(p => p.JsonName == "usage" && p.Type.Kind == TypeRefKind.Object);
        var usageType = usage?.Type.Name is { } name ? FindObject(contract, name) : null;
        if (usage is null || usageType is null)
        {
            return ("null", "null");
        }

        var access = $"{variable}.{usage.Name}{(usage.IsRequired && !usage.IsNullable ? "." : "?.")}";
        string Count(string jsonName)
        {
            var property = usageType.Properties.FirstOrDefault(p => p.JsonName == jsonName && p.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64);
            return property is null ? "null" : $"(int?)({property.Type.Kind switch { TypeRefKind.Int64 => "long?", _ => "int?" }}){access}{property.Name}";
        }

        return (Count("prompt_tokens"), Count("completion_tokens"));
    }
}
