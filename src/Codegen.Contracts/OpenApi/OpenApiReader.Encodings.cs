using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.OpenApi;

// The encoding object of a request body's media type: how each part of a multipart body is written.
internal sealed partial class OpenApiReader
{
    /// <summary>
    /// The content type each part of a multipart body is sent with, and the style and explode of each field of a form
    /// body, by property. What the client does not apply is reported at its place with what is sent instead (CG0010):
    /// part headers, a style or explode other than form, exploded in a multipart body, <c>allowReserved</c>, a content
    /// type for a form field, an encoding on a body that is neither multipart nor a form.
    /// </summary>
    private List<PartEncodingSpec> ReadEncodings(CodegenJson media, string mediaPointer, BodyKind kind)
    {
        var result = new List<PartEncodingSpec>();
        if (media.Kind != CodegenJsonKind.Object || media.GetPropertyOrNull("encoding") is not { } encoding)
        {
            return result;
        }

        var encodingPointer = JsonPointer.Append(mediaPointer, "encoding");
        if (encoding.Kind != CodegenJsonKind.Object)
        {
            Report(encodingPointer, "'encoding' must be an object whose names are properties of the body's schema.");
            return result;
        }

        if (kind is not (BodyKind.Multipart or BodyKind.FormUrlEncoded))
        {
            Unsupported(encodingPointer, "'encoding' applies to multipart and application/x-www-form-urlencoded bodies only; the body is sent without it");
            return result;
        }

        foreach (var member in encoding.Members)
        {
            var pointer = JsonPointer.Append(encodingPointer, member.Key);
            if (member.Value.Kind != CodegenJsonKind.Object)
            {
                Report(pointer, "An encoding must be an object (contentType, headers, style, explode, allowReserved).");
                continue;
            }

            var field = JsonPointer.Excerpt(member.Key);
            string? chosen = null;
            if (member.Value.GetPropertyOrNull("contentType") is { } contentType)
            {
                if (contentType.Kind != CodegenJsonKind.String)
                {
                    Report(JsonPointer.Append(pointer, "contentType"), "'contentType' must be a string such as 'image/png' or 'image/png, image/jpeg'.");
                }
                else if (kind == BodyKind.FormUrlEncoded)
                {
                    Unsupported(JsonPointer.Append(pointer, "contentType"), $"the field '{field}' of an application/x-www-form-urlencoded body has no content type of its own; it is sent as form text");
                }
                else
                {
                    chosen = Specific(contentType.StringValue);
                }
            }

            if (member.Value.GetPropertyOrNull("headers") is { Kind: CodegenJsonKind.Object, Members.Count: > 0 } headers)
            {
                var names = string.Join(", ", headers.Members.Select(h => "'" + JsonPointer.Excerpt(h.Key) + "'"));
                Unsupported(JsonPointer.Append(pointer, "headers"), $"the part '{field}' is sent without its headers {names}: the client writes a part's Content-Disposition and Content-Type only");
            }

            var (style, explode) = kind == BodyKind.FormUrlEncoded ? FormStyle(member.Value, pointer, field) : MultipartStyle(member.Value, pointer, field);
            if (member.Value.GetPropertyOrNull("allowReserved") is { Kind: CodegenJsonKind.True })
            {
                Unsupported(JsonPointer.Append(pointer, "allowReserved"), $"'allowReserved: true' of '{field}' is not applied: reserved characters are percent-encoded");
            }

            if (chosen is not null || style != ParameterStyle.Form || !explode)
            {
                result.Add(new PartEncodingSpec(member.Key, chosen) { Style = style, Explode = explode });
            }
        }

        return result;
    }

    /// <summary>A form field's style and explode (form and exploded by default; other styles not exploded by default).</summary>
    private (ParameterStyle Style, bool Explode) FormStyle(CodegenJson encoding, string pointer, string field)
    {
        var style = ParameterStyle.Form;
        if (String(encoding, "style") is { } named)
        {
            style = StyleNamed(named) is { } known && known is ParameterStyle.Form or ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.DeepObject
                ? known
                : UnsupportedStyle(JsonPointer.Append(pointer, "style"), named, field);
        }

        return (style, Explode(encoding, style));
    }

    private ParameterStyle UnsupportedStyle(string pointer, string style, string field)
    {
        Unsupported(pointer, $"the style '{JsonPointer.Excerpt(style)}' of '{field}' is not a style of a form field: the field is written as style form, exploded");
        return ParameterStyle.Form;
    }

    /// <summary>A multipart part is written one way; a style or explode that asks for another is reported.</summary>
    private (ParameterStyle Style, bool Explode) MultipartStyle(CodegenJson encoding, string pointer, string field)
    {
        if (String(encoding, "style") is { } style && style != "form")
        {
            Unsupported(JsonPointer.Append(pointer, "style"), $"the style '{JsonPointer.Excerpt(style)}' of '{field}' is not applied: the part is written as style form, exploded (one part per item)");
        }

        if (encoding.GetPropertyOrNull("explode") is { Kind: CodegenJsonKind.False })
        {
            Unsupported(JsonPointer.Append(pointer, "explode"), $"'explode: false' of '{field}' is not applied: a list is sent as one part per item");
        }

        return (ParameterStyle.Form, true);
    }

    /// <summary>
    /// The content type a part is sent with when its value carries none: the first of a list that names one type
    /// (<c>image/png, image/jpeg</c> gives <c>image/png</c>); null when every entry is a range such as <c>image/*</c>,
    /// which leaves the default (a file's own type, else <c>application/octet-stream</c>).
    /// </summary>
    internal static string? Specific(string contentType)
    {
        foreach (var entry in contentType.Split(','))
        {
            var type = entry.Trim();
            if (type.Length > 0 && type.IndexOf('*') < 0 && type.IndexOf('/') > 0)
            {
                return type;
            }
        }

        return null;
    }

    private void Unsupported(string pointer, string message) =>
        _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(pointer), message + ".");
}
