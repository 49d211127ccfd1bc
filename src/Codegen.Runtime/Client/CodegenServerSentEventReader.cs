namespace Codegen.Runtime;

/// <summary>
/// Reads server-sent events as they arrive. Lines end with <c>\n</c>, <c>\r\n</c> or <c>\r</c>; comments and
/// unknown fields are skipped. An event larger than the limit, or a body that ends inside an event, is an
/// <see cref="global::System.IO.InvalidDataException"/>. The data of the last event stays UTF-8 bytes in one
/// reused buffer (<see cref="Data"/>), so that it goes to the JSON converter without a string in between.
/// </summary>
internal sealed class CodegenServerSentEventReader
{
    /// <summary>The smallest limit honoured, so that an ordinary event always fits.</summary>
    public const int MinEventBytes = 1024;

    private readonly global::System.IO.Stream _stream;
    private readonly int _maxEventBytes;
    private byte[] _buffer = new byte[8192];
    private byte[] _data = new byte[1024];
    private int _dataLength;
    private int _start;
    private int _end;
    private bool _endOfBody;
    private bool _skipLineFeed;
    private bool _inEvent;
    private bool _hasData;

    public CodegenServerSentEventReader(global::System.IO.Stream stream, int maxEventBytes)
    {
        _stream = stream;
        _maxEventBytes = global::System.Math.Max(MinEventBytes, maxEventBytes);
    }

    /// <summary>The type of the last event read; null for the default type.</summary>
    public string? EventType { get; private set; }

    /// <summary>
    /// The last event's data lines joined by <c>\n</c>, as UTF-8; valid until the next <see cref="ReadAsync"/> finds data.
    /// After <see cref="ReadAsync"/> returned false it is still the last event's, for a report of what arrived last.
    /// </summary>
    public global::System.ReadOnlySpan<byte> Data => new global::System.ReadOnlySpan<byte>(_data, 0, _dataLength);

    /// <summary>The last event's data as text (for an error event or an exception's excerpt).</summary>
    public string DataText() => global::System.Text.Encoding.UTF8.GetString(_data, 0, _dataLength);

    /// <summary>Whether the last event's data is exactly these UTF-8 bytes.</summary>
    public bool DataEquals(global::System.ReadOnlySpan<byte> utf8) => global::System.MemoryExtensions.SequenceEqual(Data, utf8);

    /// <summary>What arrived of the event the body ended inside: its data lines so far and the unfinished line.</summary>
    public string UnfinishedEventText()
    {
        var pending = global::System.Text.Encoding.UTF8.GetString(_buffer, _start, _end - _start);
        return _hasData ? DataText() + "\n" + pending : pending;
    }

    /// <summary>Reads the next event with data; false when the body ends between events.</summary>
    public global::System.Threading.Tasks.ValueTask<bool> ReadAsync(global::System.Threading.CancellationToken cancellationToken)
    {
        _hasData = false;
        EventType = null;
        return TryTakeEvent() ? new global::System.Threading.Tasks.ValueTask<bool>(true) : ReadMoreAsync(cancellationToken);
    }

    private async global::System.Threading.Tasks.ValueTask<bool> ReadMoreAsync(global::System.Threading.CancellationToken cancellationToken)
    {
        do
        {
            if (_endOfBody)
            {
                if (_inEvent || _end > _start)
                {
                    throw new global::System.IO.InvalidDataException("The stream ended in the middle of an event.");
                }

                return false;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
        while (!TryTakeEvent());

        return true;
    }

    /// <summary>Parses the complete lines in the buffer; true at the end of an event with data. Not async, because spans cannot live in async methods before C# 13.</summary>
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

            var pending = new global::System.ReadOnlySpan<byte>(_buffer, _start, _end - _start);
            var index = global::System.MemoryExtensions.IndexOfAny(pending, (byte)'\r', (byte)'\n');
            if (index < 0)
            {
                return false;
            }

            var line = pending.Slice(0, index);
            _skipLineFeed = pending[index] == (byte)'\r';
            _start += index + 1;
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

            var colon = global::System.MemoryExtensions.IndexOf(line, (byte)':');
            var field = colon < 0 ? line : line.Slice(0, colon);
            var value = colon < 0 ? default : line.Slice(colon + 1);
            if (!value.IsEmpty && value[0] == (byte)' ')
            {
                value = value.Slice(1);
            }

            if (global::System.MemoryExtensions.SequenceEqual(field, "data"u8))
            {
                AppendData(value);
            }
            else if (global::System.MemoryExtensions.SequenceEqual(field, "event"u8))
            {
                EventType = global::System.Text.Encoding.UTF8.GetString(value);
            }
        }
    }

    private void AppendData(global::System.ReadOnlySpan<byte> value)
    {
        if (!_hasData)
        {
            // The previous event's data is kept until this one has some.
            _dataLength = 0;
        }

        var separator = _hasData ? 1 : 0;
        var length = _dataLength + separator + value.Length;
        if (length > _maxEventBytes)
        {
            throw new global::System.IO.InvalidDataException("A server-sent event is larger than MaxEventBytes (" + _maxEventBytes + ").");
        }

        if (length > _data.Length)
        {
            global::System.Array.Resize(ref _data, global::System.Math.Max(length, global::System.Math.Min(_data.Length * 2, _maxEventBytes)));
        }

        if (_hasData)
        {
            _data[_dataLength] = (byte)'\n';
        }

        value.CopyTo(new global::System.Span<byte>(_data, _dataLength + separator, value.Length));
        _dataLength = length;
        _hasData = true;
    }

    private async global::System.Threading.Tasks.ValueTask FillAsync(global::System.Threading.CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            global::System.Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxEventBytes)
            {
                throw new global::System.IO.InvalidDataException("A server-sent event line is larger than MaxEventBytes (" + _maxEventBytes + ").");
            }

            global::System.Array.Resize(ref _buffer, global::System.Math.Min(_buffer.Length * 2, _maxEventBytes));
        }

        var read = await _stream.ReadAsync(new global::System.Memory<byte>(_buffer, _end, _buffer.Length - _end), cancellationToken).ConfigureAwait(false);
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
