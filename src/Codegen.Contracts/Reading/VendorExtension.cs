using System;
using System.Collections.Generic;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>
/// The root <c>x-codegen</c> object: in a JSON Schema contract, what JSON Schema cannot say (namespace, prefix,
/// servers, authentication, operations); in an OpenAPI document, only the namespace and prefix (the document
/// says the rest). Operation references stay JSON pointers for the parser to resolve.
/// </summary>
internal sealed class VendorExtension
{
    public const string Key = "x-codegen";

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal) { "namespace", "prefix", "servers", "auth", "operations" };
    private static readonly HashSet<string> OpenApiKeys = new(StringComparer.Ordinal) { "namespace", "prefix" };
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    private readonly ContractDocument _document;
    private readonly DiagnosticBag _diagnostics;

    private VendorExtension(ContractDocument document, DiagnosticBag diagnostics)
    {
        _document = document;
        _diagnostics = diagnostics;
    }

    /// <summary>The object is present (whatever it holds).</summary>
    public bool IsPresent { get; private set; }

    public string? Namespace { get; private set; }

    public string? Prefix { get; private set; }

    public List<ServerSpec> Servers { get; } = new();

    public SecuritySchemeSpec? Auth { get; private set; }

    public List<OperationDraft> Operations { get; } = new();

    public static VendorExtension Read(ContractDocument document, DiagnosticBag diagnostics, bool isOpenApi)
    {
        var extension = new VendorExtension(document, diagnostics);
        extension.ReadRoot(isOpenApi);
        return extension;
    }

    private void ReadRoot(bool isOpenApi)
    {
        var value = _document.Root.GetPropertyOrNull(Key);
        if (value is null)
        {
            return;
        }

        IsPresent = true;
        if (value.Kind != CodegenJsonKind.Object)
        {
            Report(value, $"'{Key}' must be an object.");
            return;
        }

        var known = isOpenApi ? OpenApiKeys : KnownKeys;
        foreach (var member in value.Members)
        {
            if (!known.Contains(member.Key))
            {
                Report(member.Value, isOpenApi
                    ? $"'{Key}' has the key '{JsonPointer.Excerpt(member.Key)}'; in an OpenAPI document it holds only namespace and prefix (the document itself describes servers, security and operations)."
                    : $"'{Key}' has an unknown key '{JsonPointer.Excerpt(member.Key)}'; the known keys are namespace, prefix, servers, auth and operations.");
            }
        }

        if (String(value, "namespace") is { } ns)
        {
            if (Identifiers.IsValidNamespace(ns))
            {
                Namespace = ns;
            }
            else
            {
                Report(value.GetPropertyOrNull("namespace")!, $"'{JsonPointer.Excerpt(ns)}' is not a valid C# namespace; use dotted identifiers such as 'Contoso.Completions'.");
            }
        }

        if (String(value, "prefix") is { } prefix)
        {
            if (Identifiers.IsValidIdentifier(prefix))
            {
                Prefix = prefix;
            }
            else
            {
                Report(value.GetPropertyOrNull("prefix")!, $"'{JsonPointer.Excerpt(prefix)}' is not a valid C# identifier for the prefix; use letters and digits, starting with a letter.");
            }
        }

        if (isOpenApi)
        {
            return;
        }

        ReadServers(value);
        ReadAuth(value);
        ReadOperations(value);
    }

    private void ReadServers(CodegenJson extension)
    {
        if (extension.GetPropertyOrNull("servers") is not { } servers)
        {
            return;
        }

        if (servers.Kind != CodegenJsonKind.Array)
        {
            Report(servers, "'servers' must be an array of { \"url\": \"https://...\" } objects.");
            return;
        }

        foreach (var server in servers.Items)
        {
            if (server.Kind != CodegenJsonKind.Object || String(server, "url") is not string url)
            {
                Report(server, "Each server must be an object with a 'url' string.");
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            {
                Report(server.GetPropertyOrNull("url")!, $"Server url '{JsonPointer.Excerpt(url)}' must be an absolute http or https address.");
                continue;
            }

            var isDefault = server.GetPropertyOrNull("default") is { Kind: CodegenJsonKind.True };
            Servers.Add(new ServerSpec(url.TrimEnd('/'), String(server, "description"), isDefault));
        }

        if (Servers.Count > 0 && !Servers.Exists(s => s.IsDefault))
        {
            Servers[0] = Servers[0] with { IsDefault = true };
        }
    }

    private void ReadAuth(CodegenJson extension)
    {
        if (extension.GetPropertyOrNull("auth") is not { } auth)
        {
            return;
        }

        if (auth.Kind != CodegenJsonKind.Object)
        {
            Report(auth, "'auth' must be an object such as { \"scheme\": \"bearer\", \"env\": \"API_KEY\" }.");
            return;
        }

        var scheme = String(auth, "scheme") ?? "bearer";
        if (scheme != "bearer" && scheme != "none")
        {
            Report(auth.GetPropertyOrNull("scheme")!, $"Auth scheme '{JsonPointer.Excerpt(scheme)}' is not supported; use 'bearer' or 'none'.");
            return;
        }

        var env = String(auth, "env");
        if (env is not null && !IsEnvironmentVariableName(env))
        {
            Report(auth.GetPropertyOrNull("env")!, $"'{JsonPointer.Excerpt(env)}' is not an environment variable name; use letters, digits and underscores.");
            env = null;
        }

        if (scheme == "bearer")
        {
            Auth = new SecuritySchemeSpec { Name = "bearer", Kind = SecurityKind.Bearer, EnvironmentVariable = env };
        }
    }

    private void ReadOperations(CodegenJson extension)
    {
        if (extension.GetPropertyOrNull("operations") is not { } operations)
        {
            return;
        }

        if (operations.Kind != CodegenJsonKind.Array)
        {
            Report(operations, "'operations' must be an array of operation objects.");
            return;
        }

        for (var i = 0; i < operations.Items.Count; i++)
        {
            var operation = operations.Items[i];
            var pointer = JsonPointer.Append(JsonPointer.Append("/" + Key, "operations"), i);
            if (operation.Kind != CodegenJsonKind.Object)
            {
                Report(operation, "Each operation must be an object.");
                continue;
            }

            var name = String(operation, "name");
            var method = String(operation, "method")?.ToUpperInvariant() ?? "POST";
            var path = String(operation, "path");
            var response = String(operation, "response");
            if (name is null || !Identifiers.IsValidIdentifier(Identifiers.ToPascalCase(name, string.Empty)) || path is null || !path.StartsWith("/", StringComparison.Ordinal) || response is null)
            {
                Report(operation, "Each operation needs a 'name' (an identifier), a 'path' starting with '/' and a 'response' ('#/definitions/...').");
                continue;
            }

            if (!Methods.Contains(method))
            {
                Report(operation.GetPropertyOrNull("method")!, $"Method '{JsonPointer.Excerpt(method)}' is not supported; use GET, POST, PUT, PATCH or DELETE.");
                continue;
            }

            var draft = new OperationDraft
            {
                Name = Identifiers.ToPascalCase(name, "Operation"),
                Method = method,
                Path = path,
                Description = String(operation, "description"),
                Pointer = pointer,
            };

            if (Reference(operation, "response") is not string responsePointer)
            {
                continue;
            }

            draft.Responses.Add(new ResponseDraft("200", null, "application/json", BodyKind.Json, responsePointer, JsonPointer.Append(pointer, "response")));
            if (operation.GetPropertyOrNull("request") is not null)
            {
                if (Reference(operation, "request") is not string requestPointer)
                {
                    continue;
                }

                draft.Body = new BodyDraft("application/json", BodyKind.Json, requestPointer, true, null, JsonPointer.Append(pointer, "request"));
            }

            if (operation.GetPropertyOrNull("stream") is { } stream)
            {
                if (stream.Kind != CodegenJsonKind.Object || String(stream, "flag") is not string flag || Reference(stream, "chunk") is not string chunk)
                {
                    Report(stream, "'stream' must be an object with 'flag' (the boolean request property) and 'chunk' ('#/definitions/...').");
                    continue;
                }

                var done = String(stream, "done");
                draft.Stream = new StreamDraft(chunk, flag, done ?? "[DONE]", done is not null, JsonPointer.Append(pointer, "stream"));
            }

            Operations.Add(draft);
        }
    }

    /// <summary>A same-document reference (<c>#/definitions/Name</c>) held by <paramref name="key"/>, as a plain pointer.</summary>
    private string? Reference(CodegenJson owner, string key)
    {
        var text = String(owner, key);
        if (text is null)
        {
            return null;
        }

        var pointer = JsonPointer.FromFragment(text);
        if (pointer is null || _document.Find(pointer) is null)
        {
            Report(owner.GetPropertyOrNull(key)!, $"'{key}' must refer to a definition of this contract, such as '#/definitions/Name'; '{JsonPointer.Excerpt(text)}' does not.");
            return null;
        }

        return pointer;
    }

    private string? String(CodegenJson owner, string key)
    {
        var value = owner.GetPropertyOrNull(key);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != CodegenJsonKind.String)
        {
            Report(value, $"'{key}' must be a string.");
            return null;
        }

        return value.StringValue;
    }

    private void Report(CodegenJson at, string message) =>
        _diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, _document.SpanOf(at), message);

    /// <summary>Letters, digits and underscores, not starting with a digit: a name every shell and platform accepts.</summary>
    internal static bool IsEnvironmentVariableName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
