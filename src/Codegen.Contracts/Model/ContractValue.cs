using Codegen.Runtime;

namespace Codegen.Contracts.Model;

/// <summary>The kinds of value a contract gives for a default or a constant.</summary>
public enum ContractValueKind
{
    Null,
    Boolean,
    Integer,
    Number,
    String,

    /// <summary>An array or object, kept as JSON text.</summary>
    Json,
}

/// <summary>
/// A value from the contract (a default, a constant), read once: <see cref="Text"/> is the string itself for
/// strings, the exact number as written for numbers (<c>0.0075</c>), <c>true</c>/<c>false</c>, or compact JSON.
/// </summary>
public sealed record ContractValue(ContractValueKind Kind, string Text)
{
    internal static ContractValue From(CodegenJson value) => value.Kind switch
    {
        CodegenJsonKind.Null => new ContractValue(ContractValueKind.Null, "null"),
        CodegenJsonKind.True => new ContractValue(ContractValueKind.Boolean, "true"),
        CodegenJsonKind.False => new ContractValue(ContractValueKind.Boolean, "false"),
        CodegenJsonKind.Number => new ContractValue(value.NumberValue.IsInteger ? ContractValueKind.Integer : ContractValueKind.Number, value.NumberValue.ToString()),
        CodegenJsonKind.String => new ContractValue(ContractValueKind.String, value.StringValue),
        _ => new ContractValue(ContractValueKind.Json, value.ToString()),
    };

    /// <summary>The value as JSON text.</summary>
    public string ToJson()
    {
        if (Kind != ContractValueKind.String)
        {
            return Text;
        }

        var builder = new System.Text.StringBuilder();
        CodegenJson.WriteString(builder, Text);
        return builder.ToString();
    }
}
