using Codegen.Client.Tests.Vault;
using Codegen.Testing;
using Microsoft.AspNetCore.Http;

namespace Codegen.Client.Tests.OpenApi;

/// <summary>
/// The client of a small document of our own (OpenApi/vault.openapi.yaml), against Kestrel on 127.0.0.1: the key read
/// from the environment variable the project's item names (ApiKeyEnvironmentVariable), sent where each scheme puts
/// it; and a binary answer handed out as a stream while the server is still sending it.
/// </summary>
public sealed class VaultClientTests
{
    private const int Megabyte = 1024 * 1024;

    /// <summary>The byte at <paramref name="index"/> of every body the download server sends.</summary>
    private static byte At(long index) => (byte)(index % 251);

    private static VaultClient Client(Uri baseUri, int maxRetries = 0, double timeoutSeconds = 30) =>
        new(new HttpClient(), new VaultClientOptions
        {
            BaseUri = baseUri,
            ApiKey = "vault-test-key",
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            MaxResponseBytes = Megabyte,
        });

    private static async Task WriteAsync(HttpContext context, long from, int count)
    {
        var chunk = new byte[count];
        for (var i = 0; i < count; i++)
        {
            chunk[i] = At(from + i);
        }

        await context.Response.Body.WriteAsync(chunk);
        await context.Response.Body.FlushAsync();
    }

    [Fact]
    public async Task The_key_from_the_variable_the_item_names_is_sent_where_each_scheme_puts_it()
    {
        Assert.Equal("CODEGEN_CLIENT_TESTS_VAULT_KEY", VaultClientOptions.ApiKeyEnvironmentVariable);
        var key = "vault-" + Guid.NewGuid().ToString("N");
        await using var server = await RecordingServer.StartAsync();
        server.AnswerJson("""{"name":"a"}""").AnswerJson("""{"name":"b"}""").AnswerJson("""{"name":"c"}""");
        server.AnswerJson("""{"error":{"message":"The key """ + key + """ is revoked."}}""", status: 401);
        Environment.SetEnvironmentVariable(VaultClientOptions.ApiKeyEnvironmentVariable, key);
        try
        {
            var options = new VaultClientOptions { BaseUri = server.BaseAddress, MaxRetries = 0 };
            Assert.Equal(key, options.ApiKey);
            Assert.DoesNotContain(key, options.ToString());
            using var client = new VaultClient(new HttpClient(), options);

            Assert.Equal("a", (await client.GetWithBearerAsync()).Name);
            var bearer = server.Single();
            Assert.Equal("b", (await client.GetWithHeaderAsync()).Name);
            var header = server.Single();
            Assert.Equal("c", (await client.GetWithQueryAsync(page: 2)).Name);
            var query = server.Single();
            var error = await Assert.ThrowsAsync<VaultApiException>(() => client.GetWithBearerAsync());

            Assert.Equal(("/v1/bearer", "Bearer " + key), (bearer.Target, bearer.Header("Authorization")));
            Assert.Equal(("/v1/header", key, null), (header.Target, header.Header("X-Vault-Key"), header.Header("Authorization")));
            Assert.Equal(("/v1/query?page=2&key=" + key, null), (query.Target, query.Header("Authorization")));
            Assert.Equal(401, error.StatusCode);
            Assert.DoesNotContain(key, error.Message + error.ErrorMessage + error.BodyExcerpt);
        }
        finally
        {
            Environment.SetEnvironmentVariable(VaultClientOptions.ApiKeyEnvironmentVariable, null);
        }
    }

    [Fact]
    public async Task A_form_writes_each_field_in_the_style_its_encoding_gives()
    {
        await using var server = await RecordingServer.StartAsync();
        server.AnswerJson("""{"name":"found"}""");
        using var client = Client(server.BaseAddress);

        var found = await client.SearchAsync(new Search
        {
            Tags = ["red", "big one"],
            Ids = [1, 2],
            Filter = new SearchFilter { Kind = "box", Size = 3 },
            Words = ["a", "b"],
        });

        var request = server.Single();
        Assert.Equal(("POST", "/v1/searches", "application/x-www-form-urlencoded"), (request.Method, request.Target, request.ContentType));
        // pipeDelimited; form not exploded; deepObject; and, without an encoding, form exploded.
        Assert.Equal("tags=red%7Cbig+one&ids=1%2C2&filter%5Bkind%5D=box&filter%5Bsize%5D=3&words=a&words=b", request.BodyText);
        Assert.Equal("found", found.Name);
    }

