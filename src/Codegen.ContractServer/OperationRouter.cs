using Codegen.Contracts.Model;

namespace Codegen.ContractServer;

/// <summary>
/// Finds the operation a request path names. Paths are templates (<c>/models/{model}</c>): a template segment
/// matches one non-empty segment, and a path with more literal segments wins, as OpenAPI asks
/// (<c>/models/mine</c> before <c>/models/{model}</c>). Each operation is served under its path, under
/// <c>/v1</c> + path (OpenAI-compatible clients with a base URL ending in <c>/v1</c>), and under the path of each
/// of its servers' URLs (<c>https://api.openai.com/v1</c> gives <c>/v1</c>).
/// </summary>
internal sealed class OperationRouter
{
    private readonly List<Route> _routes = [];

    public OperationRouter(ContractSpec contract)
    {
        foreach (var operation in contract.Operations)
        {
            var servers = operation.Servers.Count > 0 ? operation.Servers : contract.Servers;
            var prefixes = new List<string> { string.Empty, "/v1" };
            foreach (var server in servers)
            {
                if (PathOf(server.Url) is { Length: > 0 } prefix && !prefixes.Contains(prefix))
                {
                    prefixes.Add(prefix);
                }
            }

            foreach (var prefix in prefixes)
            {
                _routes.Add(new Route(operation, Split(prefix + operation.Path)));
            }
        }

        // Most literal segments first; the document's order breaks ties.
        _routes = [.. _routes.OrderByDescending(r => r.Segments.Count(s => s.Name is null))];
    }

    /// <summary>The operation for a method and path; else the operations at that path with other methods (405), or none (404).</summary>
    public RouteMatch Match(string method, string path)
    {
        var segments = Split(path);
        List<OperationSpec>? others = null;
        foreach (var route in _routes)
        {
            if (route.Match(segments) is not { } values)
            {
                continue;
            }

            if (string.Equals(route.Operation.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return new RouteMatch(route.Operation, values, []);
            }

            others ??= [];
            if (!others.Exists(o => o.Method == route.Operation.Method))
            {
                others.Add(route.Operation);
            }
        }

        return new RouteMatch(null, new Dictionary<string, string>(), others ?? []);
    }

    private static string? PathOf(string url)
    {
        // Templated hosts (https://{region}.example.com/v1) are no valid URI; only the path matters here.
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? url : url[(scheme + 3)..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? null : rest[slash..].TrimEnd('/');
    }

    private static List<Segment> Split(string path) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Length > 2 && s[0] == '{' && s[^1] == '}' ? new Segment(s, s[1..^1]) : new Segment(s, null))];

    private sealed record Segment(string Text, string? Name);

    private sealed record Route(OperationSpec Operation, List<Segment> Segments)
    {
        public Dictionary<string, string>? Match(List<Segment> request)
        {
            if (request.Count != Segments.Count)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < request.Count; i++)
            {
                if (Segments[i].Name is { } name)
                {
                    values[name] = Uri.UnescapeDataString(request[i].Text);
                }
                else if (!string.Equals(Segments[i].Text, request[i].Text, StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return values;
        }
    }
}

/// <summary>What a request path names: the operation and its path values, or the operations of other methods at that path.</summary>
internal sealed record RouteMatch(OperationSpec? Operation, IReadOnlyDictionary<string, string> PathValues, IReadOnlyList<OperationSpec> OtherMethods);
