namespace Codegen.Runtime;

/// <summary>
/// A request body that can be sent again: every attempt gets new <c>HttpContent</c> over the same bytes or files.
/// JSON, text, a file (<c>application/octet-stream</c>, audio, ...), <c>application/x-www-form-urlencoded</c> and
/// <c>multipart/form-data</c>. Files are read, never disposed: the caller owns their streams. A file whose stream
/// cannot seek can be sent once, so a request that carries one is not retried (<see cref="IsRepeatable"/>).
/// </summary>
public abstract class CodegenClientContent
{
    private protected CodegenClientContent()
    {
    }

    /// <summary>Whether the body can be sent more than once (every file in it can seek back to its start).</summary>
    public virtual bool IsRepeatable => true;

    /// <summary>JSON bytes.</summary>
    public static CodegenClientContent Json(byte[] utf8, string mediaType = "application/json") => new BytesContent(utf8, mediaType, charset: null);

    /// <summary>JSON written by <paramref name="write"/>.</summary>
    public static CodegenClientContent Json(global::System.Action<global::System.Text.Json.Utf8JsonWriter> write, string mediaType = "application/json")
    {
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Json(buffer.WrittenSpan.ToArray(), mediaType);
    }

    /// <summary>Text, sent as UTF-8.</summary>
    public static CodegenClientContent Text(string text, string mediaType) =>
        new BytesContent(global::System.Text.Encoding.UTF8.GetBytes(text ?? throw new global::System.ArgumentNullException(nameof(text))), mediaType, "utf-8");

    /// <summary>A file's bytes; its own content type wins over the operation's <paramref name="mediaType"/>.</summary>
    public static CodegenClientContent File(CodegenFile file, string mediaType) => new FileContent(file ?? throw new global::System.ArgumentNullException(nameof(file)), mediaType);

    /// <summary>The next attempt's content.</summary>
    public abstract global::System.Net.Http.HttpContent Create();

    /// <summary>How a field of a form or multipart body reads: a string as it is; anything else as its JSON text.</summary>
    public static string FieldText(global::System.Action<global::System.Text.Json.Utf8JsonWriter> write, out bool isJson)
    {
        var value = CodegenParameterValue.FromJson(write);
        isJson = value.Scalar is null;
        if (value.Scalar is { } scalar)
        {
            return scalar;
        }

        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>An <c>application/x-www-form-urlencoded</c> body, built field by field.</summary>
    public sealed class Form : CodegenClientContent
    {
        private readonly global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>> _fields = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();

        /// <summary>Adds a field: a string, number or boolean as its text, a list as one field per item, an object as one field per member (form style, exploded).</summary>
        public Form Add(string name, CodegenParameterValue value) => Add(name, value, CodegenClientRequest.Style.Form, true);

        /// <summary>
        /// Adds a field written by the <c>style</c> and <c>explode</c> of the contract's encoding, as a query parameter is:
        /// a list exploded as one field per item, else joined by commas (form), spaces or pipes; an object exploded as
        /// one field per member, else as <c>name=k,v,k,v</c>, or with deepObject as <c>name[k]=v</c>.
        /// </summary>
        public Form Add(string name, CodegenParameterValue value, CodegenClientRequest.Style style, bool explode)
        {
            CodegenClientRequest.FormFields(name, value, style, explode, escaped: false, Field);
            return this;
        }

        private void Field(string name, string value) => _fields.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(name, value));

        /// <inheritdoc/>
        public override global::System.Net.Http.HttpContent Create() => new global::System.Net.Http.FormUrlEncodedContent(_fields);
    }

    /// <summary>A <c>multipart/form-data</c> body: text fields, JSON fields and files, in the order they are added.</summary>
    public sealed class Multipart : CodegenClientContent
    {
        private readonly global::System.Collections.Generic.List<Part> _parts = new global::System.Collections.Generic.List<Part>();