    [Fact]
    public async Task The_contract_server_reads_the_form_in_the_styles_the_client_writes_it()
    {
        var path = RepoPaths.InRepo("tests", "Codegen.Client.Tests", "OpenApi", "vault.openapi.yaml");
        var input = new Codegen.Contracts.Reading.ContractInput(path, await File.ReadAllTextAsync(path));
        await using var server = await global::Codegen.ContractServer.ContractServer.StartAsync(new global::Codegen.ContractServer.ContractServerOptions { Input = input, ApiKey = "vault-test-key" });
        using var client = new VaultClient(new HttpClient(), new VaultClientOptions { BaseUri = server.BaseAddress, ApiKey = "vault-test-key", MaxRetries = 0, ValidateRequests = false });
        var search = new Search { Tags = ["red", "big one"], Ids = [1, 2], Filter = new SearchFilter { Kind = "box", Size = 3 } };

        // Two tags (minItems 2), integer ids and a filter with its kind: read as the encoding writes them, all valid.
        var found = await client.SearchAsync(search);
        var refused = await Assert.ThrowsAsync<VaultApiException>(() => client.SearchAsync(search with { Ids = [1, -2], Filter = new SearchFilter { Kind = "box", Size = 11 } }));

        Assert.NotNull(found.Name);
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("ids[1]", refused.BodyExcerpt);
        Assert.Contains("filter.size", refused.BodyExcerpt);
    }

