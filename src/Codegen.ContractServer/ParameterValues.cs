using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.ContractServer;

/// <summary>
/// A parameter's value as JSON, read from the request as its <c>style</c> and <c>explode</c> say, with each scalar
/// typed as its schema asks (<c>limit=20</c> is the number 20 when the schema is an integer, and stays the string
/// <c>"x"</c> when it cannot be one, so that the rules engine names the violation). Null when the request lacks it.
/// </summary>
internal static class ParameterValues
{
    public static CodegenJson? Read(HttpRequest request, ParameterSpec parameter, CodegenSchema? schema, IReadOnlyDictionary<string, string> pathValues)
    {
        var shape = Shape.Of(schema);
        switch (parameter.Location)
        {
            case ParameterLocation.Path:
                return pathValues.TryGetValue(parameter.Name, out var segment) ? FromPath(segment, parameter, shape) : null;
            case ParameterLocation.Header:
                return request.Headers.TryGetValue(parameter.Name, out var header) ? Delimited(string.Join(",", header.ToArray()), ',', shape) : null;
            case ParameterLocation.Cookie:
                return request.Cookies.TryGetValue(parameter.Name, out var cookie) ? Delimited(cookie, ',', shape) : null;
            default:
                return FromQuery(request.Query, parameter, shape);
        }
    }

    private static CodegenJson? FromPath(string text, ParameterSpec parameter, Shape shape)
    {
        switch (parameter.Style)
        {
            case ParameterStyle.Label:
                text = text.TrimStart('.');
                return Delimited(text, parameter.Explode ? '.' : ',', shape);
            case ParameterStyle.Matrix:
                var prefix = ";" + parameter.Name + "=";
                text = text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text.TrimStart(';');
                return Delimited(text.Replace(prefix, ",", StringComparison.Ordinal), ',', shape);
            default:
                return Delimited(text, ',', shape);
        }
    }

    /// <summary>A query parameter's value (or a form field's, read with the style its body's encoding gives it).</summary>
    internal static CodegenJson? FromQuery(IQueryCollection query, ParameterSpec parameter, Shape shape)
    {
        var name = parameter.Name;
        if (shape.IsObject)
        {
            var members = new List<KeyValuePair<string, CodegenJson>>();
            if (parameter.Style == ParameterStyle.DeepObject)
            {
                foreach (var (key, values) in query)
                {
                    if (key.StartsWith(name + "[", StringComparison.Ordinal) && key.EndsWith(']'))
                    {
                        var property = key[(name.Length + 1)..^1];
                        members.Add(new(property, Scalar(values.ToString(), shape.Property(property))));
                    }
                }
            }
            else if (parameter.Explode)
            {
                foreach (var property in shape.PropertyNames)
                {
                    if (query.TryGetValue(property, out var values))
                    {
                        members.Add(new(property, Scalar(values.ToString(), shape.Property(property))));
                    }
                }
            }
            else if (query.TryGetValue(name, out var pairs))
            {
                var parts = pairs.ToString().Split(',');
                for (var i = 0; i + 1 < parts.Length; i += 2)
                {
                    members.Add(new(parts[i], Scalar(parts[i + 1], shape.Property(parts[i]))));
                }
            }

            return members.Count == 0 && !query.ContainsKey(name) ? null : CodegenJson.CreateObject(members);
        }

        if (!query.TryGetValue(name, out var raw) && !query.TryGetValue(name + "[]", out raw))
        {
            return null;
        }

        if (!shape.IsArray)
        {
            return Scalar(raw.ToString(), shape);
        }

        var separator = parameter.Style switch
        {
            ParameterStyle.SpaceDelimited => ' ',
            ParameterStyle.PipeDelimited => '|',
            _ => ',',
        };
        var items = parameter.Explode && parameter.Style == ParameterStyle.Form
            ? raw.Select(v => Scalar(v ?? string.Empty, shape.Item))
            : raw.ToString().Split(separator).Select(v => Scalar(v, shape.Item));
        return CodegenJson.CreateArray(items);
    }

