using System.Diagnostics;
using System.Globalization;

namespace Codegen.Benchmarks.EndToEnd;

/// <summary>
/// Suite 3, request-level figures: a closed loop of 1 or 32 callers per client for a fixed time against the
/// loopback server; prints requests per second and p50/p99 latency as a Markdown table.
/// Run: <c>dotnet run -c Release --project bench/Codegen.Benchmarks -- e2e [seconds] [rounds]</c>.
/// Clients take turns in rounds (best round kept) so that a burst of other load on the machine hits all alike.
/// </summary>
public static class LoadTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        await using var server = await CompletionsEndpoint.StartAsync();
        using var clients = new Clients(server.BaseAddress);

        var best = new Dictionary<(string, int), Result>();
        foreach (var concurrency in new[] { 1, 32 })
        {
            foreach (var name in Clients.Names)
            {
                await MeasureAsync(clients.Get(name), concurrency, TimeSpan.FromSeconds(1));   // warm up: JIT, connections
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var name in Clients.Names)
                {
                    var result = await MeasureAsync(clients.Get(name), concurrency, TimeSpan.FromSeconds(seconds));
                    if (!best.TryGetValue((name, concurrency), out var previous) || result.RequestsPerSecond > previous.RequestsPerSecond)
                    {
                        best[(name, concurrency)] = result;
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| client | callers | requests/s | p50 (µs) | p99 (µs) | throughput vs raw | p99 vs raw |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var concurrency in new[] { 1, 32 })
        {
            var raw = best[("Raw HttpClient", concurrency)];
            foreach (var name in Clients.Names)
            {
                var r = best[(name, concurrency)];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {concurrency} | {r.RequestsPerSecond:N0} | {r.P50:N0} | {r.P99:N0} | {r.RequestsPerSecond / raw.RequestsPerSecond:0.00}× | {r.P99 / raw.P99:0.00}× |"));
            }
        }

        return 0;
    }

    private static async Task<Result> MeasureAsync(Func<Task<int>> call, int concurrency, TimeSpan duration)
    {
        var latencies = new List<long>[concurrency];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        var callers = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            var mine = latencies[i] = new List<long>(100_000);
            callers[i] = Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < stopAt)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await call();
                    mine.Add(Stopwatch.GetTimestamp() - t0);
                }
            });
        }

        await Task.WhenAll(callers);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Micros(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1e6 / Stopwatch.Frequency;
        return new Result(all.Length / elapsed, Micros(0.50), Micros(0.99));
    }

    private readonly record struct Result(double RequestsPerSecond, double P50, double P99);
}
