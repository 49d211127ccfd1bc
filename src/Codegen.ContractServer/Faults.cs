using System.Collections.Concurrent;
using System.Globalization;

namespace Codegen.ContractServer;

/// <summary>
/// A fault a request asks for, from the <c>x-fault</c> header or query parameter, e.g.
/// <c>x-fault: key=t1;status=429;retry-after=1;times=1</c>. See README.md for every setting.
/// </summary>
internal sealed record Fault
{
    public string? Key { get; init; }

    public int? Status { get; init; }

    public string? RetryAfter { get; init; }

    public string? RetryAfterMs { get; init; }

    /// <summary>Apply the fault to the first N attempts of <see cref="Key"/> only; afterwards answer normally.</summary>
    public int? Times { get; init; }

    public TimeSpan Delay { get; init; }

    public TimeSpan ChunkDelay { get; init; }

    public int? DropAfterBytes { get; init; }

    public int? CutAfterChunks { get; init; }

    /// <summary>Stream this many events, then end the body cleanly without the terminator, as some servers do.</summary>
    public int? EndAfterChunks { get; init; }

    public bool Malformed { get; init; }

    public static Fault None { get; } = new();

    public static Fault Parse(string? text)
    {
        var fault = None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return fault;
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            var name = (equals < 0 ? part : part[..equals]).Trim().ToLowerInvariant();
            var value = equals < 0 ? string.Empty : part[(equals + 1)..].Trim();
            fault = name switch
            {
                "key" => fault with { Key = value },
                "status" => fault with { Status = Int(value) },
                "retry-after" => fault with { RetryAfter = value },
                "retry-after-ms" => fault with { RetryAfterMs = value },
                "times" => fault with { Times = Int(value) },
                "delay" => fault with { Delay = TimeSpan.FromMilliseconds(Int(value)) },
                "chunk-delay" => fault with { ChunkDelay = TimeSpan.FromMilliseconds(Int(value)) },
                "drop-after-bytes" => fault with { DropAfterBytes = Int(value) },
                "cut-after-chunks" => fault with { CutAfterChunks = Int(value) },
                "end-after-chunks" => fault with { EndAfterChunks = Int(value) },
                "malformed" => fault with { Malformed = true },
                _ => throw new FormatException($"Unknown x-fault setting '{name}'."),
            };
        }

        return fault;
    }

    /// <summary>Whether a stream ends, without its terminator, before event <paramref name="index"/> (0-based).</summary>
    public bool EndsStreamBefore(int index) => EndAfterChunks is { } end && index >= end;

    /// <summary>Whether the fault applies to the given attempt (1-based) of its key.</summary>
    public bool AppliesTo(int attempt) => Times is null || attempt <= Times;

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}

/// <summary>What the server saw per fault key: attempts, and streams the client abandoned.</summary>
internal sealed class FaultLog
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _aborted = new(StringComparer.Ordinal);

    public int RecordAttempt(string? key) => key is null ? 1 : _attempts.AddOrUpdate(key, 1, static (_, n) => n + 1);

    public void RecordAbort(string? key)
    {
        if (key is not null)
        {
            _aborted.AddOrUpdate(key, 1, static (_, n) => n + 1);
        }
    }

    public int Attempts(string key) => _attempts.GetValueOrDefault(key);

    public int Aborted(string key) => _aborted.GetValueOrDefault(key);
}