    [Fact]
    public async Task A_large_binary_answer_is_handed_out_before_the_server_has_sent_it_and_read_piece_by_piece()
    {
        const int total = 8 * Megabyte;
        var sent = 0L;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = total;
            context.Response.Headers.ContentDisposition = "attachment; filename=\"big.tar\"";
            await WriteAsync(context, 0, Megabyte);
            Interlocked.Exchange(ref sent, Megabyte);

            // The rest only once the client has the answer in hand: a client that buffered the body would wait forever.
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            for (long at = Megabyte; at < total; at += 256 * 1024)
            {
                await Task.Delay(2);
                await WriteAsync(context, at, 256 * 1024);
                Interlocked.Exchange(ref sent, at + 256 * 1024);
            }
        });
        using var client = Client(server.BaseAddress);

        await using var archive = await client.DownloadArchiveAsync("big").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(("application/octet-stream", (long?)total, "big.tar", 200), (archive.ContentType, archive.ContentLength, archive.FileName, archive.StatusCode));
        Assert.True(Interlocked.Read(ref sent) < total, "the answer was handed out only after the whole body had been sent");
        started.SetResult();
        var buffer = new byte[64 * 1024];
        long received = 0;
        var reads = 0;
        int read;
        while ((read = await archive.Content.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                Assert.Equal(At(received + i), buffer[i]);
            }

            received += read;
            reads++;
        }

        // Eight times MaxResponseBytes, in many reads of at most the caller's buffer.
        Assert.Equal(total, received);
        Assert.True(reads >= total / buffer.Length, $"{reads} reads");
    }

    [Fact]
    public async Task Disposing_the_answer_before_its_end_releases_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = -1L;
        var connections = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            connections.Enqueue(context.Connection.Id);
            if (context.Request.Path == "/archives/small")
            {
                context.Response.ContentType = "application/octet-stream";
                await WriteAsync(context, 0, 10);
                return;
            }

            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = 256L * Megabyte;
            var chunk = new byte[64 * 1024];
            long at = 0;
            try
            {
                // Each flush waits while the client does not read; once the connection is gone, it says so (IsCompleted),
                // while a plain write would be dropped silently until the abort is signalled.
                for (; at < 256L * Megabyte; at += chunk.Length)
                {
                    var flushed = await context.Response.BodyWriter.WriteAsync(chunk);
                    if (flushed.IsCompleted || flushed.IsCanceled)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
            {
            }

            Interlocked.Exchange(ref sent, at);
            aborted.TrySetResult();
        });
        using var client = Client(server.BaseAddress);

        var archive = await client.DownloadArchiveAsync("huge");
        var buffer = new byte[64 * 1024];
        Assert.True(await archive.Content.ReadAtLeastAsync(buffer, 1) > 0);
        archive.Dispose();

        // The server sees the connection go long before the body's end, and the client goes on with a new connection.
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(Interlocked.Read(ref sent) < 64L * Megabyte, $"{Interlocked.Read(ref sent)} bytes were sent");
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await archive.Content.ReadAtLeastAsync(buffer, 1));
        await using var small = await client.DownloadArchiveAsync("small");
        using var copy = new MemoryStream();
        await small.Content.CopyToAsync(copy);
        Assert.Equal(10, copy.Length);
        Assert.Equal(2, server.Requests);
        Assert.Equal(2, connections.Distinct().Count());
    }

    [Fact]
    public async Task A_connection_dropped_inside_the_body_is_a_typed_error_and_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = Megabyte;
            await WriteAsync(context, 0, 100 * 1024);
            context.Abort();
        });
        using var client = Client(server.BaseAddress, maxRetries: 2);

        await using var archive = await client.DownloadArchiveAsync("cut");
        var error = await Assert.ThrowsAsync<VaultApiException>(() => archive.Content.CopyToAsync(Stream.Null));

        Assert.True(error.IsConnectionFailure);
        Assert.Contains("bytes of the body of 1048576", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task The_timeout_bounds_each_read_not_the_whole_download()
    {
        // 40 pieces 100 ms apart: the download takes twice the timeout, and no wait between two pieces comes near it.
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            for (var piece = 0; piece < 40; piece++)
            {
                await Task.Delay(100);
                await WriteAsync(context, piece * 1000L, 1000);
            }
        });
        using var client = Client(server.BaseAddress, timeoutSeconds: 2);

        await using var archive = await client.DownloadArchiveAsync("slow");
        using var copy = new MemoryStream();
        await archive.Content.CopyToAsync(copy);

        Assert.Equal(40_000, copy.Length);
    }

    [Fact]
    public async Task A_server_that_stops_sending_makes_the_read_time_out_instead_of_hanging()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = 1000;
            await WriteAsync(context, 0, 10);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
        });
        using var client = Client(server.BaseAddress, timeoutSeconds: 1);

        await using var archive = await client.DownloadArchiveAsync("stalled");
        var buffer = new byte[100];
        Assert.Equal(10, await archive.Content.ReadAtLeastAsync(buffer, 10));

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await archive.Content.ReadAtLeastAsync(buffer, 1));
        Assert.Contains("after 10 bytes", error.Message);
    }

    [Fact]
    public async Task Errors_are_read_onto_the_exception_and_retried_before_the_body_is_handed_out()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var call = Interlocked.Increment(ref calls);
            if (context.Request.Path == "/archives/missing")
            {
                context.Response.StatusCode = 404;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"error":"no such archive"}""");
                return;
            }

            if (call == 2)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "application/zip";
            await WriteAsync(context, 0, 1000);
        });
        using var client = Client(server.BaseAddress, maxRetries: 1);

        var missing = await Assert.ThrowsAsync<VaultApiException>(() => client.DownloadArchiveAsync("missing"));
        await using var retried = await client.DownloadArchiveAsync("a/b");

        Assert.Equal(404, missing.StatusCode);
        Assert.NotNull(missing.Error);
        Assert.Contains("no such archive", missing.Error.ToString());
        Assert.Equal("application/zip", retried.ContentType);
        var bytes = new MemoryStream();
        await retried.Content.CopyToAsync(bytes);
        Assert.Equal(1000, bytes.Length);
        Assert.Equal(3, server.Requests);
    }
}
