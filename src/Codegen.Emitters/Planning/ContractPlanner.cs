using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;

namespace Codegen.Emitters.Planning;

/// <summary>A contract file's path and text: the only input the parser gets, compared by value.</summary>
public sealed record ContractFile(string Path, string Text);

/// <summary>The contracts to emit, each under a unique hint stem, and the clashes that kept others out.</summary>
public sealed record ContractPlans(EquatableArray<PlannedContract> Planned, EquatableArray<ContractDiagnostic> Diagnostics);

/// <summary>A contract with the hint stem it is emitted under.</summary>
public sealed record PlannedContract(ContractSpec Contract, string HintStem);

/// <summary>
/// Contracts of one compilation are generated side by side. Hint names come from file names, so two
/// files of the same name in different folders would collide; two contracts that put the same type in
/// the same namespace would not compile. Both are settled here, across all contracts, for the source
/// generator and the command-line tool alike, so that both report the same clashes and name files alike.
/// </summary>
public static class ContractPlanner
{
    /// <summary>
    /// The contract whose path sorts first (ordinal) keeps its names; a later one that clashes with it
    /// in the same namespace is skipped and reported, so the user sees one diagnostic, not CS0101s.
    /// The same file listed twice (a duplicated AdditionalFiles item) is generated once.
    /// Contracts pass through unchanged, so the generator's per-item output after this step stays cached
    /// for every contract that was not edited.
    /// </summary>
    public static ContractPlans Plan(IEnumerable<ContractSpec> contracts, IReadOnlyList<ContractFile> files)
    {
        var planned = new List<PlannedContract>();
        var diagnostics = new List<ContractDiagnostic>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var stems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var contract in contracts.OrderBy(c => c.FilePath, StringComparer.Ordinal))
        {
            if (!paths.Add(contract.FilePath))
            {
                continue;
            }

            var clash = false;
            foreach (var earlier in planned.Select(p => p.Contract).Where(c => string.Equals(c.Namespace, contract.Namespace, StringComparison.Ordinal)))
            {
                if (string.Equals(earlier.Prefix, contract.Prefix, StringComparison.Ordinal))
                {
                    diagnostics.Add(Clash(files, contract, string.Empty,
                        $"This contract generates into namespace '{contract.Namespace}' with prefix '{contract.Prefix}', as '{earlier.FilePath}' does, so its types would be defined twice; it is not generated. Give it its own \"x-codegen\": {{ \"namespace\": \"...\", \"prefix\": \"...\" }}."));
                    clash = true;
                    break;
                }

                var earlierNames = new HashSet<string>(earlier.Types.Select(t => t.Name), StringComparer.Ordinal);
                foreach (var type in contract.Types.Where(t => earlierNames.Contains(t.Name)))
                {
                    diagnostics.Add(Clash(files, contract, type.SchemaPointer,
                        $"Type '{type.Name}' is also generated from '{earlier.FilePath}' in namespace '{contract.Namespace}', so this contract is not generated. Rename the definition or give this contract its own namespace in \"x-codegen\"."));
                    clash = true;
                }

                if (clash)
                {
                    break;
                }
            }

            if (clash)
            {
                continue;
            }

            var baseStem = ContractEmitter.HintStem(contract);
            var stem = baseStem;
            for (var i = 2; !stems.Add(stem); i++)
            {
                stem = baseStem + "_" + i.ToString(CultureInfo.InvariantCulture);
            }

            planned.Add(new PlannedContract(contract, stem));
        }

        return new ContractPlans(planned.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Every file of a planned contract under its final hint name: the emitter names files after the
    /// contract's file name, and the plan may have made that stem unique.
    /// </summary>
    public static IReadOnlyList<GeneratedFile> Emit(PlannedContract planned, bool referencesHttpClientFactory)
    {
        var contract = planned.Contract;
        var stem = ContractEmitter.HintStem(contract);
        return ContractEmitter.Emit(contract, new EmitOptions(contract, referencesHttpClientFactory))
            .Select(file => file.HintName.StartsWith(stem, StringComparison.Ordinal) ? file with { HintName = planned.HintStem + file.HintName.Substring(stem.Length) } : file)
            .ToList();
    }

    /// <summary>What is reported instead of code when emitting a contract throws: a bug of ours, never the user's.</summary>
    public static ContractDiagnostic EmitFailure(ContractSpec contract, Exception exception) => new(
        ContractDiagnosticIds.InternalError,
        $"The generator could not emit code for '{contract.FileName}' ({exception.GetType().Name}: {exception.Message}). Please report it with the contract attached.",
        SourceSpan.At(contract.FileName, 0, 0));

    private static ContractDiagnostic Clash(IReadOnlyList<ContractFile> files, ContractSpec contract, string pointer, string message)
    {
        var text = files.FirstOrDefault(f => string.Equals(f.Path, contract.FilePath, StringComparison.Ordinal))?.Text ?? string.Empty;
        return new ContractDiagnostic(ContractDiagnosticIds.DuplicateTypeAcrossContracts, message, ContractLocations.SpanOf(contract.FilePath, text, pointer));
    }
}
