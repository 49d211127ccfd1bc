using BenchmarkDotNet.Attributes;

namespace Codegen.Benchmarks.EndToEnd;

/// <summary>
/// Suite 3 under BenchmarkDotNet: one request per operation over loopback with 1 caller, and 32 concurrent
/// callers (time per operation = 1 / throughput). Request-level p50/p99 come from <see cref="LoadTest"/>.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("EndToEnd")]
public class EndToEndBenchmarks
{
    private const int RequestsPerCaller = 8;
    private LoopbackServer _server = null!;
    private Clients _clients = null!;
    private Func<Task<int>> _call = null!;

    [Params("Ours", "Raw HttpClient", "Refit", "NSwag-style")]
    public string Client { get; set; } = "Ours";

    [GlobalSetup]
    public void Setup()
    {
        _server = CompletionsEndpoint.StartAsync().GetAwaiter().GetResult();
        _clients = new Clients(_server.BaseAddress);
        _call = _clients.Get(Client);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "1 caller")]
    public Task<int> OneCaller() => _call();

    [Benchmark(Description = "32 callers", OperationsPerInvoke = 32 * RequestsPerCaller)]
    public async Task<int> ThirtyTwoCallers()
    {
        var callers = new Task<int>[32];
        for (var i = 0; i < callers.Length; i++)
        {
            callers[i] = Caller();
        }

        var total = 0;
        foreach (var tokens in await Task.WhenAll(callers))
        {
            total += tokens;
        }

        return total;

        async Task<int> Caller()
        {
            await Task.Yield();
            var sum = 0;
            for (var r = 0; r < RequestsPerCaller; r++)
            {
                sum += await _call();
            }

            return sum;
        }
    }
}
