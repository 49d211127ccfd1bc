namespace Codegen.Runtime;

/// <summary>
/// Reads a streamed answer: each server-sent event's data, parsed with the contract's converters, until the
/// terminator the contract declares (e.g. <c>[DONE]</c>). Every way the stream can fall short is a
/// <see cref="CodegenApiException"/> that says how many events had arrived and what arrived last: a body that ends
/// without the terminator (unless <see cref="CodegenClientOptions.RequireStreamTerminator"/> is off), a body or
/// connection that ends inside an event, an <c>error</c> event, an event that does not parse. No event arriving within
/// the timeout is a <see cref="global::System.TimeoutException"/>.
/// </summary>
internal static class CodegenEventStream
{
    /// <summary>Yields the events of <paramref name="response"/>, which the caller owns and disposes.</summary>
    public static async global::System.Collections.Generic.IAsyncEnumerable<T> ReadAsync<T>(
        CodegenClientPipeline pipeline,
        global::System.Net.Http.HttpResponseMessage response,
        string terminator,
        bool requireTerminator,
        global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken)
    {
        using var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var idle = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = new CodegenServerSentEventReader(content, pipeline.Options.MaxEventBytes);
        var end = global::System.Text.Encoding.UTF8.GetBytes(terminator);
        var events = 0;
        while (true)
        {
            if (!await ReadEventAsync(pipeline, reader, response, idle, events, cancellationToken).ConfigureAwait(false))
            {
                if (requireTerminator)
                {
                    throw pipeline.Protocol(
                        response,
                        "The stream ended after " + events + " event" + (events == 1 ? string.Empty : "s") + " without its terminator " + terminator + ": the answer was cut short. (For a server known to omit the terminator, set RequireStreamTerminator to false.)",
                        null,
                        events == 0 ? null : reader.DataText(),
                        events);
                }

                yield break;
            }

            if (reader.DataEquals(end))
            {
                yield break;
            }

            if (reader.EventType == "error")
            {
                var text = reader.DataText();
                throw pipeline.ErrorInBody(response, text, events) ?? pipeline.Protocol(response, "The server sent an error event.", null, text, events);
            }

            var item = Deserialize(pipeline, response, reader, typeInfo, events);
            events++;
            yield return item;
        }
    }

    /// <summary>Reads the next event into the reader; false at the end of the body. The timeout applies to the wait for each event.</summary>
    private static async global::System.Threading.Tasks.ValueTask<bool> ReadEventAsync(CodegenClientPipeline pipeline, CodegenServerSentEventReader reader, global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationTokenSource idle, int events, global::System.Threading.CancellationToken cancellationToken)
    {
        idle.CancelAfter(pipeline.Options.Timeout);
        try
        {
            return await reader.ReadAsync(idle.Token).ConfigureAwait(false);
        }
        catch (global::System.OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (global::System.OperationCanceledException ex)
        {
            throw new global::System.TimeoutException("No server-sent event arrived within the timeout of " + pipeline.Options.Timeout.TotalSeconds + " s (after " + events + " events).", ex);
        }
        catch (global::System.IO.InvalidDataException ex)
        {
            throw pipeline.Protocol(response, ex.Message + " (" + events + " events received)", ex, reader.UnfinishedEventText(), events);
        }
        catch (global::System.Exception ex) when (ex is global::System.IO.IOException or global::System.Net.Http.HttpRequestException)
        {
            throw pipeline.Protocol(response, "The connection closed in the middle of the stream (" + events + " events received): " + ex.Message, ex, reader.UnfinishedEventText(), events);
        }
        finally
        {
            idle.CancelAfter(global::System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Parses the data of the reader's last event straight from its UTF-8 bytes, with the rules of
    /// <see cref="CodegenClientPipeline.Deserialize{T}"/>. Not async: the data is a span.
    /// </summary>
    private static T Deserialize<T>(CodegenClientPipeline pipeline, global::System.Net.Http.HttpResponseMessage response, CodegenServerSentEventReader reader, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, int events)
    {
        try
        {
            var value = global::System.Text.Json.JsonSerializer.Deserialize(reader.Data, typeInfo);
            if (value is not null)
            {
                return value;
            }
        }
        catch (global::System.Text.Json.JsonException ex)
        {
            var text = reader.DataText();
            throw pipeline.ErrorInBody(response, text, events) ?? pipeline.Protocol(response, "The event is not a valid " + typeof(T).Name + ": " + ex.Message, ex, text, events);
        }

        throw pipeline.Protocol(response, "The event is null, not a " + typeof(T).Name + ".", null, reader.DataText(), events);
    }
}
