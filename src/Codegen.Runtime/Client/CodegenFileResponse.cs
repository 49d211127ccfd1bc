namespace Codegen.Runtime;

/// <summary>
/// A binary answer as it arrives: <see cref="Content"/> reads the body from the connection, so that an answer of any
/// size (audio, a file's contents) is never held in memory whole, and <see cref="CodegenClientOptions.MaxResponseBytes"/>
/// does not apply. Dispose it to release the connection, whether or not the body was read to its end.
/// </summary>
/// <remarks>
/// The call that returned it has already retried what it could: nothing is retried once the body is handed out. Each
/// read must bring data within <see cref="CodegenClientOptions.Timeout"/>, else it throws
/// <see cref="global::System.TimeoutException"/>; a connection that closes before the body's end throws
/// <see cref="CodegenApiException"/> with <see cref="CodegenApiException.IsConnectionFailure"/> set. A read never hangs.
/// </remarks>
public sealed class CodegenFileResponse : global::System.IDisposable, global::System.IAsyncDisposable
{
    private readonly global::System.Net.Http.HttpResponseMessage _response;
    private readonly BodyStream _content;

    internal CodegenFileResponse(CodegenClientPipeline pipeline, global::System.Net.Http.HttpResponseMessage response, global::System.IO.Stream body)
    {
        _response = response;
        var headers = response.Content.Headers;
        var disposition = headers.ContentDisposition;
        StatusCode = (int)response.StatusCode;
        ContentType = headers.ContentType?.MediaType;
        ContentLength = headers.ContentLength;
        FileName = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');
        _content = new BodyStream(pipeline, response, body, ContentLength);
    }

    /// <summary>The body, read from the connection as the caller reads it. Forward only; read it once.</summary>
    public global::System.IO.Stream Content => _content;

    /// <summary>The media type the server sent, such as <c>audio/mpeg</c>; null when it sent none.</summary>
    public string? ContentType { get; }

    /// <summary>The length the server announced (<c>Content-Length</c>); null for a body sent in chunks.</summary>
    public long? ContentLength { get; }

    /// <summary>The file name the server gave in <c>Content-Disposition</c>, when it gave one.</summary>
    public string? FileName { get; }

    /// <summary>The 2xx status of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>Releases the body and the connection; what was not read is dropped.</summary>
    public void Dispose()
    {
        _content.Dispose();
        _response.Dispose();
    }

    /// <summary>Releases the body and the connection; what was not read is dropped.</summary>
    public global::System.Threading.Tasks.ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <summary>
    /// The response's stream, with the client's rules: a timeout per read, and a connection that fails, or a body that
    /// ends before its announced length, as a <see cref="CodegenApiException"/> saying how much had arrived.
    /// </summary>
    private sealed class BodyStream : global::System.IO.Stream
    {
        private readonly CodegenClientPipeline _pipeline;
        private readonly global::System.Net.Http.HttpResponseMessage _response;
        private readonly global::System.IO.Stream _inner;
        private readonly long? _announced;
        private long _received;
        private bool _disposed;

        public BodyStream(CodegenClientPipeline pipeline, global::System.Net.Http.HttpResponseMessage response, global::System.IO.Stream inner, long? announced)
        {
            _pipeline = pipeline;
            _response = response;
            _inner = inner;
            _announced = announced;
        }

        public override bool CanRead => !_disposed;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new global::System.NotSupportedException("The body arrives as it is read; its announced length is CodegenFileResponse.ContentLength.");

        public override long Position
        {
            get => _received;
            set => throw new global::System.NotSupportedException("The body can be read once, forward only.");
        }

        public override async global::System.Threading.Tasks.ValueTask<int> ReadAsync(global::System.Memory<byte> buffer, global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (_disposed)
            {
                throw new global::System.ObjectDisposedException(nameof(CodegenFileResponse));
            }

            using var timeout = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_pipeline.Options.Timeout);
            int read;
            try
            {
                read = await _inner.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            }
            catch (global::System.OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (global::System.OperationCanceledException ex)
            {
                throw new global::System.TimeoutException("No data arrived within the timeout of " + _pipeline.Options.Timeout.TotalSeconds + " s (after " + _received + " bytes of the body).", ex);
            }
            catch (global::System.Exception ex) when (ex is global::System.IO.IOException or global::System.Net.Http.HttpRequestException)
            {
                throw Cut(ex.Message, ex);
            }

            if (read == 0 && buffer.Length > 0 && _announced is { } announced && _received < announced)
            {
                throw Cut("the body ended before its Content-Length of " + announced + " bytes", null);
            }

            _received += read;
            return read;
        }

        public override global::System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, global::System.Threading.CancellationToken cancellationToken) =>
            ReadAsync(new global::System.Memory<byte>(buffer, offset, count), cancellationToken).AsTask();

        // A synchronous read keeps the timeout: it waits for the asynchronous one, which never needs this thread back.
        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(new global::System.Memory<byte>(buffer, offset, count), global::System.Threading.CancellationToken.None).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, global::System.IO.SeekOrigin origin) => throw new global::System.NotSupportedException("The body can be read once, forward only.");

        public override void SetLength(long value) => throw new global::System.NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new global::System.NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                _inner.Dispose();
                _response.Dispose();
            }

            base.Dispose(disposing);
        }

        private CodegenApiException Cut(string reason, global::System.Exception? inner)
        {
            var exception = _pipeline.Protocol(_response, "The connection closed after " + _received + " bytes of the body" + (_announced is { } announced ? " of " + announced : string.Empty) + ": " + reason, inner, null);
            exception.IsConnectionFailure = true;
            return exception;
        }
    }
}
