using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Contracts.Parsing;
using Codegen.Emitters;

namespace Codegen.Generator;

/// <summary>
/// Contracts of one compilation are generated side by side. Hint names come from file names, so two
/// files of the same name in different folders would collide in AddSource; two contracts that put the
/// same type in the same namespace would not compile. Both are settled here, across all contracts,
/// from small value keys so that editing one contract leaves the others' output cached.
/// </summary>
public sealed partial class ContractGenerator
{
    /// <summary>What decides collisions: names only, never positions, so whitespace edits change nothing.</summary>
    internal sealed record ContractKey(string FilePath, string HintStem, string Namespace, string Prefix, EquatableArray<TypeKey> Types);

    internal sealed record TypeKey(string Name, string SchemaPointer);

    /// <summary>One contract's place in the compilation: its unique hint stem, or skipped with CG0011.</summary>
    internal sealed record ContractPlan(string FilePath, string HintStem, bool Skipped);

    internal sealed record ContractPlans(EquatableArray<ContractPlan> Plans, EquatableArray<ContractDiagnostic> Diagnostics);

    /// <summary>A contract with the hint stem it is emitted under.</summary>
    internal sealed record PlannedContract(ContractSpec Contract, string HintStem);

    internal sealed record EmitInput(PlannedContract Planned, bool ReferencesHttpClientFactory);

    internal static ContractKey KeyOf(ContractSpec contract) => new(
        contract.FilePath,
        ContractEmitter.HintStem(contract),
        contract.Namespace,
        contract.Prefix,
        contract.Types.Select(t => new TypeKey(t.Name, t.SchemaPointer)).ToEquatableArray());

    /// <summary>
    /// The contract whose path sorts first (ordinal) keeps its names; a later one that clashes with it
    /// in the same namespace is skipped and reported, so the user sees one diagnostic, not CS0101s.
    /// </summary>
    internal static ContractPlans Plan(ImmutableArray<ContractKey> keys, ImmutableArray<ContractFile> files)
    {
        var plans = new List<ContractPlan>();
        var diagnostics = new List<ContractDiagnostic>();
        var kept = new List<ContractKey>();
        var stems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys.OrderBy(k => k.FilePath, StringComparer.Ordinal))
        {
            var clash = false;
            foreach (var earlier in kept.Where(k => string.Equals(k.Namespace, key.Namespace, StringComparison.Ordinal)))
            {
                if (string.Equals(earlier.Prefix, key.Prefix, StringComparison.Ordinal))
                {
                    diagnostics.Add(Clash(files, key, string.Empty,
                        $"This contract generates into namespace '{key.Namespace}' with prefix '{key.Prefix}', as '{earlier.FilePath}' does, so its types would be defined twice; it is not generated. Give it its own \"x-codegen\": {{ \"namespace\": \"...\", \"prefix\": \"...\" }}."));
                    clash = true;
                    break;
                }

                var earlierNames = new HashSet<string>(earlier.Types.Select(t => t.Name), StringComparer.Ordinal);
                foreach (var type in key.Types.Where(t => earlierNames.Contains(t.Name)))
                {
                    diagnostics.Add(Clash(files, key, type.SchemaPointer,
                        $"Type '{type.Name}' is also generated from '{earlier.FilePath}' in namespace '{key.Namespace}', so this contract is not generated. Rename the definition or give this contract its own namespace in \"x-codegen\"."));
                    clash = true;
                }

                if (clash)
                {
                    break;
                }
            }

            if (clash)
            {
                plans.Add(new ContractPlan(key.FilePath, key.HintStem, Skipped: true));
                continue;
            }

            var stem = key.HintStem;
            for (var i = 2; !stems.Add(stem); i++)
            {
                stem = key.HintStem + "_" + i.ToString(CultureInfo.InvariantCulture);
            }

            kept.Add(key);
            plans.Add(new ContractPlan(key.FilePath, stem, Skipped: false));
        }

        return new ContractPlans(plans.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    internal static PlannedContract? Place(ContractSpec contract, ContractPlans plans)
    {
        foreach (var plan in plans.Plans)
        {
            if (string.Equals(plan.FilePath, contract.FilePath, StringComparison.Ordinal))
            {
                return plan.Skipped ? null : new PlannedContract(contract, plan.HintStem);
            }
        }

        return null;
    }

    private static ContractDiagnostic Clash(ImmutableArray<ContractFile> files, ContractKey key, string pointer, string message)
    {
        var text = files.FirstOrDefault(f => string.Equals(f.Path, key.FilePath, StringComparison.Ordinal))?.Text ?? string.Empty;
        return new ContractDiagnostic(ContractDiagnosticIds.DuplicateTypeAcrossContracts, message, ContractLocations.SpanOf(key.FilePath, text, pointer));
    }
}
