namespace Codegen.Runtime;

/// <summary>Thrown when a value breaks the contract; lists every violation.</summary>
public sealed class CodegenValidationException : global::System.ArgumentException
{
    /// <summary>Creates the exception from the violations found.</summary>
    public CodegenValidationException(global::System.Collections.Generic.IReadOnlyList<CodegenContractViolation> violations)
        : base("The value breaks the contract: " + string.Join("; ", violations))
    {
        Violations = violations;
    }

    /// <summary>Every violation found.</summary>
    public global::System.Collections.Generic.IReadOnlyList<CodegenContractViolation> Violations { get; }
}
