using System.Buffers;

namespace Codegen.Benchmarks.Suites;

/// <summary>
/// A sketch of the change docs/performance.md proposes for the generated <c>ModelsLabServerSentEventReader</c>:
/// the same line rules (LF, CRLF, CR; comments and unknown fields skipped; a space after the colon dropped;
/// data lines joined by LF; a size limit), but the data stays UTF-8 bytes in one reused buffer and is handed to
/// the JSON converter as a span, instead of decoding each line to a string, cutting it with Substring, joining
/// it in a StringBuilder and encoding it back to bytes. Measured here so that the proposal carries its gain.
/// </summary>
public sealed class ProposedSseReader(Stream stream, int maxEventBytes)
{
    private readonly ArrayBufferWriter<byte> _data = new(1024);
    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;
    private bool _endOfBody;
    private bool _skipLineFeed;
    private bool _hasData;
    private bool _inEvent;

    /// <summary>The event type of the last event read; null for the default type.</summary>
    public string? EventType { get; private set; }

    /// <summary>The last event's data, valid until the next call.</summary>
    public ReadOnlySpan<byte> Data => _data.WrittenSpan;

    /// <summary>Reads the next event; false when the body ends between events.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        _data.ResetWrittenCount();
        _hasData = false;
        EventType = null;
        while (!TryTakeEvent())
        {
            if (_endOfBody)
            {
                if (_end > _start || _inEvent)
                {
                    throw new InvalidDataException("The stream ended in the middle of an event.");
                }

                return false;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Parses the complete lines in the buffer; true at the end of an event with data. Not async: spans cannot live in async methods before C# 13.</summary>
    private bool TryTakeEvent()
    {
        while (true)
        {
            if (_skipLineFeed && _start < _end)
            {
                if (_buffer[_start] == (byte)'\n')
                {
                    _start++;
                }

                _skipLineFeed = false;
            }

            var pending = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
            var length = pending.IndexOfAny((byte)'\r', (byte)'\n');
            if (length < 0)
            {
                return false;
            }

            var line = pending[..length];
            _skipLineFeed = pending[length] == (byte)'\r';
            _start += length + 1;
            if (line.IsEmpty)
            {
                _inEvent = false;
                if (_hasData)
                {
                    return true;
                }

                EventType = null;
                continue;
            }

            _inEvent = true;
            if (line[0] == (byte)':')
            {
                continue;
            }

            var colon = line.IndexOf((byte)':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? default : line[(colon + 1)..];
            if (!value.IsEmpty && value[0] == (byte)' ')
            {
                value = value[1..];
            }

            if (field.SequenceEqual("data"u8))
            {
                if (_hasData)
                {
                    _data.Write("\n"u8);
                }

                _data.Write(value);
                _hasData = true;
                if (_data.WrittenCount > maxEventBytes)
                {
                    throw new InvalidDataException("A server-sent event is larger than MaxEventBytes (" + maxEventBytes + ").");
                }
            }
            else if (field.SequenceEqual("event"u8))
            {
                EventType = System.Text.Encoding.UTF8.GetString(value);
            }
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxEventBytes)
            {
                throw new InvalidDataException("A server-sent event line is larger than MaxEventBytes (" + maxEventBytes + ").");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxEventBytes));
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfBody = true;
        }
        else
        {
            _end += read;
        }
    }
}
