using System;
using System.Collections.Generic;
using System.Threading;
using Codegen.Contracts.Model;

namespace Codegen.Contracts.Evolution;

/// <summary>
/// Compares two versions of a contract, both read by the one parser, and classifies every difference by the rules in
/// <see cref="ChangeRules"/>: operations, parameters, bodies, responses, servers, security and streaming from the models,
/// and what values may be from the models' types and the rules document's schemas at their pointers. The direction
/// the data travels decides the level: tightening what the client sends breaks it, and so does loosening what it receives.
/// </summary>
public static class ContractComparer
{
    public static ContractComparison Compare(ContractSnapshot oldContract, ContractSnapshot newContract, CancellationToken cancellationToken = default) =>
        Compare(oldContract, newContract, locateInOldFile: true, cancellationToken);

    /// <param name="locateInOldFile">False leaves <see cref="ContractChange.OldLocation"/> null, so that the old file is never read for positions (the build's guard reports in the new file only).</param>
    public static ContractComparison Compare(ContractSnapshot oldContract, ContractSnapshot newContract, bool locateInOldFile, CancellationToken cancellationToken = default)
    {
        var walk = new EvolutionWalk(oldContract, newContract, cancellationToken) { LocateInOldFile = locateInOldFile };
        walk.Run();
        return walk.Result();
    }
}

/// <summary>A change found, before its locations and final level are known (a schema reached both ways gets both rule sets).</summary>
internal sealed class PendingChange
{
    public required ChangeRule Rule { get; init; }

    public DataDirection Direction { get; set; }

    public required string Where { get; init; }

    public required string What { get; init; }

    public string? OldPointer { get; init; }

    public string? NewPointer { get; init; }

    /// <summary>Where to point in a file that lacks the changed part: the place it was or would be.</summary>
    public string? OldAnchor { get; init; }

    public string? NewAnchor { get; init; }

    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>A change to a schema says which way its values travel; one to an operation, server or scheme does not need to.</summary>
    public bool ShowDirection { get; init; } = true;
}

/// <summary>The comparison's state: changes by rule and place, and the pairs of types already compared in each direction.</summary>
internal sealed partial class EvolutionWalk
{
    private readonly ContractSnapshot _old;
    private readonly ContractSnapshot _new;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, PendingChange> _changes = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();
    private readonly Dictionary<string, DataDirection> _comparedTypes = new(StringComparer.Ordinal);

    public EvolutionWalk(ContractSnapshot oldContract, ContractSnapshot newContract, CancellationToken cancellationToken)
    {
        _old = oldContract;
        _new = newContract;
        _cancellationToken = cancellationToken;
    }

    public bool LocateInOldFile { get; init; } = true;

    public void Run()
    {
        CompareOperations();
        CompareServers();
        CompareSecuritySchemes();
        CompareDefinitions();
    }

    private void Report(PendingChange change)
    {
        var key = change.Rule.Id + "\u0000" + change.OldPointer + "\u0000" + change.NewPointer + "\u0000" + change.What;
        if (_changes.TryGetValue(key, out var existing))
        {
            existing.Direction |= change.Direction;
            return;
        }

        _changes[key] = change;
        _order.Add(key);
    }

    private void Report(ChangeRule rule, DataDirection direction, string where, string what, string? oldPointer, string? newPointer,
        IReadOnlyList<string> members, string? oldAnchor = null, string? newAnchor = null, bool showDirection = true) =>
        Report(new PendingChange
        {
            Rule = rule,
            Direction = direction,
            Where = where,
            What = what,
            OldPointer = oldPointer,
            NewPointer = newPointer,
            OldAnchor = oldAnchor,
            NewAnchor = newAnchor,
            Members = members,
            ShowDirection = showDirection,
        });

    public ContractComparison Result()
    {
        var changes = new List<(ContractChange Change, int Index)>();
        foreach (var key in _order)
        {
            var pending = _changes[key];
            var level = pending.Rule.LevelFor(pending.Direction);
            var effect = level == ChangeLevel.Compatible ? string.Empty : pending.Rule.EffectFor(pending.Direction == DataDirection.Unused ? DataDirection.Sent : pending.Direction);
            var message = pending.Where + ": " + pending.What + (effect.Length > 0 ? "; " + effect : string.Empty) + (pending.ShowDirection ? Suffix(pending.Direction) : string.Empty);
            var oldPointer = pending.OldPointer is null ? null : _old.ResolvePointer(pending.OldPointer);
            var newPointer = pending.NewPointer is null ? null : _new.ResolvePointer(pending.NewPointer);
            var oldAt = oldPointer ?? (pending.OldAnchor is null ? null : _old.ResolvePointer(pending.OldAnchor));
            var newAt = newPointer ?? (pending.NewAnchor is null ? null : _new.ResolvePointer(pending.NewAnchor));
            changes.Add((new ContractChange
            {
                Id = pending.Rule.Id,
                Level = level,
                Message = message,
                OldPointer = oldPointer,
                NewPointer = newPointer,
                OldLocation = oldAt is null || !LocateInOldFile ? null : _old.SpanOf(oldAt),
                NewLocation = newAt is null ? null : _new.SpanOf(newAt),
                Members = pending.Members.ToEquatableArray(),
            }, changes.Count));
        }

        changes.Sort((a, b) =>
        {
            var byLevel = b.Change.Level.CompareTo(a.Change.Level);
            if (byLevel != 0)
            {
                return byLevel;
            }

            var byLine = (a.Change.NewLocation?.StartLine ?? -1).CompareTo(b.Change.NewLocation?.StartLine ?? -1);
            return byLine != 0 ? byLine : a.Index.CompareTo(b.Index);
        });
        var result = new List<ContractChange>(changes.Count);
        foreach (var (change, _) in changes)
        {
            result.Add(change);
        }

        return new ContractComparison(result.ToEquatableArray());
    }

    private static string Suffix(DataDirection direction) => direction switch
    {
        DataDirection.Sent => " (sent by the client)",
        DataDirection.Received => " (received by the client)",
        DataDirection.Both => " (sent and received)",
        _ => string.Empty,
    };

    private static string Code(string text) => "`" + text + "`";

    private static IReadOnlyList<string> One(string member) => new[] { member };

    private static readonly IReadOnlyList<string> NoMembers = Array.Empty<string>();
}
