namespace Codegen.Runtime;

/// <summary>
/// The contents of a file (<c>format: binary</c>): a part of a <c>multipart/form-data</c> request, a binary
/// request body or a binary response, with the file name and content type that travel with it. Where a contract
/// puts one inside JSON, it is written as base64.
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(CodegenFile.JsonConverter))]
public sealed class CodegenFile
{
    /// <summary>Wraps a stream; the caller keeps owning it (it is read, never disposed, when the file is sent).</summary>
    public CodegenFile(global::System.IO.Stream content, string? fileName = null, string? contentType = null)
    {
        Content = content ?? throw new global::System.ArgumentNullException(nameof(content));
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The bytes to send or that were received.</summary>
    public global::System.IO.Stream Content { get; }

    /// <summary>The file name sent with a multipart part, or the one a response's <c>Content-Disposition</c> gave.</summary>
    public string? FileName { get; }

    /// <summary>The media type, such as <c>audio/mpeg</c>.</summary>
    public string? ContentType { get; }

    /// <summary>A file over bytes in memory.</summary>
    public static CodegenFile FromBytes(byte[] bytes, string? fileName = null, string? contentType = null) =>
        new CodegenFile(new global::System.IO.MemoryStream(bytes ?? throw new global::System.ArgumentNullException(nameof(bytes)), writable: false), fileName, contentType);

    /// <summary>Every remaining byte of <see cref="Content"/>.</summary>
    public byte[] ToArray()
    {
        if (Content is global::System.IO.MemoryStream memory && Content.CanSeek && Content.Position == 0)
        {
            return memory.ToArray();
        }

        using var copy = new global::System.IO.MemoryStream();
        Content.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reads and writes a file inside JSON as a base64 string.</summary>
    public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<CodegenFile>
    {
        /// <summary>The shared instance; the converter holds no state.</summary>
        public static readonly JsonConverter Instance = new JsonConverter();

        /// <inheritdoc/>
        public override CodegenFile Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
            FromBytes(CodegenJsonHelpers.ReadBytes(ref reader));

        /// <inheritdoc/>
        public override void Write(global::System.Text.Json.Utf8JsonWriter writer, CodegenFile value, global::System.Text.Json.JsonSerializerOptions options)
        {
            if (CodegenValidationHelpers.IsWritingRules)
            {
                // The rules see a string (what format: binary is); the bytes are not read to check them.
                writer.WriteStringValue(string.Empty);
                return;
            }

            if (value.Content.CanSeek)
            {
                value.Content.Position = 0;
            }

            writer.WriteBase64StringValue(value.ToArray());
        }
    }
}
