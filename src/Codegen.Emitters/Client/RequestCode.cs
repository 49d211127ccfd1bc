using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;
using Codegen.Emitters.Json;

namespace Codegen.Emitters.Client;

/// <summary>
/// The contract-dependent half of sending an OpenAPI operation: the method's parameters, and the statements that fill
/// a <c>{Prefix}ClientRequest</c> from them (path, query, header and cookie values by style, the body by media type).
/// How values are escaped, serialized and written is the runtime's (src/Codegen.Runtime/Client).
/// </summary>
internal sealed class RequestCode
{
    private readonly EmitContext _context;
    private readonly string _value;
    private readonly string _request;
    private readonly string _content;

    public RequestCode(EmitContext context)
    {
        _context = context;
        _value = context.Global(context.Contract.Prefix + "ParameterValue");
        _request = context.Global(context.Contract.Prefix + "ClientRequest");
        _content = context.Global(context.Contract.Prefix + "ClientContent");
    }

    /// <summary>One argument of a generated method: a parameter of the operation, or its body.</summary>
    public sealed record Argument(string Name, string Type, bool IsOptional, ParameterSpec? Parameter, BodySpec? Body);

    /// <summary>Required parameters and the body in the document's order, then the optional ones.</summary>
    public IReadOnlyList<Argument> Arguments(OperationSpec operation)
    {
        var all = new List<Argument>();
        foreach (var parameter in operation.Parameters)
        {
            var optional = !parameter.IsRequired;
            all.Add(new Argument(parameter.ParameterName, _context.TypeName(parameter.Type) + (optional || parameter.IsNullable ? "?" : string.Empty), optional, parameter, null));
        }

        if (operation.Body is { } body)
        {
            all.Add(new Argument("body", _context.TypeName(body.Type) + (body.IsRequired ? string.Empty : "?"), !body.IsRequired, null, body));
        }

        return all.Where(a => !a.IsOptional).Concat(all.Where(a => a.IsOptional)).ToList();
    }