        /// <inheritdoc/>
        public override bool IsRepeatable
        {
            get
            {
                foreach (var part in _parts)
                {
                    if (part.File is { } file && !file.IsRepeatable)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// Adds a text field: without a content type of its own, as browsers send one, unless the contract's encoding
        /// gives one (<paramref name="contentType"/>, e.g. <c>application/sdp</c>).
        /// </summary>
        public Multipart Add(string name, string value, string? contentType = null)
        {
            _parts.Add(new Part(name, global::System.Text.Encoding.UTF8.GetBytes(value ?? throw new global::System.ArgumentNullException(nameof(value))), contentType, null));
            return this;
        }

        /// <summary>Adds a field per item of a list, or per value: the shape OpenAPI gives arrays of primitives.</summary>
        public Multipart Add(string name, CodegenParameterValue value, string? contentType = null)
        {
            if (value.Scalar is { } scalar)
            {
                return Add(name, scalar, contentType);
            }

            foreach (var item in value.Items ?? global::System.Array.Empty<string>())
            {
                Add(name, item, contentType);
            }

            return this;
        }

        /// <summary>
        /// Adds a field written as JSON: a string, number or boolean as its text, an object or array as JSON with
        /// the content type <c>application/json</c> (OpenAPI's default for them), unless the contract's encoding gives
        /// another (<paramref name="contentType"/>).
        /// </summary>
        public Multipart AddJson(string name, global::System.Action<global::System.Text.Json.Utf8JsonWriter> write, string? contentType = null)
        {
            var text = FieldText(write, out var isJson);
            _parts.Add(new Part(name, global::System.Text.Encoding.UTF8.GetBytes(text), contentType ?? (isJson ? "application/json" : null), null));
            return this;
        }

        /// <summary>
        /// Adds a file with its name (<c>file</c> when it has none) and content type: its own, else the one the contract's
        /// encoding gives (<paramref name="contentType"/>), else <c>application/octet-stream</c>.
        /// </summary>
        public Multipart AddFile(string name, CodegenFile file, string? contentType = null)
        {
            // The file's position is taken now, so that every attempt sends it from here.
            _parts.Add(new Part(name, null, null, new FileContent(file ?? throw new global::System.ArgumentNullException(nameof(file)), contentType ?? "application/octet-stream")));
            return this;
        }

        /// <inheritdoc/>
        public override global::System.Net.Http.HttpContent Create()
        {
            var content = new global::System.Net.Http.MultipartFormDataContent();
            foreach (var part in _parts)
            {
                if (part.File is { } file)
                {
                    Add(content, file.Create(), part.Name, file.FileName ?? "file");
                    continue;
                }

                var field = new global::System.Net.Http.ByteArrayContent(part.Bytes!);
                if (part.ContentType is { } contentType)
                {
                    field.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                }

                Add(content, field, part.Name, null);
            }

            return content;
        }

        /// <summary>
        /// Adds a part with its Content-Disposition written here: names quoted, so that <c>image[]</c> arrives whole, and a
        /// file name beyond ASCII also as RFC 5987's <c>filename*</c>, with an ASCII stand-in in <c>filename</c>.
        /// </summary>
        private static void Add(global::System.Net.Http.MultipartFormDataContent content, global::System.Net.Http.HttpContent part, string name, string? fileName)
        {
            var disposition = new global::System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
            if (fileName is not null)
            {
                var ascii = true;
                foreach (var c in fileName)
                {
                    ascii &= c >= ' ' && c < 127;
                }

                if (ascii)
                {
                    disposition.FileName = Quote(fileName);
                }
                else
                {
                    var fallback = new global::System.Text.StringBuilder(fileName.Length);
                    foreach (var c in fileName)
                    {
                        fallback.Append(c >= ' ' && c < 127 ? c : '_');
                    }

                    disposition.FileName = Quote(fallback.ToString());
                    disposition.FileNameStar = fileName;
                }
            }

            part.Headers.ContentDisposition = disposition;
            content.Add(part);
        }

        private static string Quote(string name) => "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        private sealed class Part
        {
            public Part(string name, byte[]? bytes, string? contentType, FileContent? file)
            {
                Name = name;
                Bytes = bytes;
                ContentType = contentType;
                File = file;
            }

            public string Name { get; }

            public byte[]? Bytes { get; }

            public string? ContentType { get; }

            public FileContent? File { get; }
        }
    }

    private sealed class BytesContent : CodegenClientContent
    {
        private readonly byte[] _bytes;
        private readonly string _mediaType;
        private readonly string? _charset;

        public BytesContent(byte[] bytes, string mediaType, string? charset)
        {
            _bytes = bytes ?? throw new global::System.ArgumentNullException(nameof(bytes));
            _mediaType = mediaType;
            _charset = charset;
        }

        public override global::System.Net.Http.HttpContent Create()
        {
            var content = new global::System.Net.Http.ByteArrayContent(_bytes);
            content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(_mediaType) { CharSet = _charset };
            return content;
        }
    }

    /// <summary>A file's stream, from where it stood when the request was made; the stream is not disposed with the content.</summary>
    private sealed class FileContent : CodegenClientContent
    {
        private readonly CodegenFile _file;
        private readonly string _mediaType;
        private readonly long _start;

        public FileContent(CodegenFile file, string mediaType)
        {
            _file = file;
            _mediaType = mediaType;
            _start = file.Content.CanSeek ? file.Content.Position : 0;
        }

        public override bool IsRepeatable => _file.Content.CanSeek;

        public string? FileName => _file.FileName;

        public override global::System.Net.Http.HttpContent Create()
        {
            var content = new StreamBody(_file.Content, _start);
            content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(_file.ContentType ?? _mediaType);
            return content;
        }
    }

    private sealed class StreamBody : global::System.Net.Http.HttpContent
    {
        private readonly global::System.IO.Stream _stream;
        private readonly long _start;

        public StreamBody(global::System.IO.Stream stream, long start)
        {
            _stream = stream;
            _start = start;
        }

        protected override async global::System.Threading.Tasks.Task SerializeToStreamAsync(global::System.IO.Stream stream, global::System.Net.TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, global::System.Threading.CancellationToken.None).ConfigureAwait(false);

        protected override async global::System.Threading.Tasks.Task SerializeToStreamAsync(global::System.IO.Stream stream, global::System.Net.TransportContext? context, global::System.Threading.CancellationToken cancellationToken)
        {
            if (_stream.CanSeek)
            {
                _stream.Position = _start;
            }

            await _stream.CopyToAsync(stream, 81920, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _stream.CanSeek ? _stream.Length - _start : 0;
            return _stream.CanSeek;
        }
    }
}
