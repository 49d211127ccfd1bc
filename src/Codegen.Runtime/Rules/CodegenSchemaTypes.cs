namespace Codegen.Runtime;

/// <summary>The JSON types a <c>type</c> keyword allows; <see cref="Integer"/> is a number whose value is whole (1.0 is one).</summary>
[global::System.Flags]
internal enum CodegenSchemaTypes : byte
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}
