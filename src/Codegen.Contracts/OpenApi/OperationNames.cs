using System.Text;
using Codegen.Contracts.Naming;

namespace Codegen.Contracts.OpenApi;

/// <summary>The C# name of an operation (without <c>Async</c>): its operationId in PascalCase, else its method and path.</summary>
internal static class OperationNames
{
    /// <summary><c>createChatCompletion</c> → <c>CreateChatCompletion</c>; <c>POST /chat/completions</c> → <c>PostChatCompletions</c>; <c>GET /models/{model}</c> → <c>GetModelsByModel</c>.</summary>
    public static string From(string? operationId, string method, string path)
    {
        if (!string.IsNullOrWhiteSpace(operationId))
        {
            return Identifiers.ToPascalCase(operationId, "Operation");
        }

        var builder = new StringBuilder(Identifiers.ToPascalCase(method.ToLowerInvariant(), "Send"));
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            builder.Append(segment.StartsWith("{") && segment.EndsWith("}")
                ? "By" + Identifiers.ToPascalCase(segment.Substring(1, segment.Length - 2), "Id")
                : Identifiers.ToPascalCase(segment, string.Empty));
        }

        return builder.ToString();
    }
}
