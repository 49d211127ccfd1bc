using System.Collections.Generic;

namespace Codegen.Contracts.Evolution;

/// <summary>Which way values of a schema travel: sent by the client (requests, parameters), received (responses, stream events), both, or neither (declared, used by no operation).</summary>
[System.Flags]
internal enum DataDirection
{
    Unused = 0,
    Sent = 1,
    Received = 2,
    Both = Sent | Received,
}

/// <summary>
/// One rule of contract evolution: its id and title, and its level for each direction of the data, as oasdiff rates its
/// checks: for what the client sends, tightening breaks; for what it receives, loosening breaks. A schema no operation
/// uses gets <see cref="Unused"/>: its generated code is still there, so removals still break code that names it.
/// </summary>
public sealed record ChangeRule(string Id, string Title, ChangeLevel Sent, ChangeLevel Received, ChangeLevel Unused)
{
    /// <summary>What an old client meets, when sending and when receiving; empty when nothing.</summary>
    public string SentEffect { get; init; } = string.Empty;

    public string ReceivedEffect { get; init; } = string.Empty;

    public string HelpLink => Diagnostics.ContractDiagnosticCatalog.HelpLinkBase + Id + ".md";

    internal ChangeLevel LevelFor(DataDirection direction)
    {
        if (direction == DataDirection.Unused)
        {
            return Unused;
        }

        var level = ChangeLevel.Compatible;
        if ((direction & DataDirection.Sent) != 0 && Sent > level)
        {
            level = Sent;
        }

        if ((direction & DataDirection.Received) != 0 && Received > level)
        {
            level = Received;
        }

        return level;
    }

    internal string EffectFor(DataDirection direction)
    {
        // The effect of the direction that decides the level.
        if ((direction & DataDirection.Sent) != 0 && (direction & DataDirection.Received) != 0)
        {
            return Sent >= Received ? SentEffect : ReceivedEffect;
        }

        return (direction & DataDirection.Sent) != 0 ? SentEffect : (direction & DataDirection.Received) != 0 ? ReceivedEffect : string.Empty;
    }
}

/// <summary>Every rule of contract evolution (CG2001-CG2199). Each id has a page at <c>docs/diagnostics/{id}.md</c>.</summary>
public static class ChangeRules
{
    private const ChangeLevel B = ChangeLevel.Breaking;
    private const ChangeLevel P = ChangeLevel.PotentiallyBreaking;
    private const ChangeLevel C = ChangeLevel.Compatible;

    private const string NoLongerCompiles = "code that names it no longer compiles";
    private const string ServerRejects = "constants that break it now fail CG1001, values from elsewhere fail `Validate()` and the server";

