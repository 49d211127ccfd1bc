using System;
using System.Collections.Generic;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.OpenApi;

/// <summary>Servers (with their variables) and security schemes with the requirements that name them.</summary>
internal sealed partial class OpenApiReader
{
    private void ReadServers(CodegenJson owner, string ownerPointer, List<ServerSpec> into)
    {
        if (owner.GetPropertyOrNull("servers") is not { } servers)
        {
            return;
        }

        var listPointer = JsonPointer.Append(ownerPointer, "servers");
        if (servers.Kind != CodegenJsonKind.Array)
        {
            Report(listPointer, "'servers' must be an array of server objects.");
            return;
        }

        for (var i = 0; i < servers.Items.Count; i++)
        {
            var server = servers.Items[i];
            var pointer = JsonPointer.Append(listPointer, i);
            if (String(server, "url") is not string url)
            {
                Report(pointer, "A server needs a 'url'.");
                continue;
            }

            var variables = new List<ServerVariableSpec>();
            if (server.GetPropertyOrNull("variables") is { Kind: CodegenJsonKind.Object } variableObject)
            {
                foreach (var variable in variableObject.Members)
                {
                    if (String(variable.Value, "default") is not string defaultValue)
                    {
                        Report(JsonPointer.Append(JsonPointer.Append(pointer, "variables"), variable.Key), "A server variable needs a 'default'.");
                        continue;
                    }

                    var values = new List<string>();
                    if (variable.Value.GetPropertyOrNull("enum") is { Kind: CodegenJsonKind.Array } enumValues)
                    {
                        foreach (var value in enumValues.Items)
                        {
                            if (value.Kind == CodegenJsonKind.String)
                            {
                                values.Add(value.StringValue);
                            }
                        }
                    }

                    variables.Add(new ServerVariableSpec(variable.Key, defaultValue, values.ToEquatableArray(), String(variable.Value, "description")));
                }
            }

            into.Add(new ServerSpec(url.TrimEnd('/'), String(server, "description"), into.Count == 0) { Variables = variables.ToEquatableArray() });
        }
    }

    private void ReadSecuritySchemes(CodegenJson root)
    {
        if (root.GetPropertyOrNull("components")?.GetPropertyOrNull("securitySchemes") is not { Kind: CodegenJsonKind.Object } schemes)
        {
            return;
        }

        foreach (var member in schemes.Members)
        {
            var pointer = JsonPointer.Append("/components/securitySchemes", member.Key);
            var (scheme, _) = Resolve(member.Value, pointer, "#/components/securitySchemes/");
            if (scheme is not { Kind: CodegenJsonKind.Object })
            {
                continue;
            }

            var type = String(scheme, "type");
            var location = String(scheme, "in");
            SecurityKind? kind = type switch
            {
                "http" when string.Equals(String(scheme, "scheme"), "basic", StringComparison.OrdinalIgnoreCase) => SecurityKind.Basic,
                "http" => SecurityKind.Bearer,
                "oauth2" or "openIdConnect" => SecurityKind.Bearer,
                "apiKey" when location == "header" => SecurityKind.ApiKeyHeader,
                "apiKey" when location == "query" => SecurityKind.ApiKeyQuery,
                "apiKey" when location == "cookie" => SecurityKind.ApiKeyCookie,
                _ => null,
            };
            if (kind is null)
            {
                _diagnostics.Add(ContractDiagnosticIds.NotGenerated, _document.SpanOf(pointer),
                    $"The security scheme '{JsonPointer.Excerpt(member.Key)}' ({JsonPointer.Excerpt(type ?? "no type")}) has no client support; operations that need only it send no credentials.");
                continue;
            }

            SecuritySchemes.Add(new SecuritySchemeSpec
            {
                Name = member.Key,
                Kind = kind.Value,
                ParameterName = kind is SecurityKind.ApiKeyHeader or SecurityKind.ApiKeyQuery or SecurityKind.ApiKeyCookie ? String(scheme, "name") : null,
                Description = String(scheme, "description"),
            });
        }
    }

    /// <summary>The scheme names of a security requirement list (any one satisfies it); an empty list means no credentials.</summary>
    private List<string>? ReadSecurityRequirement(CodegenJson security, string pointer)
    {
        if (security.Kind != CodegenJsonKind.Array)
        {
            Report(pointer, "'security' must be an array of requirement objects such as { \"ApiKeyAuth\": [] }.");
            return null;
        }

        var names = new List<string>();
        foreach (var requirement in security.Items)
        {
            foreach (var member in requirement.Members)
            {
                if (!names.Contains(member.Key))
                {
                    names.Add(member.Key);
                }
            }
        }

        return names;
    }
}
