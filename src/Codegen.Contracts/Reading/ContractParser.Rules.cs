using System;
using System.Collections.Generic;
using System.IO;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

public static partial class ContractParser
{
    /// <summary>What the rules need from the model: which types are sent, which pointers carry rules, and the problems of those rules.</summary>
    private sealed partial class Reader
    {
        /// <summary>Object types the client sends (reachable from request bodies and parameters) keep their builders; the others lose them.</summary>
        private static List<TypeSpec> MarkSent(List<TypeSpec> types, List<OperationSpec> operations)
        {
            var byName = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
            foreach (var type in types)
            {
                byName[type.Name] = type;
            }

            var sent = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<TypeRef>();
            foreach (var operation in operations)
            {
                if (operation.Body is { } body)
                {
                    pending.Push(body.Type);
                }

                foreach (var parameter in operation.Parameters)
                {
                    pending.Push(parameter.Type);
                }
            }

            while (pending.Count > 0)
            {
                var type = pending.Pop();
                if (type.Item is { } item)
                {
                    pending.Push(item);
                }

                if (type.Name is null || !sent.Add(type.Name) || !byName.TryGetValue(type.Name, out var spec))
                {
                    continue;
                }

                if (spec is ObjectTypeSpec objectType)
                {
                    foreach (var property in objectType.Properties)
                    {
                        pending.Push(property.Type);
                    }
                }
                else if (spec is UnionTypeSpec union)
                {
                    foreach (var unionCase in union.Cases)
                    {
                        pending.Push(unionCase.Type);
                    }
                }
            }

            return types.ConvertAll(t => t is ObjectTypeSpec o && !sent.Contains(o.Name) ? o with { IsSent = false } : t);
        }

        /// <summary>Every schema pointer a consumer evaluates: types, properties, union cases and the schemas of operations.</summary>
        private static List<string> RulePointers(List<TypeSpec> types, List<OperationSpec> operations)
        {
            var pointers = new List<string>();
            foreach (var type in types)
            {
                pointers.Add(type.SchemaPointer);
                switch (type)
                {
                    case ObjectTypeSpec objectType:
                        foreach (var property in objectType.Properties)
                        {
                            pointers.Add(property.SchemaPointer);
                        }

                        break;
                    case UnionTypeSpec union:
                        foreach (var unionCase in union.Cases)
                        {
                            if (unionCase.SchemaPointer is { } pointer)
                            {
                                pointers.Add(pointer);
                            }
                        }

                        break;
                }
            }

            foreach (var operation in operations)
            {
                foreach (var parameter in operation.Parameters)
                {
                    if (parameter.SchemaPointer is { } pointer)
                    {
                        pointers.Add(pointer);
                    }
                }

                if (operation.Body?.SchemaPointer is { } body)
                {
                    pointers.Add(body);
                }

                foreach (var response in operation.Responses)
                {
                    if (response.SchemaPointer is { } pointer)
                    {
                        pointers.Add(pointer);
                    }
                }
            }

            return pointers;
        }

        /// <summary>What the rules engine found while reading the schemas: each problem at its keyword.</summary>
        private void ReportProblems(List<string> pointers)
        {
            var compatibility = 0;
            string? firstCompatibility = null;
            foreach (var problem in _schemas.ReadAll(pointers))
            {
                var span = _document.SpanOf(problem.Pointer);
                switch (problem.Kind)
                {
                    case CodegenSchemaProblemKind.InvalidValue:
                        _diagnostics.Add(ContractDiagnosticIds.UnreadableSchema, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.UnresolvedReference:
                        _diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.Unsupported when problem.Pointer.EndsWith("/$ref", StringComparison.Ordinal):
                        // A reference to another document: the contract cannot be read whole.
                        _diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.Unsupported:
                        _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.Ignored:
                        _diagnostics.Add(ContractDiagnosticIds.NoEffect, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.Compatibility:
                        compatibility++;
                        firstCompatibility ??= problem.Pointer;
                        break;
                }
            }

            if (firstCompatibility is not null)
            {
                // One note for the document: real 3.1 documents write 3.0's keywords by the hundred.
                _diagnostics.Add(ContractDiagnosticIds.DialectCompatibility, _document.SpanOf(firstCompatibility),
                    $"This {(_schemas.Dialect == CodegenSchemaDialect.OpenApi31 ? "OpenAPI 3.1" : "contract")} document uses OpenAPI 3.0 keywords ({compatibility.ToString(System.Globalization.CultureInfo.InvariantCulture)} times, first here, such as 'nullable: true'); they are read as OpenAPI 3.0 means them.");
            }
        }

        /// <summary>A lower bound above its upper bound leaves no valid value: almost always a typo, so it is an error.</summary>
        private void CheckBounds(List<string> pointers)
        {
            foreach (var schema in SchemaWalk.Reachable(_schemas, pointers))
            {
                var lower = schema.ExclusiveMinimum ?? schema.Minimum;
                var upper = schema.ExclusiveMaximum ?? schema.Maximum;
                if (lower is { } min && upper is { } max && (min > max || (min == max && (schema.ExclusiveMinimum is not null || schema.ExclusiveMaximum is not null))))
                {
                    Bounds(schema, schema.ExclusiveMinimum is not null ? "exclusiveMinimum" : "minimum", schema.ExclusiveMaximum is not null ? "exclusiveMaximum" : "maximum", min.ToString(), max.ToString());
                }

                if (schema.MinLength is { } minLength && schema.MaxLength is { } maxLength && minLength > maxLength)
                {
                    Bounds(schema, "minLength", "maxLength", Invariant(minLength), Invariant(maxLength));
                }

                if (schema.MinItems is { } minItems && schema.MaxItems is { } maxItems && minItems > maxItems)
                {
                    Bounds(schema, "minItems", "maxItems", Invariant(minItems), Invariant(maxItems));
                }

                if (schema.MinProperties is { } minProperties && schema.MaxProperties is { } maxProperties && minProperties > maxProperties)
                {
                    Bounds(schema, "minProperties", "maxProperties", Invariant(minProperties), Invariant(maxProperties));
                }
            }
        }

        private void Bounds(CodegenSchema schema, string lowerKeyword, string upperKeyword, string lower, string upper)
        {
            var pointer = JsonPointer.Append(schema.Pointer, lowerKeyword);
            _diagnostics.Add(ContractDiagnosticIds.InvalidBounds, _document.SpanOf(_document.Find(pointer) is not null ? pointer : schema.Pointer),
                $"'{lowerKeyword}' {lower} is {(lower == upper ? "equal to" : "above")} '{upperKeyword}' {upper}, so no value is valid. Swap or correct the bounds.");
        }
    }
}