    // Operations, parameters, bodies, responses, servers, security, streaming.
    public static readonly ChangeRule OperationRemoved = new("CG2001", "An operation was removed", B, B, B) { SentEffect = "calls fail (the server no longer answers it) and " + NoLongerCompiles };
    public static readonly ChangeRule OperationAdded = new("CG2002", "An operation was added", C, C, C);
    public static readonly ChangeRule OperationRenamed = new("CG2003", "An operation's name changed", B, B, B) { SentEffect = "the generated method is renamed; " + NoLongerCompiles };
    public static readonly ChangeRule OperationMoved = new("CG2004", "An operation's path or method changed", B, B, B) { SentEffect = "old clients call an address the server no longer answers" };
    public static readonly ChangeRule RequiredParameterAdded = new("CG2005", "A required parameter was added", B, B, B) { SentEffect = "old calls lack it and the server rejects them; the generated method has a new parameter" };
    public static readonly ChangeRule OptionalParameterAdded = new("CG2006", "An optional parameter was added", C, C, C);
    public static readonly ChangeRule ParameterRemoved = new("CG2007", "A parameter was removed", B, B, B) { SentEffect = "the generated method loses the parameter; calls that pass it no longer compile" };
    public static readonly ChangeRule ParameterMadeRequired = new("CG2008", "A parameter became required", B, B, B) { SentEffect = "calls that leave it out are rejected by the server" };
    public static readonly ChangeRule ParameterMadeOptional = new("CG2009", "A parameter became optional", C, C, C);
    public static readonly ChangeRule RequestBodyRequired = new("CG2010", "A request body was added or became required", B, B, B) { SentEffect = "calls without a body are rejected by the server" };
    public static readonly ChangeRule RequestBodyRemoved = new("CG2011", "A request body was removed", B, B, B) { SentEffect = "the server no longer reads what old clients send; the generated method changes" };
    public static readonly ChangeRule MediaTypeChanged = new("CG2012", "A body's media type changed", B, B, B) { SentEffect = "old clients send or read the wrong encoding" };
    public static readonly ChangeRule SuccessStatusRemoved = new("CG2013", "A success response was removed", B, B, B) { SentEffect = "old clients expect a response the server no longer sends" };
    public static readonly ChangeRule ErrorStatusRemoved = new("CG2014", "An error response was removed", C, C, C);
    public static readonly ChangeRule SuccessStatusAdded = new("CG2015", "A success response was added", P, P, P) { SentEffect = "old clients may receive a status they do not expect" };
    public static readonly ChangeRule ErrorStatusAdded = new("CG2016", "An error response was added", C, C, C);
    public static readonly ChangeRule ResponseBodyRemoved = new("CG2017", "A success response lost its body", B, B, B) { SentEffect = "old clients expect a body the server no longer sends" };
    public static readonly ChangeRule PathParameterRenamed = new("CG2018", "A path parameter was renamed", P, P, P) { SentEffect = "requests are the same, but the generated method's parameter is renamed: calls that name it as an argument no longer compile" };
    public static readonly ChangeRule StreamingRemoved = new("CG2020", "An operation no longer streams", B, B, B) { SentEffect = "the generated streaming method is gone and the server no longer streams" };
    public static readonly ChangeRule StreamingAdded = new("CG2021", "An operation streams", C, C, C);
    public static readonly ChangeRule StreamChanged = new("CG2022", "A stream's flag or end marker changed", B, B, B) { SentEffect = "old clients ask for a stream or wait for its end the old way" };
    public static readonly ChangeRule DefaultServerChanged = new("CG2025", "The default server changed", P, P, P) { SentEffect = "clients that rely on the default base address now call another one" };
    public static readonly ChangeRule ServerRemoved = new("CG2026", "A server was removed", P, P, P) { SentEffect = "clients configured with it call an address the contract no longer lists" };
    public static readonly ChangeRule ServerAdded = new("CG2027", "A server was added", C, C, C);
    public static readonly ChangeRule SecurityTightened = new("CG2030", "An operation needs other credentials", B, B, B) { SentEffect = "calls with the old credentials are rejected" };
    public static readonly ChangeRule SecuritySchemeChanged = new("CG2031", "A security scheme changed", B, B, B) { SentEffect = "the client sends its secret where the server no longer looks" };
    public static readonly ChangeRule SecurityLoosened = new("CG2032", "An operation accepts more credentials, or none", C, C, C);

