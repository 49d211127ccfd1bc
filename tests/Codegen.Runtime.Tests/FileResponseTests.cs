using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Codegen.Runtime.Tests;

/// <summary>
/// A binary answer handed out as a stream (CodegenFileResponse) over a body stream of the test's making: its headers,
/// reads as they come, and each way the body can fall short as a typed exception. The same type against a real
/// server is tested in tests/Codegen.Client.Tests (VaultClientTests).
/// </summary>
public sealed class FileResponseTests
{
    private static CodegenClientPipeline Pipeline(double timeoutSeconds = 30) =>
        new(new HttpClient(), new CodegenClientOptions { BaseUri = new Uri("http://127.0.0.1/"), Timeout = TimeSpan.FromSeconds(timeoutSeconds) });

    private static CodegenFileResponse Open(Stream body, long? contentLength, CodegenClientPipeline? pipeline = null)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        content.Headers.ContentLength = contentLength;
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = "grüße.mp3" };
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        return new CodegenFileResponse(pipeline ?? Pipeline(), response, body);
    }

    [Fact]
    public async Task The_headers_are_read_and_the_body_arrives_read_by_read()
    {
        var body = Encoding.ASCII.GetBytes("ID3-0123456789");
        using var file = Open(new PiecewiseStream(body, 4), body.Length);

        var buffer = new byte[100];
        var first = await file.Content.ReadAsync(buffer);
        var rest = new MemoryStream();
        await file.Content.CopyToAsync(rest);

        Assert.Equal(("audio/mpeg", (long?)body.Length, "grüße.mp3", 200), (file.ContentType, file.ContentLength, file.FileName, file.StatusCode));
        Assert.Equal(4, first);
        Assert.Equal("ID3-0123456789", Encoding.ASCII.GetString(buffer, 0, first) + Encoding.ASCII.GetString(rest.ToArray()));
        Assert.Equal(body.Length, file.Content.Position);
        Assert.False(file.Content.CanSeek);
    }

    [Fact]
    public void A_synchronous_read_reads_too()
    {
        using var file = Open(new PiecewiseStream(Encoding.ASCII.GetBytes("abc"), 2), null);

        var buffer = new byte[10];
        Assert.Equal(2, file.Content.Read(buffer, 0, 10));
        Assert.Equal(1, file.Content.Read(buffer, 2, 8));
        Assert.Equal(0, file.Content.Read(buffer, 3, 7));
        Assert.Equal("abc", Encoding.ASCII.GetString(buffer, 0, 3));
    }

    [Fact]
    public async Task A_body_that_ends_before_its_Content_Length_is_a_connection_failure_not_a_short_file()
    {
        using var file = Open(new PiecewiseStream(new byte[10], 10), 50);

        var error = await Assert.ThrowsAsync<CodegenApiException>(() => file.Content.CopyToAsync(Stream.Null));

        Assert.True(error.IsConnectionFailure);
        Assert.Contains("after 10 bytes of the body of 50", error.Message);
    }

    [Fact]
    public async Task A_failing_connection_is_a_connection_failure_that_keeps_the_cause()
    {
        using var file = Open(new FailingStream(), null);

        var error = await Assert.ThrowsAsync<CodegenApiException>(async () => await file.Content.ReadAtLeastAsync(new byte[10], 1));

        Assert.True(error.IsConnectionFailure);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Contains("reset by peer", error.Message);
    }

    [Fact]
    public async Task A_read_that_brings_nothing_within_the_timeout_throws_and_the_callers_cancellation_stays_a_cancellation()
    {
        using var stalled = Open(new StalledStream(), null, Pipeline(timeoutSeconds: 0.2));
        using var cancelled = Open(new StalledStream(), null);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAsync<TimeoutException>(async () => await stalled.Content.ReadAtLeastAsync(new byte[10], 1));
        var read = cancelled.Content.ReadAsync(new byte[10], cancellation.Token);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
    }

    [Fact]
    public async Task Disposing_the_answer_disposes_the_body_and_the_response()
    {
        var body = new TrackingStream();
        var file = Open(body, null);

        await file.DisposeAsync();

        Assert.True(body.Disposed);
        Assert.False(file.Content.CanRead);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await file.Content.ReadAtLeastAsync(new byte[1], 1));
    }

    private sealed class FailingStream : PiecewiseStreamBase
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("Connection reset by peer"));
    }

    private sealed class StalledStream : PiecewiseStreamBase
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }

    private sealed class TrackingStream : PiecewiseStreamBase
    {
        public bool Disposed { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(0);

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>A read-only stream whose reads the tests above define.</summary>
    private abstract class PiecewiseStreamBase : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
