using System.Text.Json.Serialization;

namespace Codegen.Runtime.Tests;

/// <summary>A stand-in for a contract's chunk type: strict like the generated types, a missing text is an error.</summary>
public sealed record Chunk(string Text);

[JsonSerializable(typeof(Chunk))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
public sealed partial class TestJsonContext : JsonSerializerContext;