    // Schemas: what the values of requests, parameters, responses and events may be.
    public static readonly ChangeRule TypeChanged = new("CG2101", "A type changed", B, B, B) { SentEffect = "the server rejects the old type and the generated C# type changes", ReceivedEffect = "old clients cannot read the new type and the generated C# type changes" };
    public static readonly ChangeRule RequiredPropertyAdded = new("CG2102", "A required property was added", B, C, P) { SentEffect = "old requests lack it and fail `Validate()` and the server; object creations without it no longer compile" };
    public static readonly ChangeRule OptionalPropertyAdded = new("CG2103", "An optional property was added", C, C, C);
    public static readonly ChangeRule PropertyRemoved = new("CG2104", "A property was removed", P, B, P) { SentEffect = "the server ignores or rejects it, and " + NoLongerCompiles, ReceivedEffect = "old clients expect a value the server no longer sends, and " + NoLongerCompiles };
    public static readonly ChangeRule PropertyMadeRequired = new("CG2105", "A property became required", B, C, C) { SentEffect = "values without it fail `Validate()` and the server; object creations without it no longer compile" };
    public static readonly ChangeRule PropertyMadeOptional = new("CG2106", "A property became optional", C, B, C) { ReceivedEffect = "old clients expect a value the server may now leave out" };
    public static readonly ChangeRule PropertyMadeNullable = new("CG2107", "A property accepts null", C, B, C) { ReceivedEffect = "old clients may receive null where they expect a value" };
    public static readonly ChangeRule PropertyNoLongerNullable = new("CG2108", "A property no longer accepts null", B, C, C) { SentEffect = "null now fails `Validate()` and the server" };
    public static readonly ChangeRule RangeNarrowed = new("CG2110", "A numeric range was narrowed", B, C, C) { SentEffect = ServerRejects };
    public static readonly ChangeRule RangeWidened = new("CG2111", "A numeric range was widened", C, B, C) { ReceivedEffect = "old clients may receive values outside the range they were built for" };
    public static readonly ChangeRule LengthNarrowed = new("CG2112", "A string length limit was narrowed", B, C, C) { SentEffect = ServerRejects };
    public static readonly ChangeRule LengthWidened = new("CG2113", "A string length limit was widened", C, B, C) { ReceivedEffect = "old clients may receive strings longer or shorter than they were built for" };
    public static readonly ChangeRule ItemCountNarrowed = new("CG2114", "An item or property count limit was narrowed", B, C, C) { SentEffect = ServerRejects };
    public static readonly ChangeRule ItemCountWidened = new("CG2115", "An item or property count limit was widened", C, B, C) { ReceivedEffect = "old clients may receive more or fewer items than they were built for" };
    public static readonly ChangeRule PatternAdded = new("CG2116", "A pattern was added", B, C, C) { SentEffect = ServerRejects };
    public static readonly ChangeRule PatternChanged = new("CG2117", "A pattern changed", B, P, C) { SentEffect = ServerRejects, ReceivedEffect = "old clients may receive strings the old pattern did not allow" };
    public static readonly ChangeRule PatternRemoved = new("CG2118", "A pattern was removed", C, P, C) { ReceivedEffect = "old clients may receive strings the old pattern did not allow" };
    public static readonly ChangeRule EnumValueRemoved = new("CG2120", "An enum value was removed", B, P, P) { SentEffect = "the server rejects it, and code that names its member no longer compiles", ReceivedEffect = "the server no longer sends it; code that names its member no longer compiles" };
    public static readonly ChangeRule EnumValueAdded = new("CG2121", "A value was added to a closed enum", C, B, C) { ReceivedEffect = "old clients receive a value the contract did not allow (their enum keeps it, their checks fail)" };
    public static readonly ChangeRule OpenEnumValueAdded = new("CG2122", "A value was added to an open enum", C, C, C);
    public static readonly ChangeRule UnionAlternativeAdded = new("CG2125", "A union alternative was added", C, B, C) { ReceivedEffect = "old clients cannot read values of the new alternative" };
    public static readonly ChangeRule UnionAlternativeRemoved = new("CG2126", "A union alternative was removed", B, P, P) { SentEffect = "the server rejects it, and code that uses its case no longer compiles", ReceivedEffect = "the server no longer sends it; code that uses its case no longer compiles" };
    public static readonly ChangeRule AdditionalPropertiesClosed = new("CG2130", "An object no longer allows other properties", B, C, C) { SentEffect = "values with other properties fail `Validate()` and the server" };
    public static readonly ChangeRule DefaultChanged = new("CG2135", "A default changed", P, P, P) { SentEffect = "requests that leave it out now mean something else", ReceivedEffect = "values the server leaves out now mean something else" };
    public static readonly ChangeRule ConstantChanged = new("CG2136", "A constant changed", B, B, P) { SentEffect = "the generated code sends the old value, which the server rejects", ReceivedEffect = "old clients receive a value they do not expect" };
    public static readonly ChangeRule DefinitionRemoved = new("CG2140", "A definition was removed", B, B, B) { SentEffect = "its generated type is gone; " + NoLongerCompiles };
    public static readonly ChangeRule DefinitionAdded = new("CG2141", "A definition was added", C, C, C);

    public static IReadOnlyList<ChangeRule> All { get; } = new[]
    {
        OperationRemoved, OperationAdded, OperationRenamed, OperationMoved, RequiredParameterAdded, OptionalParameterAdded,
        ParameterRemoved, ParameterMadeRequired, ParameterMadeOptional, RequestBodyRequired, RequestBodyRemoved, MediaTypeChanged,
        SuccessStatusRemoved, ErrorStatusRemoved, SuccessStatusAdded, ErrorStatusAdded, ResponseBodyRemoved, PathParameterRenamed, StreamingRemoved,
        StreamingAdded, StreamChanged, DefaultServerChanged, ServerRemoved, ServerAdded, SecurityTightened, SecuritySchemeChanged,
        SecurityLoosened, TypeChanged, RequiredPropertyAdded, OptionalPropertyAdded, PropertyRemoved, PropertyMadeRequired,
        PropertyMadeOptional, PropertyMadeNullable, PropertyNoLongerNullable, RangeNarrowed, RangeWidened, LengthNarrowed,
        LengthWidened, ItemCountNarrowed, ItemCountWidened, PatternAdded, PatternChanged, PatternRemoved, EnumValueRemoved,
        EnumValueAdded, OpenEnumValueAdded, UnionAlternativeAdded, UnionAlternativeRemoved, AdditionalPropertiesClosed,
        DefaultChanged, ConstantChanged, DefinitionRemoved, DefinitionAdded,
    };

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public static ChangeRule? Find(string id)
    {
        foreach (var rule in All)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }

        return null;
    }
}
