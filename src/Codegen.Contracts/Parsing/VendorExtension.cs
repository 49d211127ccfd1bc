using System;
using System.Collections.Generic;
using System.IO;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Newtonsoft.Json.Linq;

namespace Codegen.Contracts.Parsing;

/// <summary>
/// The contract's <c>x-codegen</c> extension: what a JSON Schema cannot say (namespace, prefix,
/// servers, authentication, operations). Operation type references are kept as JSON pointers here
/// and resolved against the definitions by <see cref="ContractParser"/>.
/// </summary>
internal sealed class VendorExtension
{
    public const string Key = "x-codegen";

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal) { "namespace", "prefix", "servers", "auth", "operations" };
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    public string Namespace { get; private set; } = "Contracts";

    public string Prefix { get; private set; } = "Contract";

    public List<ServerSpec> Servers { get; } = new();

    public AuthSpec? Auth { get; private set; }

    public List<OperationDraft> Operations { get; } = new();

    public static VendorExtension Read(JsonDocumentMap document, DiagnosticBag diagnostics)
    {
        var extension = new VendorExtension();
        var fallback = Identifiers.ToPascalCase(StripSchemaSuffix(Path.GetFileName(document.Path)), "Contract");
        extension.Namespace = fallback;
        extension.Prefix = fallback;

        var root = (JObject)document.Root;
        var token = root.Property(Key, StringComparison.Ordinal)?.Value;
        if (token is null)
        {
            diagnostics.Add(ContractDiagnosticIds.MissingVendorExtension, document.SpanOf(root),
                $"The contract has no '{Key}' object; the namespace and prefix '{fallback}' are derived from the file name and no client operations are generated. Add \"{Key}\": {{ \"namespace\": \"...\", \"prefix\": \"...\" }} at the top level.");
            return extension;
        }

        if (token is not JObject obj)
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(token), $"'{Key}' must be an object.");
            return extension;
        }

        foreach (var property in obj.Properties())
        {
            if (!KnownKeys.Contains(property.Name))
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(property),
                    $"'{Key}' has an unknown key '{JsonDocumentMap.Excerpt(property.Name)}'; the known keys are namespace, prefix, servers, auth and operations.");
            }
        }

        var ns = ReadString(obj, "namespace", document, diagnostics);
        if (ns is not null)
        {
            if (Identifiers.IsValidNamespace(ns))
            {
                extension.Namespace = ns;
            }
            else
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(obj["namespace"]!),
                    $"'{JsonDocumentMap.Excerpt(ns)}' is not a valid C# namespace; use dotted identifiers such as 'Contoso.Completions'.");
            }
        }

        var prefix = ReadString(obj, "prefix", document, diagnostics);
        if (prefix is not null)
        {
            if (Identifiers.IsValidIdentifier(prefix))
            {
                extension.Prefix = prefix;
            }
            else
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(obj["prefix"]!),
                    $"'{JsonDocumentMap.Excerpt(prefix)}' is not a valid C# identifier for the prefix; use letters and digits, starting with a letter.");
            }
        }

        ReadServers(obj, document, diagnostics, extension);
        ReadAuth(obj, document, diagnostics, extension);
        ReadOperations(obj, document, diagnostics, extension);
        return extension;
    }

    private static void ReadServers(JObject obj, JsonDocumentMap document, DiagnosticBag diagnostics, VendorExtension extension)
    {
        var token = obj["servers"];
        if (token is null)
        {
            return;
        }

        if (token is not JArray servers)
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(token), "'servers' must be an array of { \"url\": \"https://...\" } objects.");
            return;
        }

        foreach (var item in servers)
        {
            if (item is not JObject server || ReadString(server, "url", document, diagnostics) is not string url)
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(item), "Each server must be an object with a 'url' string.");
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(server["url"]!),
                    $"Server url '{JsonDocumentMap.Excerpt(url)}' must be an absolute http or https address.");
                continue;
            }

            var isDefault = server["default"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag;
            extension.Servers.Add(new ServerSpec(url.TrimEnd('/'), ReadString(server, "description", document, diagnostics), isDefault));
        }

        if (extension.Servers.Count > 0 && !extension.Servers.Exists(s => s.IsDefault))
        {
            extension.Servers[0] = extension.Servers[0] with { IsDefault = true };
        }
    }

    private static void ReadAuth(JObject obj, JsonDocumentMap document, DiagnosticBag diagnostics, VendorExtension extension)
    {
        var token = obj["auth"];
        if (token is null)
        {
            return;
        }

        if (token is not JObject auth)
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(token), "'auth' must be an object such as { \"scheme\": \"bearer\", \"env\": \"API_KEY\" }.");
            return;
        }

        var scheme = ReadString(auth, "scheme", document, diagnostics) ?? "bearer";
        if (scheme != "bearer" && scheme != "none")
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(auth["scheme"]!),
                $"Auth scheme '{JsonDocumentMap.Excerpt(scheme)}' is not supported; use 'bearer' or 'none'.");
            return;
        }

        var env = ReadString(auth, "env", document, diagnostics);
        if (env is not null && !IsEnvironmentVariableName(env))
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(auth["env"]!),
                $"'{JsonDocumentMap.Excerpt(env)}' is not an environment variable name; use letters, digits and underscores.");
            env = null;
        }

        extension.Auth = new AuthSpec(scheme, env);
    }

    private static void ReadOperations(JObject obj, JsonDocumentMap document, DiagnosticBag diagnostics, VendorExtension extension)
    {
        var token = obj["operations"];
        if (token is null)
        {
            return;
        }

        if (token is not JArray operations)
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(token), "'operations' must be an array of operation objects.");
            return;
        }

        foreach (var item in operations)
        {
            if (item is not JObject operation)
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(item), "Each operation must be an object.");
                continue;
            }

            var name = ReadString(operation, "name", document, diagnostics);
            var method = ReadString(operation, "method", document, diagnostics)?.ToUpperInvariant() ?? "POST";
            var path = ReadString(operation, "path", document, diagnostics);
            var response = ReadString(operation, "response", document, diagnostics);
            if (name is null || !Identifiers.IsValidIdentifier(Identifiers.ToPascalCase(name, string.Empty)) || path is null || !path.StartsWith("/", StringComparison.Ordinal) || response is null)
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(operation),
                    "Each operation needs a 'name' (an identifier), a 'path' starting with '/' and a 'response' ('#/definitions/...').");
                continue;
            }

            if (!Methods.Contains(method))
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(operation["method"]!),
                    $"Method '{JsonDocumentMap.Excerpt(method)}' is not supported; use GET, POST, PUT, PATCH or DELETE.");
                continue;
            }

            StreamDraft? stream = null;
            if (operation["stream"] is JToken streamToken)
            {
                if (streamToken is JObject streamObj && ReadString(streamObj, "flag", document, diagnostics) is string flag
                    && ReadString(streamObj, "chunk", document, diagnostics) is string chunk)
                {
                    stream = new StreamDraft(flag, chunk, ReadString(streamObj, "done", document, diagnostics) ?? "[DONE]", document.SpanOf(streamObj));
                }
                else
                {
                    diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(streamToken),
                        "'stream' must be an object with 'flag' (the boolean request property) and 'chunk' ('#/definitions/...').");
                }
            }

            extension.Operations.Add(new OperationDraft(
                Identifiers.ToPascalCase(name, "Operation"),
                method,
                path,
                ReadString(operation, "description", document, diagnostics),
                ReadString(operation, "request", document, diagnostics),
                response,
                stream,
                document.SpanOf(operation)));
        }
    }

    private static string? ReadString(JObject obj, string key, JsonDocumentMap document, DiagnosticBag diagnostics)
    {
        var token = obj.Property(key, StringComparison.Ordinal)?.Value;
        if (token is null)
        {
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, document.SpanOf(token), $"'{key}' must be a string.");
            return null;
        }

        return (string)token!;
    }

    private static bool IsEnvironmentVariableName(string name)
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

    private static string StripSchemaSuffix(string fileName)
    {
        foreach (var suffix in new[] { ".schema.json", ".json" })
        {
            if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return fileName.Substring(0, fileName.Length - suffix.Length);
            }
        }

        return fileName;
    }
}

/// <summary>An operation as written, before its type references are resolved.</summary>
internal sealed record OperationDraft(string Name, string Method, string Path, string? Description, string? Request, string Response, StreamDraft? Stream, SourceSpan Location);

internal sealed record StreamDraft(string Flag, string Chunk, string Done, SourceSpan Location);
