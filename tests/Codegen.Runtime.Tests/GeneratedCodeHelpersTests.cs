using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Codegen.Runtime.Tests;

/// <summary>
/// The helpers that generated converters, unions, JSON contexts, validators and builders call once per member or per
/// type instead of repeating the same statements (CodegenJsonHelpers, CodegenValidationHelpers).
/// </summary>
public class GeneratedCodeHelpersTests
{
    /// <summary>A generated type in miniature: a string in an object, read and written by its own converter.</summary>
    private sealed record Tag(string Name);

    private sealed class TagConverter : JsonConverter<Tag>
    {
        public static readonly TagConverter Instance = new();

        public override Tag Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            CodegenJsonHelpers.Expect(ref reader, JsonTokenType.StartObject);
            reader.Read();
            reader.Read();
            var name = CodegenJsonHelpers.ReadString(ref reader);
            reader.Read();
            return new Tag(name);
        }

        public override void Write(Utf8JsonWriter writer, Tag value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, value.Name);
            writer.WriteEndObject();
        }
    }

    /// <summary>Resolves <see cref="Tag"/> the way a generated context does, counting how often it is asked.</summary>
    private sealed class CountingResolver : IJsonTypeInfoResolver
    {
        public int Calls { get; private set; }

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            Calls++;
            return type == typeof(Tag) ? CodegenJsonHelpers.ValueInfo(options, TagConverter.Instance) : null;
        }
    }

    private static Utf8JsonReader ReaderOnName(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        reader.Read();
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        return reader;
    }

    [Fact]
    public void NonNull_moves_onto_the_value_and_remembers_a_null_in_its_bit_only()
    {
        ulong readNulls = 0x1UL;
        var reader = ReaderOnName("""{"a":null}""");
        Assert.False(CodegenJsonHelpers.NonNull(ref reader, ref readNulls, 0x4UL));
        Assert.Equal(JsonTokenType.Null, reader.TokenType);
        Assert.Equal(0x5UL, readNulls);

        reader = ReaderOnName("""{"a":"x"}""");
        Assert.True(CodegenJsonHelpers.NonNull(ref reader, ref readNulls, 0x2UL));
        Assert.Equal("x", CodegenJsonHelpers.ReadString(ref reader));
        Assert.Equal(0x5UL, readNulls);
    }

    [Fact]
    public void WriteAdditional_writes_the_kept_properties_in_order_and_nothing_for_none()
    {
        static string Write(IReadOnlyDictionary<string, JsonElement>? additional)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("known"u8, 1);
                CodegenJsonHelpers.WriteAdditional(writer, additional);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        using var document = JsonDocument.Parse("""{"z":[1,{"b":null}],"a":"x"}""");
        var kept = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        Assert.Equal("""{"known":1,"z":[1,{"b":null}],"a":"x"}""", Write(kept));
        Assert.Equal("""{"known":1}""", Write(null));
    }

    [Fact]
    public void ReadElement_reads_a_value_already_parsed_with_a_converter_or_a_reader_function()
    {
        using var document = JsonDocument.Parse("""{"name":"n"}""");
        Assert.Equal(new Tag("n"), CodegenJsonHelpers.ReadElement(document.RootElement, TagConverter.Instance, CodegenJsonHelpers.PlainOptions));

        using var list = JsonDocument.Parse("""["a","b"]""");
        var items = CodegenJsonHelpers.ReadElement(list.RootElement, CodegenJsonHelpers.PlainOptions,
            static (ref Utf8JsonReader r, JsonSerializerOptions o) => CodegenJsonHelpers.ReadList(ref r, o, static (ref Utf8JsonReader i, JsonSerializerOptions _) => CodegenJsonHelpers.ReadString(ref i)));
        Assert.Equal(["a", "b"], items);
    }

    [Fact]
    public void A_unions_case_is_got_only_when_held_and_As_names_the_union_and_the_case_otherwise()
    {
        Assert.True(CodegenJsonHelpers.TryGetCase<Tag>(new Tag("a"), holds: true, out var tag));
        Assert.Equal(new Tag("a"), tag);
        Assert.False(CodegenJsonHelpers.TryGetCase<Tag>(new Tag("a"), holds: false, out tag));
        Assert.Null(tag);
        Assert.True(CodegenJsonHelpers.TryGetCase<long>(42L, holds: true, out var number));
        Assert.Equal(42L, number);

        Assert.Equal(42L, CodegenJsonHelpers.AsCase<long>(42L, holds: true, "Limit", "Number"));
        var thrown = Assert.Throws<InvalidOperationException>(() => CodegenJsonHelpers.AsCase<Tag>("text", holds: false, "Prompt", "Tags"));
        Assert.Equal("This Prompt does not hold the Tags case.", thrown.Message);
    }

    [Fact]
    public void TypeInfo_resolves_through_the_options_once_and_then_answers_from_its_slot()
    {
        var resolver = new CountingResolver();
        // A context's options are read-only once bound to it; only then do they cache what they resolve.
        var options = new JsonSerializerOptions { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        var slots = new JsonTypeInfo?[3];

        var first = CodegenJsonHelpers.TypeInfo<Tag>(options, slots, 1);
        var calls = resolver.Calls;
        var second = CodegenJsonHelpers.TypeInfo<Tag>(options, slots, 1);

        Assert.Same(first, second);
        Assert.Same(first, slots[1]);
        Assert.Null(slots[0]);
        Assert.Equal(calls, resolver.Calls);
        Assert.Same(options.GetTypeInfo(typeof(Tag)), first);

        // The metadata is the converter's: serializing through it writes what the converter writes.
        Assert.Equal("""{"name":"t"}""", JsonSerializer.Serialize(new Tag("t"), first));
        Assert.Equal(new Tag("u"), JsonSerializer.Deserialize("""{"name":"u"}""", first));
    }

    [Fact]
    public void ThrowIfAny_throws_the_violations_and_returns_for_none()
    {
        CodegenValidationHelpers.ThrowIfAny([]);
        var violation = new CodegenContractViolation("$.a", "must be at most 2", "3");
        var thrown = Assert.Throws<CodegenValidationException>(() => CodegenValidationHelpers.ThrowIfAny([violation]));
        Assert.Equal([violation], thrown.Violations);
    }

    [Fact]
    public void CheckArgument_refuses_a_null_string_or_converted_value_naming_the_member()
    {
        var text = Assert.Throws<ArgumentNullException>(() => CodegenValidationHelpers.CheckArgument((string)null!, "/properties/a", "a_name", "aName"));
        Assert.Equal("aName", text.ParamName);
        Assert.StartsWith("'a_name' must not be null.", text.Message);

        var converted = Assert.Throws<ArgumentNullException>(() => CodegenValidationHelpers.CheckArgument((Tag)null!, TagConverter.Instance, "/properties/t", "tag", "tag"));
        Assert.Equal("tag", converted.ParamName);
        Assert.StartsWith("'tag' must not be null.", converted.Message);

        Assert.Equal("v", CodegenValidationHelpers.NotNull("v", "a", "a"));
    }
}