    /// <summary>The parameter list of the public methods, <c>CancellationToken</c> last.</summary>
    public string Signature(OperationSpec operation, bool streaming)
    {
        var parts = Arguments(operation).Select(a => $"{a.Type} {a.Name}{(a.IsOptional ? " = null" : string.Empty)}").ToList();
        parts.Add((streaming ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " : string.Empty) + "global::System.Threading.CancellationToken cancellationToken = default");
        return string.Join(", ", parts);
    }

    /// <summary>The arguments passed on to the request factory.</summary>
    public string Forward(OperationSpec operation) => string.Join(", ", Arguments(operation).Select(a => a.Name));

    /// <summary>
    /// A private method that checks the arguments and builds the request: <c>Create{Name}Request(..., bool streaming)</c>.
    /// With <c>streaming</c>, the body's stream flag is set.
    /// </summary>
    public void EmitFactory(SourceWriter w, OperationSpec operation, string? credential, string? credentialName)
    {
        var contract = _context.Contract;
        var parameters = string.Join(", ", Arguments(operation).Select(a => $"{a.Type} {a.Name}").Concat(new[] { "bool streaming" }));
        w.Open($"private {_request} Create{operation.Name}Request({parameters})");
        if (operation.Stream?.FlagPropertyName is { } flag && operation.Body is { Type.Kind: TypeRefKind.Object } flagBody)
        {
            w.Line(flagBody.IsRequired
                ? $"if (streaming) {{ body = (body ?? throw new global::System.ArgumentNullException(nameof(body))) with {{ {flag} = true }}; }}"
                : $"if (streaming && body is not null) {{ body = body with {{ {flag} = true }}; }}");
        }
        else
        {
            w.Line("_ = streaming;");
        }

        w.Line($"var message = new {_request}(global::System.Net.Http.HttpMethod.{HttpMethod(operation.Method)}, {CSharp.StringLiteral(operation.Path)});");
        if (operation.Servers.FirstOrDefault() is { } server)
        {
            w.Line($"message.Server = {CSharp.StringLiteral(Servers.Expand(server))};");
        }

        if (operation.Success is { Kind: BodyKind.Binary, MediaType: { } binary })
        {
            w.Line($"message.Accept = {CSharp.StringLiteral(binary)};");
        }

        if (credential != "Bearer")
        {
            w.Line($"message.Security = {_request}.Credential.{credential ?? "None"};");
        }

        if (credentialName is not null)
        {
            w.Line($"message.CredentialName = {CSharp.StringLiteral(credentialName)};");
        }

        if (ErrorReader(operation) is { } readError)
        {
            w.Line($"message.ReadError = {readError};");
        }

        foreach (var argument in Arguments(operation))
        {
            if (argument.Parameter is { } parameter)
            {
                EmitParameter(w, parameter, argument);
            }
            else if (argument.Body is { } body)
            {
                EmitBody(w, operation, body, argument);
            }
        }

        w.Line("return message;");
        w.Close();
    }

    /// <summary>
    /// A function reading an error body with the type the contract documents for its status (exact statuses first, then
    /// ranges such as 4XX, then <c>default</c>), or null when the operation documents none.
    /// </summary>
    private string? ErrorReader(OperationSpec operation)
    {
        var arms = new List<(int Order, string Pattern, string Type)>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var response in operation.Responses)
        {
            if (response.IsSuccess || response.Kind != BodyKind.Json || response.Type is not { Kind: TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum } type || !seen.Add(response.Status.ToUpperInvariant()))
            {
                continue;
            }

            var status = response.Status.ToUpperInvariant();
            if (status == "DEFAULT")
            {
                arms.Add((2, "_", type.Name!));
            }
            else if (status.EndsWith("XX", System.StringComparison.Ordinal) && status[0] is '4' or '5')
            {
                arms.Add((1, $">= {status[0]}00 and <= {status[0]}99", type.Name!));
            }
            else if (status[0] is '4' or '5')
            {
                arms.Add((0, status, type.Name!));
            }
        }

        if (arms.Count == 0)
        {
            return null;
        }

        var cases = arms.OrderBy(a => a.Order).Select(a => $"{a.Pattern} => TryReadError(bytes, {JsonContext}.{a.Type}),").ToList();
        if (!arms.Any(a => a.Pattern == "_"))
        {
            cases.Add("_ => null,");
        }

        return $"static (status, bytes) => status switch {{ {string.Join(" ", cases)} }}";
    }

    private void EmitParameter(SourceWriter w, ParameterSpec parameter, Argument argument)
    {
        var name = parameter.ParameterName;
        var isValueType = parameter.Type.IsValueType;
        var canBeNull = argument.IsOptional || parameter.IsNullable || !isValueType;
        var value = isValueType && (argument.IsOptional || parameter.IsNullable) ? name + ".Value" : name;
        if (!argument.IsOptional && !parameter.IsNullable && !isValueType)
        {
            w.Line($"if ({name} is null) {{ throw new global::System.ArgumentNullException(nameof({name})); }}");
            canBeNull = false;
        }

        var statements = new List<string>();
        if (parameter.SchemaPointer is { } pointer)
        {
            statements.Add($"if (_pipeline.Options.ValidateRequests) {{ {Check(parameter.Type, value, pointer, parameter.Name, name)} }}");
        }

        var parameterValue = ValueOf(parameter.Type, value);
        var wireName = CSharp.StringLiteral(parameter.Name);
        statements.Add(parameter.Location switch
        {
            ParameterLocation.Path => $"message.Path({wireName}, {parameterValue}, {_request}.Style.{parameter.Style}, {Bool(parameter.Explode)});",
            ParameterLocation.Query => $"message.Query({wireName}, {parameterValue}, {_request}.Style.{parameter.Style}, {Bool(parameter.Explode)});",
            ParameterLocation.Header => $"message.Header({wireName}, {parameterValue}, {Bool(parameter.Explode)});",
            _ => $"message.Cookie({wireName}, {parameterValue});",
        });
        w.Line(canBeNull ? $"if ({name} is not null) {{ {string.Join(" ", statements)} }}" : string.Join(" ", statements));
    }

    private void EmitBody(SourceWriter w, OperationSpec operation, BodySpec body, Argument argument)
    {
        var type = body.Type;
        var mediaType = CSharp.StringLiteral(body.MediaType);
        var statements = new List<string>();
        var value = argument.IsOptional && type.IsValueType ? "body.Value" : "body";
        if (body.IsRequired && !type.IsValueType)
        {
            w.Line("if (body is null) { throw new global::System.ArgumentNullException(nameof(body)); }");
        }

        if (type.Kind == TypeRefKind.Object)
        {
            statements.Add("if (_pipeline.Options.ValidateRequests) { body.ThrowIfInvalid(); }");
        }
        else if (type.Kind is TypeRefKind.Union or TypeRefKind.Enum && body.SchemaPointer is { } pointer)
        {
            var validation = _context.Global(_context.Names.ValidationHelpers);
            statements.Add($"if (_pipeline.Options.ValidateRequests) {{ var violations = {validation}.Validate({value}, {new JsonCode(_context).ConverterOf(type)}, {CSharp.StringLiteral(pointer)}); if (violations.Count > 0) {{ throw new {_context.Global(_context.Names.ValidationException)}(violations); }} }}");
        }

        statements.Add(body.Kind switch
        {
            BodyKind.Multipart => $"message.Content = {FieldWriterName(operation, body)}(new {_content}.Multipart(), body);",
            BodyKind.FormUrlEncoded => $"message.Content = {FieldWriterName(operation, body)}(new {_content}.Form(), body);",
            BodyKind.Text => $"message.Content = {_content}.Text(body, {mediaType});",
            BodyKind.Binary => $"message.Content = {_content}.File(body, {mediaType});",
            _ when type.Kind is TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum =>
                $"message.Content = {_content}.Json(global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes({value}, {JsonContext}.{type.Name}), {mediaType});",
            _ => $"message.Content = {_content}.Json(writer => {{ {new JsonCode(_context).Write(type, false, value, "writer", PlainOptions)} }}, {mediaType});",
        });
        w.Line(argument.IsOptional ? $"if (body is not null) {{ {string.Join(" ", statements)} }}" : string.Join(" ", statements));
    }

    /// <summary>
    /// The method that writes a body's fields: <c>Write{Type}Multipart</c> or <c>Write{Type}Form</c>, shared by the
    /// operations that send the type; <c>Write{Type}MultipartFor{Operation}</c> (or <c>FormFor</c>) when the operation's
    /// <c>encoding</c> gives parts their own content types or fields their own style.
    /// </summary>
    public static string FieldWriterName(OperationSpec operation, BodySpec body) =>
        "Write" + body.Type.Name + (body.Kind == BodyKind.Multipart ? "Multipart" : "Form") + (body.Encodings.IsEmpty ? string.Empty : "For" + operation.Name);

    /// <summary>
    /// A body object's properties as fields, in the contract's order (see <see cref="FieldWriterName"/>). Files become
    /// file parts; strings, numbers, booleans and enums text fields; lists of them one field per item; anything else a
    /// JSON field. A part the encoding gives a content type is sent with it; a form field with the encoding's style.
    /// </summary>
    public void EmitFieldWriter(SourceWriter w, string name, ObjectTypeSpec type, bool multipart, EquatableArray<PartEncodingSpec> encodings)
    {
        var builder = multipart ? $"{_content}.Multipart" : $"{_content}.Form";
        w.Open($"private static {builder} {name}({builder} form, {_context.Global(type.Name)} body)");
        foreach (var property in type.Properties)
        {
            if (property.IsReadOnly)
            {
                continue;
            }

            var access = "body." + property.Name;
            var isValueType = property.Type.IsValueType;
            var optional = !property.IsRequired || property.IsNullable;
            var value = isValueType && optional ? access + ".Value" : access;
            var wireName = CSharp.StringLiteral(property.JsonName);
            var encoding = encodings.FirstOrDefault(e => e.PropertyName == property.JsonName);
            var contentType = encoding?.ContentType is { } partType ? ", " + CSharp.StringLiteral(partType) : string.Empty;
            var formStyle = encoding is { } written && (written.Style != ParameterStyle.Form || !written.Explode) ? $", {_request}.Style.{written.Style}, {Bool(written.Explode)}" : string.Empty;
            string statement;
            if (multipart && property.Type.Kind == TypeRefKind.File)
            {
                statement = $"form.AddFile({wireName}, {value}{contentType});";
            }
            else if (multipart && property.Type is { Kind: TypeRefKind.Array, Item.Kind: TypeRefKind.File } && !property.Type.ItemIsNullable)
            {
                statement = $"foreach (var file in {value}) {{ form.AddFile({wireName}, file{contentType}); }}";
            }
            else if (multipart && !IsPlain(property.Type))
            {
                statement = $"form.AddJson({wireName}, writer => {{ {new JsonCode(_context).Write(property.Type, false, value, "writer", PlainOptions)} }}{contentType});";
            }
            else
            {
                statement = $"form.Add({wireName}, {ValueOf(property.Type, value)}{(multipart ? contentType : formStyle)});";
            }

            w.Line(optional || !isValueType ? $"if ({access} is not null) {{ {statement} }}" : statement);
        }

        w.Line("return form;");
        w.Close();
    }

    private string JsonContext => $"{_context.Global(_context.Names.JsonContext)}.Default";

    private string PlainOptions => $"{_context.Global(_context.Names.JsonHelpers)}.PlainOptions";

    /// <summary>Strings, numbers, booleans and enums, and lists of them: what a field or parameter carries as text.</summary>
    private static bool IsPlain(TypeRef type) =>
        IsScalar(type) || (type is { Kind: TypeRefKind.Array, Item: { } item } && IsScalar(item) && !type.ItemIsNullable);

    private static bool IsScalar(TypeRef type) =>
        type.Kind is TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number or TypeRefKind.Boolean or TypeRefKind.Enum;

    /// <summary>A <c>{Prefix}ParameterValue</c> for a value known not to be null.</summary>
    private string ValueOf(TypeRef type, string value)
    {
        if (IsScalar(type))
        {
            return $"{_value}.Of({Text(type, value)})";
        }

        if (type is { Kind: TypeRefKind.Array, Item: { } item } && IsScalar(item) && !type.ItemIsNullable)
        {
            return $"{_value}.List({value}, static x => {Text(item, "x", format: true)})";
        }

        if (type is { Kind: TypeRefKind.Map, Item: { } mapValue } && IsScalar(mapValue) && !type.ItemIsNullable)
        {
            return $"{_value}.Map({value}, static x => {Text(mapValue, "x", format: true)})";
        }

        return $"{_value}.FromJson(writer => {{ {new JsonCode(_context).Write(type, false, value, "writer", PlainOptions)} }})";
    }

    /// <summary>A scalar as the argument of <c>Of</c>, or (with <paramref name="format"/>) as a string.</summary>
    private string Text(TypeRef type, string value, bool format = false) => type.Kind switch
    {
        TypeRefKind.Enum => value + ".Value",
        TypeRefKind.String => value,
        _ when format => $"{_value}.Format({value})",
        _ => value,
    };

    /// <summary>The check of one argument against its schema, as the builders check theirs.</summary>
    private string Check(TypeRef type, string value, string pointer, string wireName, string parameterName)
    {
        var helpers = _context.Global(_context.Names.ValidationHelpers);
        var arguments = $"{CSharp.StringLiteral(pointer)}, {CSharp.StringLiteral(wireName)}, nameof({parameterName})";
        return type.Kind switch
        {
            TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number or TypeRefKind.Boolean => $"{helpers}.CheckArgument({value}, {arguments});",
            TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum => $"{helpers}.CheckArgument({value}, {new JsonCode(_context).ConverterOf(type)}, {arguments});",
            _ => $"{helpers}.CheckArgument({helpers}.ToRulesJson(writer => {{ {new JsonCode(_context).Write(type, false, value, "writer", PlainOptions)} }}), {arguments});",
        };
    }

    private static string Bool(bool value) => value ? "true" : "false";

    internal static string HttpMethod(string method) => method switch
    {
        "GET" => "Get",
        "PUT" => "Put",
        "DELETE" => "Delete",
        "PATCH" => "Patch",
        "HEAD" => "Head",
        "OPTIONS" => "Options",
        "TRACE" => "Trace",
        _ => "Post",
    };
}
