using System.Text;

namespace Codegen.Runtime.Tests;

public sealed class ServerSentEventReaderTests
{
    /// <summary>Every event's (type, data) until the body ends, read in pieces of <paramref name="readSize"/> bytes.</summary>
    private static async Task<List<(string? Type, string Data)>> ReadAll(string body, int readSize, int maxEventBytes = 1 << 20)
    {
        var reader = new CodegenServerSentEventReader(new PiecewiseStream(Encoding.UTF8.GetBytes(body), readSize), maxEventBytes);
        var events = new List<(string?, string)>();
        while (await reader.ReadAsync(CancellationToken.None))
        {
            events.Add((reader.EventType, reader.DataText()));
        }

        return events;
    }

    public static TheoryData<int> ReadSizes => new() { 1, 2, 3, 7, 8192 };

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Every_line_ending_ends_a_line_even_split_between_reads(int readSize)
    {
        var events = await ReadAll("data: lf\n\ndata: crlf\r\n\r\ndata: cr\r\rdata: mixed\r\n\n", readSize);

        Assert.Equal(["lf", "crlf", "cr", "mixed"], events.Select(e => e.Data));
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Data_lines_of_one_event_are_joined_by_line_feeds_and_multi_byte_characters_survive_any_split(int readSize)
    {
        var events = await ReadAll("data: crème\ndata:brûlée\ndata\ndata:  two spaces\n\n", readSize);

        Assert.Equal("crème\nbrûlée\n\n two spaces", Assert.Single(events).Data);
    }

    [Fact]
    public async Task Comments_ids_retries_and_unknown_fields_are_skipped_and_events_without_data_are_not_events()
    {
        var events = await ReadAll(": keep-alive\n\nid: 7\nretry: 10\nfoo: bar\ndata: one\n\nevent: ping\n\nevent: error\ndata: {\"error\":\"x\"}\n\ndata: after\n\n", 5);

        Assert.Equal([(null, "one"), ("error", "{\"error\":\"x\"}"), (null, "after")], events);
    }

    [Fact]
    public async Task The_terminator_is_an_event_like_any_other_and_DataEquals_recognises_it()
    {
        var reader = new CodegenServerSentEventReader(new PiecewiseStream("data: {}\n\ndata: [DONE]\n\n"u8.ToArray(), 4), 4096);

        Assert.True(await reader.ReadAsync(CancellationToken.None));
        Assert.False(reader.DataEquals("[DONE]"u8));
        Assert.True(await reader.ReadAsync(CancellationToken.None));
        Assert.True(reader.DataEquals("[DONE]"u8));
        Assert.False(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task At_the_end_of_the_body_the_last_event_data_is_still_there_to_report()
    {
        var reader = new CodegenServerSentEventReader(new PiecewiseStream("data: first\n\ndata: last\n\n: comment\n\n"u8.ToArray(), 3), 4096);
        while (await reader.ReadAsync(CancellationToken.None))
        {
        }

        Assert.Equal("last", reader.DataText());
    }

    [Theory]
    [InlineData("data: {\"partial\"")]
    [InlineData("data: complete line\n")]
    [InlineData(": only a comment\n")]
    public async Task A_body_that_ends_inside_an_event_is_invalid_data_and_what_arrived_is_kept(string tail)
    {
        var reader = new CodegenServerSentEventReader(new PiecewiseStream(Encoding.UTF8.GetBytes("data: whole\n\n" + tail), 2), 4096);
        Assert.True(await reader.ReadAsync(CancellationToken.None));

        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(CancellationToken.None));
        if (tail.StartsWith("data: ", StringComparison.Ordinal))
        {
            Assert.Contains(tail[6..].TrimEnd('\n'), reader.UnfinishedEventText());
        }
    }

    [Fact]
    public async Task An_empty_body_has_no_events()
    {
        Assert.Empty(await ReadAll(string.Empty, 1));
    }

    [Fact]
    public async Task An_event_over_the_limit_is_invalid_data_even_when_each_line_fits()
    {
        var line = "data: " + new string('a', 600) + "\n";
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAll(line + line + "\n", 64, maxEventBytes: 1024));

        Assert.Contains("MaxEventBytes (1024)", ex.Message);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_invalid_data_before_the_whole_line_is_buffered()
    {
        // 20 KB without a line end: the reader stops at its limit instead of growing its buffer.
        var body = "data: " + new string('a', 20_000);
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAll(body, 4096, maxEventBytes: 8192));

        Assert.Contains("line is larger than MaxEventBytes", ex.Message);
    }

    [Fact]
    public async Task A_limit_below_the_minimum_is_raised_to_it()
    {
        var body = "data: " + new string('a', CodegenServerSentEventReader.MinEventBytes - 10) + "\n\n";
        var events = await ReadAll(body, 100, maxEventBytes: 1);

        Assert.Single(events);
    }

    [Fact]
    public async Task Events_larger_than_the_first_buffers_grow_them_and_are_read_whole()
    {
        var big = new string('x', 50_000);
        var events = await ReadAll("data: " + big + "\n\ndata: small\n\n", 1000);

        Assert.Equal([big, "small"], events.Select(e => e.Data));
    }
}
