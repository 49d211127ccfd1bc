namespace Codegen.Runtime;

/// <summary>One way in which a value breaks the contract.</summary>
public sealed record CodegenContractViolation(string Path, string Rule, string? Value)
{
    /// <summary>The violation in words, e.g. <c>$.temperature must be between 0 and 2; 3 is not valid</c>.</summary>
    public override string ToString() => Value is null ? Path + " " + Rule : Path + " " + Rule + "; " + Value + " is not valid";
}
