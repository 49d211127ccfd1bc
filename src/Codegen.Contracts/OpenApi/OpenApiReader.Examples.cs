using System;
using System.Collections.Generic;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.OpenApi;

// The examples of media types, which the contract server answers with.
internal sealed partial class OpenApiReader
{
    /// <summary>
    /// A media type's examples: its <c>example</c> (named "") and each of its <c>examples</c> by name, an Example
    /// Object's <c>value</c> (references to <c>#/components/examples/</c> followed). An <c>externalValue</c> lives in
    /// another file, which the reader never loads: it is reported and left out.
    /// </summary>
    private List<ExampleSpec> ReadExamples(CodegenJson media, string mediaPointer)
    {
        var result = new List<ExampleSpec>();
        if (media.Kind != CodegenJsonKind.Object)
        {
            return result;
        }

        if (media.GetPropertyOrNull("example") is { } example)
        {
            result.Add(new ExampleSpec(string.Empty, example.ToString()));
        }

        if (media.GetPropertyOrNull("examples") is not { } examples)
        {
            return result;
        }

        var examplesPointer = JsonPointer.Append(mediaPointer, "examples");
        if (examples.Kind != CodegenJsonKind.Object)
        {
            Report(examplesPointer, "'examples' must be an object of named Example Objects ({ \"name\": { \"value\": ... } }).");
            return result;
        }

        foreach (var member in examples.Members)
        {
            var memberPointer = JsonPointer.Append(examplesPointer, member.Key);
            var (resolved, pointer) = Resolve(member.Value, memberPointer, "#/components/examples/");
            if (resolved is not { Kind: CodegenJsonKind.Object })
            {
                Report(memberPointer, $"The example '{JsonPointer.Excerpt(member.Key)}' must be an Example Object with a 'value'.");
                continue;
            }

            if (resolved.GetPropertyOrNull("value") is { } value)
            {
                result.Add(new ExampleSpec(member.Key, value.ToString()));
            }
            else if (resolved.GetPropertyOrNull("externalValue") is not null)
            {
                _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(JsonPointer.Append(pointer, "externalValue")),
                    $"The example '{JsonPointer.Excerpt(member.Key)}' is in another file ('externalValue'), which is never loaded; the contract server does not answer with it. Put the value inline ('value').");
            }
        }

        return result;
    }
}
