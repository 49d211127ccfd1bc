namespace Codegen.Runtime;

/// <summary>
/// How generated code checks a value against the contract: every check goes through the rules engine (Rules/)
/// with the rules document the generator embedded (<see cref="CodegenSchemas"/>), so a rule means in the
/// generated code exactly what it means in the analyzers, the contract server and the tool.
/// </summary>
internal static class CodegenValidationHelpers
{
    [global::System.ThreadStatic]
    private static global::System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [global::System.ThreadStatic]
    private static bool t_writingRules;

    /// <summary>
    /// True while a value is written for the rules engine: a file is then written as an empty string, so that checking
    /// a request never reads (or, for a stream that cannot seek, uses up) the file it is about to send.
    /// </summary>
    public static bool IsWritingRules => t_writingRules;

    /// <summary>Every way <paramref name="value"/>, written as JSON, breaks the schema at <paramref name="pointer"/>.</summary>
    public static global::System.Collections.Generic.IReadOnlyList<CodegenContractViolation> Validate<T>(T value, global::System.Text.Json.Serialization.JsonConverter<T> converter, string pointer)
    {
        var found = new global::System.Collections.Generic.List<CodegenRuleViolation>();
        CodegenSchemaEvaluator.Validate(CodegenSchemas.Get(pointer), ToRulesJson(value, converter), "$", found);
        var violations = new CodegenContractViolation[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            violations[i] = new CodegenContractViolation(found[i].Path, found[i].Rule, found[i].Value);
        }

        return violations;
    }

    /// <summary>What every generated <c>ThrowIfInvalid()</c> does with its <c>Validate()</c>: throws them, if there are any.</summary>
    public static void ThrowIfAny(global::System.Collections.Generic.IReadOnlyList<CodegenContractViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new CodegenValidationException(violations);
        }
    }

    /// <summary>Throws when the builder argument breaks the member's rules; a double that is NaN or infinite is not a JSON number.</summary>
    public static void CheckArgument(double value, string pointer, string name, string parameter) =>
        Throw(CodegenSchemaEvaluator.FirstViolation(CodegenSchemas.Get(pointer), value, "$"), name, parameter);

    public static void CheckArgument(long value, string pointer, string name, string parameter) =>
        CheckArgument(CodegenJson.FromInt64(value), pointer, name, parameter);

    public static void CheckArgument(bool value, string pointer, string name, string parameter) =>
        CheckArgument(CodegenJson.FromBoolean(value), pointer, name, parameter);

    /// <summary>Throws when the builder argument is null or breaks the member's rules.</summary>
    public static void CheckArgument(string value, string pointer, string name, string parameter) =>
        CheckArgument(CodegenJson.FromString(NotNull(value, name, parameter)), pointer, name, parameter);

    /// <summary>Throws when the argument is null or, written as JSON by its converter, breaks the member's rules.</summary>
    public static void CheckArgument<T>(T value, global::System.Text.Json.Serialization.JsonConverter<T> converter, string pointer, string name, string parameter) =>
        CheckArgument(ToRulesJson(NotNull(value, name, parameter), converter), pointer, name, parameter);

    /// <summary>The argument, or an <c>ArgumentNullException</c> naming the member: what a builder does with a null the contract forbids.</summary>
    public static T NotNull<T>(T value, string name, string parameter) =>
        value is null ? throw new global::System.ArgumentNullException(parameter, "'" + name + "' must not be null.") : value;

    public static void CheckArgument(CodegenJson value, string pointer, string name, string parameter) =>
        Throw(CodegenSchemaEvaluator.FirstViolation(CodegenSchemas.Get(pointer), value, "$"), name, parameter);

    /// <summary>Whether a JSON value read into a union matches the schema of a case.</summary>
    public static bool Matches(global::System.Text.Json.JsonElement element, string pointer) =>
        CodegenSchemaEvaluator.IsValid(CodegenSchemas.Get(pointer), CodegenJson.Parse(element.GetRawText()));

    /// <summary>The value as the rules engine sees it: written by its converter, then read as JSON.</summary>
    public static CodegenJson ToRulesJson<T>(T value, global::System.Text.Json.Serialization.JsonConverter<T> converter) =>
        ToRulesJson(writer => converter.Write(writer, value, CodegenJsonHelpers.PlainOptions));

    /// <summary>What <paramref name="write"/> writes, as the rules engine sees it.</summary>
    public static CodegenJson ToRulesJson(global::System.Action<global::System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = t_buffer ??= new global::System.Buffers.ArrayBufferWriter<byte>(256);
        buffer.Clear();
        var outer = t_writingRules;
        t_writingRules = true;
        try
        {
            using var writer = new global::System.Text.Json.Utf8JsonWriter(buffer);
            write(writer);
        }
        finally
        {
            t_writingRules = outer;
        }

        return CodegenJson.Parse(global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void Throw(CodegenRuleViolation? violation, string name, string parameter)
    {
        if (violation is null)
        {
            return;
        }

        var message = "'" + name + "' " + violation.Rule + (violation.Value is null ? "." : "; " + violation.Value + (violation.IsRange ? " is out of range." : " is not allowed."));
        throw violation.IsRange
            ? new global::System.ArgumentOutOfRangeException(parameter, message)
            : new global::System.ArgumentException(message, parameter);
    }
}
