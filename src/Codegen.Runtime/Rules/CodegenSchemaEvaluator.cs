namespace Codegen.Runtime;

// Why one file of over 500 lines: the runtime's files are emitted into consumers one type to a file, each marked
// [GeneratedCode], which a partial type cannot carry twice. It reads in order: the entry points, then one
// Evaluate method per kind of value (number, string, array, object), then the applicators and the helpers.

/// <summary>
/// Checks JSON values against schemas with JSON Schema's meaning. <see cref="IsValid"/> answers yes or no without
/// building a message; <see cref="Validate(CodegenSchema, CodegenJson, string, global::System.Collections.Generic.ICollection{CodegenRuleViolation})"/>
/// collects every violation with its path, keyword, rule and value. Both give the same verdict on every value.
/// </summary>
internal static class CodegenSchemaEvaluator
{
    /// <summary>Values nested deeper than this are reported, not followed (the JSON reader already stops at 512).</summary>
    public const int MaxDepth = 1000;

    /// <summary>Whether <paramref name="instance"/> is valid against <paramref name="schema"/>.</summary>
    public static bool IsValid(CodegenSchema schema, CodegenJson instance)
    {
        try
        {
            return Evaluate(schema, instance, null, null, default, 0);
        }
        catch (global::System.InsufficientExecutionStackException)
        {
            return false;
        }
    }

    /// <summary>Every violation of <paramref name="schema"/> by <paramref name="instance"/>, with paths from <c>$</c>.</summary>
    public static global::System.Collections.Generic.IReadOnlyList<CodegenRuleViolation> Validate(CodegenSchema schema, CodegenJson instance)
    {
        var violations = new global::System.Collections.Generic.List<CodegenRuleViolation>();
        Validate(schema, instance, "$", violations);
        return violations;
    }

    /// <summary>Adds every violation of <paramref name="schema"/> by <paramref name="instance"/> to <paramref name="violations"/>; paths start at <paramref name="path"/>.</summary>
    /// <returns>Whether the value is valid (then nothing was added).</returns>
    public static bool Validate(CodegenSchema schema, CodegenJson instance, string path, global::System.Collections.Generic.ICollection<CodegenRuleViolation> violations)
    {
        try
        {
            return Evaluate(schema, instance, violations, path, default, 0);
        }
        catch (global::System.InsufficientExecutionStackException)
        {
            violations.Add(new CodegenRuleViolation(path, "depth", "nests too deeply to be checked", null, schema.Pointer));
            return false;
        }
    }

    /// <summary>
    /// The first violation of one value, for a builder checking a property's value as it is set (<c>WithTemperature(3)</c>):
    /// <see cref="CodegenRuleViolation.IsRange"/> says whether it is "out of range" or "not allowed". Null when the value is valid.
    /// </summary>
    public static CodegenRuleViolation? FirstViolation(CodegenSchema schema, CodegenJson value, string path)
    {
        if (IsValid(schema, value))
        {
            return null;
        }

        var violations = new global::System.Collections.Generic.List<CodegenRuleViolation>();
        Validate(schema, value, path, violations);
        return violations.Count > 0 ? violations[0] : new CodegenRuleViolation(path, "schema", "is not allowed", CodegenRuleText.Value(value), schema.Pointer);
    }

