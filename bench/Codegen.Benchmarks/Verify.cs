using System.Text;
using Codegen.Benchmarks.EndToEnd;
using Codegen.Benchmarks.Suites;

namespace Codegen.Benchmarks;

/// <summary>
/// Checks, without timing anything, that the peers do the same work: the same request bytes, the same
/// responses read, every chunk of the stream, every client's round trip. Run by bench/run-dry.sh.
/// </summary>
public static class Verify
{
    public static async Task<int> RunAsync()
    {
        var failures = 0;
        void Check(bool ok, string what)
        {
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
            failures += ok ? 0 : 1;
        }

        var serialize = new JsonSerializeBenchmarks();
        var expected = Encoding.UTF8.GetString(serialize.HandWrittenWriter());
        foreach (var (name, bytes) in new[]
        {
            ("ours", serialize.Ours()), ("STJ source gen", serialize.StjSourceGen()),
            ("STJ reflection", serialize.StjReflectionPeer()),
        })
        {
            Check(Encoding.UTF8.GetString(bytes) == expected, $"serialize, {name} writes the hand-written bytes {expected}");
        }

        // NSwag's types have no unset state: every property with a default is always written.
        var nswag = Newtonsoft.Json.Linq.JObject.Parse(Encoding.UTF8.GetString(serialize.NSwag()));
        Check(Newtonsoft.Json.Linq.JToken.DeepEquals(nswag, Newtonsoft.Json.Linq.JObject.Parse(expected)), $"serialize, NSwag writes the same JSON: {nswag.ToString(Newtonsoft.Json.Formatting.None)}");

        foreach (var size in new[] { "Small", "Large" })
        {
            var read = new JsonDeserializeBenchmarks { Response = size };
            read.Setup();
            var limit = read.HandWrittenReader();
            var texts = string.Concat(limit.Choices.Select(c => c.Text));
            Check(string.Concat(read.Ours()!.Choices.Select(c => c.Text)) == texts && read.Ours()!.Usage!.TotalTokens == limit.Usage!.TotalTokens, $"deserialize {size}, ours");
            Check(string.Concat(read.OursDirect().Choices.Select(c => c.Text)) == texts, $"deserialize {size}, ours direct");
            Check(string.Concat(read.StjSourceGen()!.Choices.Select(c => c.Text)) == texts, $"deserialize {size}, STJ source gen");
            Check(string.Concat(read.StjSourceGenLoose()!.Choices.Select(c => c.Text)) == texts, $"deserialize {size}, STJ source gen without required");
            Check(string.Concat(read.StjReflectionPeer()!.Choices.Select(c => c.Text)) == texts, $"deserialize {size}, STJ reflection");
            Check(string.Concat(read.NSwag()!.Choices.Select(c => c.Text)) == texts && read.NSwag()!.Choices.First().Finish_reason.Value == "length", $"deserialize {size}, NSwag");
        }

        var streaming = new StreamingBenchmarks();
        streaming.Setup();
        Check(await streaming.OursClient() == StreamingBenchmarks.Chunks, "stream, ours (client)");
        Check(await streaming.OursReader() == StreamingBenchmarks.Chunks, "stream, ours (reader)");
        Check(await streaming.ServerSentEventsStj() == StreamingBenchmarks.Chunks, "stream, System.Net.ServerSentEvents + STJ");
        Check(await streaming.ServerSentEventsStjLoose() == StreamingBenchmarks.Chunks, "stream, System.Net.ServerSentEvents + STJ without required");
        Check(await streaming.ServerSentEventsOurs() == StreamingBenchmarks.Chunks, "stream, System.Net.ServerSentEvents + ours");
        Check(await streaming.ReadLineLoop() == StreamingBenchmarks.Chunks, "stream, ReadLineAsync loop");
        streaming.Cleanup();

        await using (var server = await CompletionsEndpoint.StartAsync())
        using (var clients = new Clients(server.BaseAddress))
        {
            foreach (var name in Clients.Names)
            {
                Check(await clients.Get(name)() == 135, $"end to end, {name}");
            }
        }

        Console.WriteLine(failures == 0 ? "All peers agree." : $"{failures} check(s) failed.");
        return failures == 0 ? 0 : 1;
    }
}