    private static CodegenJson Delimited(string text, char separator, Shape shape) =>
        shape.IsArray ? CodegenJson.CreateArray(text.Split(separator).Select(v => Scalar(v, shape.Item))) : Scalar(text, shape);

    /// <summary>A scalar typed as the schema asks, when the text can be that type; otherwise the string itself.</summary>
    public static CodegenJson Scalar(string text, Shape shape)
    {
        var types = shape.Types;
        if ((types & CodegenSchemaTypes.String) != 0 || types == CodegenSchemaTypes.None)
        {
            return CodegenJson.FromString(text);
        }

        if ((types & (CodegenSchemaTypes.Integer | CodegenSchemaTypes.Number)) != 0 && CodegenNumber.TryParse(text, 0, text.Length, out var number))
        {
            return CodegenJson.FromNumber(number);
        }

        if ((types & CodegenSchemaTypes.Boolean) != 0 && text is "true" or "false")
        {
            return CodegenJson.FromBoolean(text == "true");
        }

        if ((types & (CodegenSchemaTypes.Object | CodegenSchemaTypes.Array)) != 0 && text.TrimStart() is ['{' or '[', ..])
        {
            try
            {
                return CodegenJson.Parse(text);
            }
            catch (CodegenJsonException)
            {
                return CodegenJson.FromString(text);
            }
        }

        return (types & CodegenSchemaTypes.Null) != 0 && text == "null" ? CodegenJson.Null : CodegenJson.FromString(text);
    }

    /// <summary>What a schema says about a value's shape: its types (through references and unions), its items and properties.</summary>
    public sealed class Shape
    {
        private readonly CodegenSchema? _schema;

        private Shape(CodegenSchema? schema, CodegenSchemaTypes types)
        {
            _schema = schema;
            Types = types;
        }

        public CodegenSchemaTypes Types { get; }

        public bool IsArray => (Types & CodegenSchemaTypes.Array) != 0 && (Types & CodegenSchemaTypes.String) == 0;

        public bool IsObject => (Types & CodegenSchemaTypes.Object) != 0 && (Types & CodegenSchemaTypes.String) == 0;

        public Shape Item => Of(Walk(_schema).Select(s => s.Items).FirstOrDefault(i => i is not null));

        public IEnumerable<string> PropertyNames => Walk(_schema).SelectMany(s => s.Properties.Select(p => p.Key)).Distinct();

        public Shape Property(string name) =>
            Of(Walk(_schema).Select(s => s.TryGetProperty(name, out var property) ? property : null).FirstOrDefault(p => p is not null));

        public static Shape Of(CodegenSchema? schema)
        {
            var types = CodegenSchemaTypes.None;
            foreach (var part in Walk(schema))
            {
                types |= part.Types;
                if (part.Properties.Count > 0)
                {
                    types |= CodegenSchemaTypes.Object;
                }
            }

            return new Shape(schema, types);
        }

        /// <summary>The schema and what it stands for: reference targets and the parts of <c>allOf</c>, <c>anyOf</c> and <c>oneOf</c>.</summary>
        private static IEnumerable<CodegenSchema> Walk(CodegenSchema? schema)
        {
            var pending = new Stack<CodegenSchema>();
            var seen = new HashSet<CodegenSchema>(ReferenceEqualityComparer.Instance);
            if (schema is not null)
            {
                pending.Push(schema);
            }

            while (pending.Count > 0 && seen.Count < 64)
            {
                var next = pending.Pop();
                if (!seen.Add(next))
                {
                    continue;
                }

                yield return next;
                foreach (var part in new[] { next.ReferenceTarget }.Concat(next.AllOf ?? []).Concat(next.AnyOf ?? []).Concat(next.OneOf ?? []).Reverse())
                {
                    if (part is not null)
                    {
                        pending.Push(part);
                    }
                }
            }
        }
    }
}