    /// <summary>As <see cref="FirstViolation(CodegenSchema, CodegenJson, string)"/> for a double, which may be NaN or infinite: JSON has no such number.</summary>
    public static CodegenRuleViolation? FirstViolation(CodegenSchema schema, double value, string path)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return new CodegenRuleViolation(path, "finite", "must be a finite number", value.ToString(global::System.Globalization.CultureInfo.InvariantCulture), schema.Pointer);
        }

        return FirstViolation(schema, CodegenJson.FromDouble(value), path);
    }

    /// <summary>
    /// The one evaluation: with <paramref name="sink"/> null it stops at the first failure and builds no text; with a
    /// sink it adds at least one violation whenever it returns false. Children are checked quickly first and explained
    /// only when they fail, so a valid part of a value costs no path strings.
    /// </summary>
    private static bool Evaluate(CodegenSchema schema, CodegenJson instance, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path, InPlace chain, int depth)
    {
        if (depth > MaxDepth)
        {
            sink?.Add(new CodegenRuleViolation(path!, "depth", "nests deeper than " + MaxDepth.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " levels, which is not checked", null, schema.Pointer));
            return false;
        }

        if (depth > 64)
        {
            // Deep values and long reference chains: report instead of overflowing the stack (the caller catches this).
            global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        }

        if (schema.BooleanValue is { } boolean)
        {
            if (!boolean)
            {
                sink?.Add(new CodegenRuleViolation(path!, "false", "is not allowed here", null, schema.Pointer));
            }

            return boolean;
        }

        if (schema.AcceptsNull && instance.IsNull)
        {
            return true;
        }

        var valid = true;
        if (schema.UncheckableReason is { } reason)
        {
            // Fail closed: a rule that cannot be followed must not let every value through.
            if (sink is null)
            {
                return false;
            }

            valid = false;
            sink.Add(new CodegenRuleViolation(path!, schema.UncheckableKeyword, "cannot be checked: " + reason, null, At(schema, schema.UncheckableKeyword)));
        }

        if (schema.ReferencePointer is not null && !EvaluateReference(schema, instance, sink, path, chain, depth))
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
        }

        if (schema.Types != CodegenSchemaTypes.None && !HasType(schema.Types, instance))
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
            sink.Add(new CodegenRuleViolation(path!, "type", "must be " + CodegenRuleText.Types(schema.Types), CodegenRuleText.Value(instance), At(schema, "type")));
        }

        if (schema.Enum is not null && !schema.EnumContains(instance))
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
            sink.Add(new CodegenRuleViolation(path!, "enum", schema.Enum.Count == 0 ? "must not be present (the enum lists no values)" : "must be one of " + CodegenRuleText.Values(schema.Enum), CodegenRuleText.Value(instance), At(schema, "enum")));
        }

        if (schema.Const is { } constant && !constant.Equals(instance))
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
            sink.Add(new CodegenRuleViolation(path!, "const", "must be " + CodegenRuleText.Value(constant), CodegenRuleText.Value(instance), At(schema, "const")));
        }

        var kindValid = instance.Kind switch
        {
            CodegenJsonKind.Number => !schema.HasNumberRules || EvaluateNumber(schema, instance, sink, path),
            CodegenJsonKind.String => !schema.HasStringRules || EvaluateString(schema, instance, sink, path),
            CodegenJsonKind.Array => !schema.HasArrayRules || EvaluateArray(schema, instance, sink, path, depth),
            CodegenJsonKind.Object => !schema.HasObjectRules || EvaluateObject(schema, instance, sink, path, chain, depth),
            _ => true,
        };
        if (!kindValid)
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
        }

        if (schema.HasApplicators && !EvaluateApplicators(schema, instance, sink, path, chain, depth))
        {
            return false;
        }

        return valid;
    }

    private static bool EvaluateReference(CodegenSchema schema, CodegenJson instance, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path, InPlace chain, int depth)
    {
        if (chain.Contains(schema))
        {
            sink?.Add(new CodegenRuleViolation(path!, "$ref", "cannot be checked: the schema at '#" + schema.Pointer + "' refers to itself without looking inside the value", null, At(schema, "$ref")));
            return false;
        }

        if (chain.Hops > 0)
        {
            global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        }

        return Evaluate(schema.ReferenceTarget!, instance, sink, path, chain.Follow(schema), depth);
    }

    private static bool EvaluateNumber(CodegenSchema schema, CodegenJson instance, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path)
    {
        var number = instance.NumberValue;
        var valid = true;
        if (schema.MultipleOf is { } divisor && !number.IsMultipleOf(divisor))
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
            sink.Add(new CodegenRuleViolation(path!, "multipleOf", "must be a multiple of " + divisor, number.ToString(), At(schema, "multipleOf")));
        }

        var lower = schema.Minimum is { } minimum && number < minimum ? "minimum"
            : schema.ExclusiveMinimum is { } exclusiveMinimum && number <= exclusiveMinimum ? "exclusiveMinimum"
            : null;
        var upper = schema.Maximum is { } maximum && number > maximum ? "maximum"
            : schema.ExclusiveMaximum is { } exclusiveMaximum && number >= exclusiveMaximum ? "exclusiveMaximum"
            : null;
        if (lower is not null || upper is not null)
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
            // Bounds that contradict each other can fail on both sides.
            if (lower is not null)
            {
                sink.Add(new CodegenRuleViolation(path!, lower, CodegenRuleText.Range(schema), number.ToString(), At(schema, lower)));
            }

            if (upper is not null)
            {
                sink.Add(new CodegenRuleViolation(path!, upper, CodegenRuleText.Range(schema), number.ToString(), At(schema, upper)));
            }
        }

        return valid;
    }

    private static bool EvaluateString(CodegenSchema schema, CodegenJson instance, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path)
    {
        var text = instance.StringValue;
        var valid = true;
        if (schema.MinLength is not null || schema.MaxLength is not null)
        {
            var length = CodePointLength(text);
            var keyword = length < schema.MinLength ? "minLength" : length > schema.MaxLength ? "maxLength" : null;
            if (keyword is not null)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                sink.Add(new CodegenRuleViolation(path!, keyword, CodegenRuleText.Count(schema.MinLength, schema.MaxLength, "characters"), "a string of " + CodegenRuleText.Counted(length, "characters"), At(schema, keyword)));
            }
        }

        if (schema.Pattern is { } pattern && !pattern.IsMatch(text, out var timedOut))
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
            var rule = "must match the pattern '" + pattern.Source + "'";
            if (timedOut)
            {
                rule += " (the check ran out of time, so the value is not accepted)";
            }

            sink.Add(new CodegenRuleViolation(path!, "pattern", rule, CodegenRuleText.Value(instance), At(schema, "pattern")));
        }

        return valid;
    }

    private static bool EvaluateArray(CodegenSchema schema, CodegenJson instance, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path, int depth)
    {
        var items = instance.Items;
        var valid = true;
        if (schema.MinItems is not null || schema.MaxItems is not null)
        {
            var keyword = items.Count < schema.MinItems ? "minItems" : items.Count > schema.MaxItems ? "maxItems" : null;
            if (keyword is not null)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                sink.Add(new CodegenRuleViolation(path!, keyword, CodegenRuleText.Count(schema.MinItems, schema.MaxItems, "items"), CodegenRuleText.Counted(items.Count, "items"), At(schema, keyword)));
            }
        }

        var prefixCount = 0;
        if (schema.PrefixItems is { } prefix)
        {
            prefixCount = prefix.Count;
            for (var i = 0; i < prefix.Count && i < items.Count; i++)
            {
                if (!Child(prefix[i], items[i], sink, path, null, i, depth))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = false;
                }
            }
        }

        if (schema.Items is { } rest)
        {
            for (var i = prefixCount; i < items.Count; i++)
            {
                if (rest.BooleanValue == false)
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    // One violation for the first item too many says it all.
                    valid = false;
                    sink.Add(new CodegenRuleViolation(CodegenRuleText.Index(path!, i), LastToken(rest.Pointer), "is not allowed: the array may have at most " + CodegenRuleText.Counted(prefixCount, "items"), null, rest.Pointer));
                    break;
                }

                if (!Child(rest, items[i], sink, path, null, i, depth))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = false;
                }
            }
        }

        if (schema.UniqueItems && items.Count > 1 && FindDuplicate(items, out var first, out var second))
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
            sink.Add(new CodegenRuleViolation(path!, "uniqueItems", "must not repeat an item: items " + first.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " and " + second.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " are both " + CodegenRuleText.Value(items[first]), null, At(schema, "uniqueItems")));
        }

        if (schema.Contains is { } contains)
        {
            var matches = 0;
            var max = schema.MaxContains;
            for (var itemIndex = 0; itemIndex < items.Count; itemIndex++)
            {
                var item = items[itemIndex];
                if (Evaluate(contains, item, null, null, default, depth + 1))
                {
                    matches++;
                    if (max is null && matches >= (schema.MinContains ?? 1))
                    {
                        break;
                    }
                }
            }

            var min = schema.MinContains ?? 1;
            if (matches < min || matches > max)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                var keyword = matches > max ? "maxContains" : schema.MinContains is null ? "contains" : "minContains";
                var rule = matches > max
                    ? "must contain at most " + CodegenRuleText.Counted(max!.Value, "items") + " matching " + CodegenRuleText.Schema(contains) + " (it contains " + matches.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ")"
                    : "must contain at least " + CodegenRuleText.Counted(min, "items") + " matching " + CodegenRuleText.Schema(contains) + " (it contains " + matches.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ")";
                sink.Add(new CodegenRuleViolation(path!, keyword, rule, null, At(schema, keyword)));
            }
        }

        return valid;
    }

    private static bool EvaluateObject(CodegenSchema schema, CodegenJson instance, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path, InPlace chain, int depth)
    {
        var members = instance.Members;
        var valid = true;
        if (schema.MinProperties is not null || schema.MaxProperties is not null)
        {
            var keyword = members.Count < schema.MinProperties ? "minProperties" : members.Count > schema.MaxProperties ? "maxProperties" : null;
            if (keyword is not null)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                sink.Add(new CodegenRuleViolation(path!, keyword, CodegenRuleText.Count(schema.MinProperties, schema.MaxProperties, "properties"), CodegenRuleText.Counted(members.Count, "properties"), At(schema, keyword)));
            }
        }

        for (var nameIndex = 0; nameIndex < schema.Required.Count; nameIndex++)
        {
            var name = schema.Required[nameIndex];
            if (!instance.TryGetProperty(name, out _))
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                sink.Add(new CodegenRuleViolation(CodegenRuleText.Property(path!, name), "required", "is required", null, At(schema, "required")));
            }
        }

        // Each member is looked up in the schema (a dictionary for larger schemas): the cost follows the value, not the contract.
        for (var memberIndex = 0; memberIndex < members.Count; memberIndex++)
        {
            var member = members[memberIndex];
            var known = false;
            if (schema.TryGetProperty(member.Key, out var property))
            {
                known = true;
                if (!Member(property, member.Value, sink, path, member.Key, depth))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = false;
                }
            }

            for (var patternPropertyIndex = 0; patternPropertyIndex < schema.PatternProperties.Count; patternPropertyIndex++)
            {
                var patternProperty = schema.PatternProperties[patternPropertyIndex];
                if (!patternProperty.Key.IsMatch(member.Key, out _))
                {
                    continue;
                }

                known = true;
                if (!Member(patternProperty.Value, member.Value, sink, path, member.Key, depth))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = false;
                }
            }

            if (known || schema.AdditionalProperties is not { } additional)
            {
                continue;
            }

            if (additional.BooleanValue == false)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                sink.Add(new CodegenRuleViolation(CodegenRuleText.Property(path!, member.Key), "additionalProperties", UnknownPropertyRule(schema), null, additional.Pointer));
            }
            else if (!Member(additional, member.Value, sink, path, member.Key, depth))
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
            }
        }

        if (schema.PropertyNames is { } propertyNames)
        {
            for (var memberIndex = 0; memberIndex < members.Count; memberIndex++)
            {
                var member = members[memberIndex];
                var name = CodegenJson.FromString(member.Key);
                if (Evaluate(propertyNames, name, null, null, default, depth + 1))
                {
                    continue;
                }

                if (sink is null)
                {
                    return false;
                }

                valid = false;
                var memberPath = CodegenRuleText.Property(path!, member.Key);
                var nameViolations = new global::System.Collections.Generic.List<CodegenRuleViolation>();
                Evaluate(propertyNames, name, nameViolations, memberPath, default, depth + 1);
                foreach (var violation in nameViolations)
                {
                    sink.Add(new CodegenRuleViolation(memberPath, violation.Keyword, "has a name that " + violation.Rule, violation.Value, violation.SchemaPointer));
                }
            }
        }

        for (var dependencyIndex = 0; dependencyIndex < schema.DependentRequired.Count; dependencyIndex++)
        {
            var dependency = schema.DependentRequired[dependencyIndex];
            if (!instance.TryGetProperty(dependency.Key, out _))
            {
                continue;
            }

            for (var nameIndex = 0; nameIndex < dependency.Value.Count; nameIndex++)
            {
                var name = dependency.Value[nameIndex];
                if (instance.TryGetProperty(name, out _))
                {
                    continue;
                }

                if (sink is null)
                {
                    return false;
                }

                valid = false;
                var keyword = schema.DependentRequiredKeyword;
                sink.Add(new CodegenRuleViolation(CodegenRuleText.Property(path!, name), keyword, "is required when '" + dependency.Key + "' is present", null, CodegenJsonPointer.Append(At(schema, keyword), dependency.Key)));
            }
        }

        for (var dependencyIndex = 0; dependencyIndex < schema.DependentSchemas.Count; dependencyIndex++)
        {
            var dependency = schema.DependentSchemas[dependencyIndex];
            // In place: the whole object must match, so a reference cycle through here is still a cycle.
            if (instance.TryGetProperty(dependency.Key, out _) && !Evaluate(dependency.Value, instance, sink, path, chain, depth))
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
            }
        }

        return valid;
    }

    private static bool EvaluateApplicators(CodegenSchema schema, CodegenJson instance, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path, InPlace chain, int depth)
    {
        var valid = true;
        if (schema.AllOf is { } allOf)
        {
            for (var partIndex = 0; partIndex < allOf.Count; partIndex++)
            {
                var part = allOf[partIndex];
                if (!Evaluate(part, instance, sink, path, chain, depth))
                {
                    if (sink is null)
                    {
                        return false;
                    }

                    valid = false;
                }
            }
        }

        if (schema.AnyOf is { } anyOf)
        {
            var matched = false;
            for (var alternativeIndex = 0; alternativeIndex < anyOf.Count; alternativeIndex++)
            {
                var alternative = anyOf[alternativeIndex];
                if (Evaluate(alternative, instance, null, null, chain, depth))
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                ExplainNoMatch(schema, anyOf, "anyOf", instance, sink, path!, chain, depth);
            }
        }

        if (schema.OneOf is { } oneOf)
        {
            var matches = 0;
            global::System.Collections.Generic.List<CodegenSchema>? matching = sink is null ? null : new global::System.Collections.Generic.List<CodegenSchema>();
            for (var alternativeIndex = 0; alternativeIndex < oneOf.Count; alternativeIndex++)
            {
                var alternative = oneOf[alternativeIndex];
                if (Evaluate(alternative, instance, null, null, chain, depth))
                {
                    matches++;
                    matching?.Add(alternative);
                    if (matches > 1 && sink is null)
                    {
                        return false;
                    }
                }
            }

            if (matches != 1)
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
                if (matches == 0)
                {
                    ExplainNoMatch(schema, oneOf, "oneOf", instance, sink, path!, chain, depth);
                }
                else
                {
                    sink.Add(new CodegenRuleViolation(path!, "oneOf", "must match exactly one of: " + Describe(oneOf) + ", but matches " + matches.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ": " + Describe(matching!), CodegenRuleText.Value(instance), At(schema, "oneOf")));
                }
            }
        }

        if (schema.Not is { } not && Evaluate(not, instance, null, null, chain, depth))
        {
            if (sink is null)
            {
                return false;
            }

            valid = false;
            sink.Add(new CodegenRuleViolation(path!, "not", "must not be " + CodegenRuleText.Schema(not), CodegenRuleText.Value(instance), At(schema, "not")));
        }

        if (schema.If is { } condition)
        {
            var branch = Evaluate(condition, instance, null, null, chain, depth) ? schema.Then : schema.Else;
            if (branch is not null && !Evaluate(branch, instance, sink, path, chain, depth))
            {
                if (sink is null)
                {
                    return false;
                }

                valid = false;
            }
        }

        return valid;
    }

    /// <summary>
    /// No alternative matched. When exactly one alternative accepts the value's type, its own violations say what to
    /// fix (the object is missing 'role'); otherwise one violation lists what would be accepted.
    /// </summary>
    private static void ExplainNoMatch(CodegenSchema schema, global::System.Collections.Generic.IReadOnlyList<CodegenSchema> alternatives, string keyword, CodegenJson instance, global::System.Collections.Generic.ICollection<CodegenRuleViolation> sink, string path, InPlace chain, int depth)
    {
        CodegenSchema? candidate = null;
        var candidates = 0;
        foreach (var alternative in alternatives)
        {
            if (MayAccept(alternative, instance))
            {
                candidate = alternative;
                candidates++;
            }
        }

        if (candidates == 1 && !Evaluate(candidate!, instance, sink, path, chain, depth))
        {
            return;
        }

        var rule = (keyword == "anyOf" ? "must match at least one of: " : "must match exactly one of: ") + Describe(alternatives);
        sink.Add(new CodegenRuleViolation(path, keyword, rule, CodegenRuleText.Value(instance), At(schema, keyword)));
    }

    /// <summary>Whether a schema could accept the value's JSON type, judged from <c>type</c>, <c>const</c>, <c>enum</c> and references only.</summary>
    private static bool MayAccept(CodegenSchema schema, CodegenJson instance)
    {
        for (var hops = 0; hops < 8; hops++)
        {
            if (schema.BooleanValue is { } boolean)
            {
                return boolean;
            }

            if (schema.AcceptsNull && instance.IsNull)
            {
                return true;
            }

            if (schema.Types != CodegenSchemaTypes.None && !HasType(schema.Types, instance))
            {
                return false;
            }

            if (schema.Const is { } constant && constant.Kind != instance.Kind && !(constant.IsBoolean && instance.IsBoolean))
            {
                return false;
            }

            if (schema.Reference is null || schema.ReferenceTarget is not { } target)
            {
                return true;
            }

            schema = target;
        }

        return true;
    }

    /// <summary>What an object with <c>additionalProperties: false</c> does allow, so that a misspelt name is easy to spot.</summary>
    private static string UnknownPropertyRule(CodegenSchema schema)
    {
        if (schema.Properties.Count == 0 && schema.PatternProperties.Count == 0)
        {
            return "is not allowed: the object allows no properties";
        }

        var allowed = new global::System.Collections.Generic.List<string>(2);
        if (schema.Properties.Count > 0)
        {
            var names = new global::System.Collections.Generic.List<string>(schema.Properties.Count);
            foreach (var property in schema.Properties)
            {
                names.Add(property.Key);
            }

            allowed.Add(CodegenRuleText.Names(names));
        }

        if (schema.PatternProperties.Count > 0)
        {
            var patterns = new global::System.Collections.Generic.List<string>(schema.PatternProperties.Count);
            foreach (var property in schema.PatternProperties)
            {
                patterns.Add(property.Key.Source);
            }

            allowed.Add("names matching " + CodegenRuleText.Names(patterns));
        }

        return "is not allowed: the object allows only " + string.Join(" and ", allowed);
    }

    private static string Describe(global::System.Collections.Generic.IReadOnlyList<CodegenSchema> schemas)
    {
        var words = new global::System.Collections.Generic.List<string>(schemas.Count);
        foreach (var schema in schemas)
        {
            words.Add(CodegenRuleText.Schema(schema));
        }

        return string.Join("; ", words);
    }

    /// <summary>Checks an item; on failure, and only then, builds its path and explains.</summary>
    private static bool Child(CodegenSchema schema, CodegenJson value, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path, string? name, int index, int depth)
    {
        if (Evaluate(schema, value, null, null, default, depth + 1))
        {
            return true;
        }

        if (sink is not null)
        {
            Evaluate(schema, value, sink, name is null ? CodegenRuleText.Index(path!, index) : CodegenRuleText.Property(path!, name), default, depth + 1);
        }

        return false;
    }

    private static bool Member(CodegenSchema schema, CodegenJson value, global::System.Collections.Generic.ICollection<CodegenRuleViolation>? sink, string? path, string name, int depth) =>
        Child(schema, value, sink, path, name, 0, depth);

    private static bool HasType(CodegenSchemaTypes types, CodegenJson instance) => instance.Kind switch
    {
        CodegenJsonKind.Null => (types & CodegenSchemaTypes.Null) != 0,
        CodegenJsonKind.True or CodegenJsonKind.False => (types & CodegenSchemaTypes.Boolean) != 0,
        CodegenJsonKind.String => (types & CodegenSchemaTypes.String) != 0,
        CodegenJsonKind.Array => (types & CodegenSchemaTypes.Array) != 0,
        CodegenJsonKind.Object => (types & CodegenSchemaTypes.Object) != 0,
        _ => (types & CodegenSchemaTypes.Number) != 0 || ((types & CodegenSchemaTypes.Integer) != 0 && instance.NumberValue.IsInteger),
    };

    /// <summary>Length in Unicode code points, as JSON Schema counts it: a surrogate pair is one character, a lone surrogate too.</summary>
    internal static int CodePointLength(string text)
    {
        var length = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    private static bool FindDuplicate(global::System.Collections.Generic.IReadOnlyList<CodegenJson> items, out int first, out int second)
    {
        if (items.Count <= 16)
        {
            for (second = 1; second < items.Count; second++)
            {
                for (first = 0; first < second; first++)
                {
                    if (items[first].Equals(items[second]))
                    {
                        return true;
                    }
                }
            }
        }
        else
        {
            var seen = new global::System.Collections.Generic.Dictionary<CodegenJson, int>(items.Count);
            for (second = 0; second < items.Count; second++)
            {
                if (seen.TryGetValue(items[second], out first))
                {
                    return true;
                }

                seen[items[second]] = second;
            }
        }

        first = second = -1;
        return false;
    }

    private static string At(CodegenSchema schema, string keyword) => CodegenJsonPointer.Append(schema.Pointer, keyword);

    private static string LastToken(string pointer) => pointer.Substring(pointer.LastIndexOf('/') + 1);

    /// <summary>
    /// The references followed since the value was last looked into: meeting one again means a loop. Real contracts
    /// follow a few references in a row, so the first ones are only counted; past that the chain is remembered, and a
    /// loop is met again within its own length.
    /// </summary>
    private readonly struct InPlace
    {
        private const int Untracked = 16;

        private readonly ReferenceChain? _chain;

        private InPlace(ReferenceChain? chain, int hops)
        {
            _chain = chain;
            Hops = hops;
        }

        public int Hops { get; }

        public bool Contains(CodegenSchema schema)
        {
            for (var link = _chain; link is not null; link = link.Previous)
            {
                if (ReferenceEquals(link.Schema, schema))
                {
                    return true;
                }
            }

            return false;
        }

        public InPlace Follow(CodegenSchema schema) => new(Hops < Untracked ? null : new ReferenceChain(schema, _chain), Hops + 1);
    }

    private sealed class ReferenceChain
    {
        public ReferenceChain(CodegenSchema schema, ReferenceChain? previous)
        {
            Schema = schema;
            Previous = previous;
        }

        public CodegenSchema Schema { get; }

        public ReferenceChain? Previous { get; }
    }
}
