using System.Text;
using Microsoft.AspNetCore.Http;
using Style = Codegen.Runtime.CodegenClientRequest.Style;

namespace Codegen.Runtime.Tests;

/// <summary>Request building for OpenAPI operations: URI templates, escaping, styles, credentials and bodies.</summary>
public sealed class ClientRequestTests
{
    private static readonly CodegenParameterValue Colors = CodegenParameterValue.List(new[] { "blue", "black", "brown" }, x => x);
    private static readonly CodegenParameterValue Rgb = CodegenParameterValue.Map(new Dictionary<string, long> { ["R"] = 100, ["G"] = 200, ["B"] = 150 }, x => CodegenParameterValue.Format(x));

    private static string Uri(Action<CodegenClientRequest> fill, string template = "/items")
    {
        var request = new CodegenClientRequest(HttpMethod.Get, template);
        fill(request);
        return request.RelativeUri();
    }

    [Theory]
    [InlineData("gpt-4o", "/models/gpt-4o")]
    [InlineData("ft:gpt-4o:acme/x y?z#w", "/models/ft%3Agpt-4o%3Aacme%2Fx%20y%3Fz%23w")]
    [InlineData("../admin", "/models/..%2Fadmin")]
    [InlineData("é", "/models/%C3%A9")]
    public void Path_values_are_escaped_so_they_stay_one_segment(string model, string expected) =>
        Assert.Equal(expected, Uri(r => r.Path("model", CodegenParameterValue.Of(model)), "/models/{model}"));

    [Theory]
    [InlineData(Style.Simple, false, "/c/blue,black,brown")]
    [InlineData(Style.Simple, true, "/c/blue,black,brown")]
    [InlineData(Style.Label, false, "/c/.blue,black,brown")]
    [InlineData(Style.Label, true, "/c/.blue.black.brown")]
    [InlineData(Style.Matrix, false, "/c/;color=blue,black,brown")]
    [InlineData(Style.Matrix, true, "/c/;color=blue;color=black;color=brown")]
    public void Path_arrays_follow_the_style(Style style, bool explode, string expected) =>
        Assert.Equal(expected, Uri(r => r.Path("color", Colors, style, explode), "/c/{color}"));

    [Theory]
    [InlineData(Style.Simple, false, "/c/R,100,G,200,B,150")]
    [InlineData(Style.Simple, true, "/c/R=100,G=200,B=150")]
    [InlineData(Style.Label, true, "/c/.R=100.G=200.B=150")]
    [InlineData(Style.Matrix, true, "/c/;R=100;G=200;B=150")]
    [InlineData(Style.Matrix, false, "/c/;color=R,100,G,200,B,150")]
    public void Path_objects_follow_the_style(Style style, bool explode, string expected) =>
        Assert.Equal(expected, Uri(r => r.Path("color", Rgb, style, explode), "/c/{color}"));

    [Theory]
    [InlineData(Style.Form, true, "/items?color=blue&color=black&color=brown")]
    [InlineData(Style.Form, false, "/items?color=blue,black,brown")]
    [InlineData(Style.SpaceDelimited, false, "/items?color=blue%20black%20brown")]
    [InlineData(Style.PipeDelimited, false, "/items?color=blue%7Cblack%7Cbrown")]
    public void Query_arrays_follow_the_style(Style style, bool explode, string expected) =>
        Assert.Equal(expected, Uri(r => r.Query("color", Colors, style, explode)));

    [Theory]
    [InlineData(Style.Form, true, "/items?R=100&G=200&B=150")]
    [InlineData(Style.Form, false, "/items?color=R,100,G,200,B,150")]
    [InlineData(Style.DeepObject, true, "/items?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150")]
    public void Query_objects_follow_the_style(Style style, bool explode, string expected) =>
        Assert.Equal(expected, Uri(r => r.Query("color", Rgb, style, explode)));

    [Fact]
    public void Query_names_and_values_are_escaped_and_a_fixed_query_in_the_template_is_kept()
    {
        var uri = Uri(r =>
        {
            r.Query("project_ids[]", CodegenParameterValue.List(new[] { "a&b=c", "d" }, x => x));
            r.Query("q", CodegenParameterValue.Of("1+1 = 2"));
            r.Query("empty", CodegenParameterValue.List(Array.Empty<string>(), x => x));
        }, "/responses?beta=true");

        Assert.Equal("/responses?beta=true&project_ids%5B%5D=a%26b%3Dc&project_ids%5B%5D=d&q=1%2B1%20%3D%202", uri);
    }

    [Fact]
    public void Scalars_are_written_as_JSON_writes_them_in_any_culture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fi-FI");
        try
        {
            Assert.Equal("/items?t=0.7&n=-3&b=true", Uri(r =>
            {
                r.Query("t", CodegenParameterValue.Of(0.7));
                r.Query("n", CodegenParameterValue.Of(-3));
                r.Query("b", CodegenParameterValue.Of(true));
            }));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_value_through_JSON_gives_members_items_or_text()
    {
        var value = CodegenParameterValue.FromJson(w => { w.WriteStartObject(); w.WriteNumber("gt", 5); w.WriteString("name", "x y"); w.WriteStartArray("list"); w.WriteEndArray(); w.WriteEndObject(); });

        Assert.Equal(new[] { "gt=5", "name=x y", "list=[]" }, value.Pairs!.Select(p => p.Key + "=" + p.Value));
        Assert.Equal("/items?gt=5&name=x%20y&list=%5B%5D", Uri(r => r.Query("f", value)));
        Assert.Equal("auto", CodegenParameterValue.FromJson(w => w.WriteStringValue("auto")).Scalar);
    }

    [Fact]
    public void A_path_parameter_without_a_value_is_a_mistake_not_a_literal_brace() =>
        Assert.Contains("'model'", Assert.Throws<InvalidOperationException>(() => Uri(_ => { }, "/models/{model}")).Message);

    [Fact]
    public void NaN_is_not_sent_as_a_parameter() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CodegenParameterValue.Of(double.NaN));

    [Theory]
    [InlineData(CodegenClientRequest.Credential.Bearer, null, "Authorization", "Bearer sk-1")]
    [InlineData(CodegenClientRequest.Credential.Basic, null, "Authorization", "Basic dXNlcjpzay0x")]
    [InlineData(CodegenClientRequest.Credential.ApiKeyHeader, "X-Api-Key", "X-Api-Key", "sk-1")]
    [InlineData(CodegenClientRequest.Credential.ApiKeyCookie, "key", "Cookie", "session=a%20b; key=sk-1")]
    public void Credentials_go_where_the_scheme_says(CodegenClientRequest.Credential credential, string? name, string header, string expected)
    {
        var request = new CodegenClientRequest(HttpMethod.Get, "/me") { Security = credential, CredentialName = name };
        request.Cookie("session", CodegenParameterValue.Of("a b"));
        using var message = request.CreateMessage("https://api.example.com/v1", "sk-1", "user");

        Assert.Equal(expected, string.Join(",", message.Headers.GetValues(header)));
        Assert.Equal("https://api.example.com/v1/me", message.RequestUri!.OriginalString);
    }

    [Fact]
    public void An_API_key_in_the_query_is_escaped_and_no_credential_means_none()
    {
        var query = new CodegenClientRequest(HttpMethod.Get, "/me") { Security = CodegenClientRequest.Credential.ApiKeyQuery, CredentialName = "api_key" };
        query.Query("a", CodegenParameterValue.Of("1"));
        using var withKey = query.CreateMessage("https://h", "k&y", null);
        using var none = new CodegenClientRequest(HttpMethod.Get, "/me") { Security = CodegenClientRequest.Credential.None }.CreateMessage("https://h", "sk-1", null);

        Assert.Equal("https://h/me?a=1&api_key=k%26y", withKey.RequestUri!.OriginalString);
        Assert.Null(none.Headers.Authorization);
        Assert.False(withKey.Headers.Contains("Authorization"));
    }

    [Fact]
    public async Task A_form_body_writes_lists_as_repeated_fields_and_objects_as_their_members()
    {
        var form = new CodegenClientContent.Form()
            .Add("name", CodegenParameterValue.Of("a b&c"))
            .Add("tag", CodegenParameterValue.List(new[] { "x", "y" }, x => x))
            .Add("filter", CodegenParameterValue.FromJson(w => { w.WriteStartObject(); w.WriteNumber("gt", 1); w.WriteEndObject(); }));

        using var content = form.Create();

        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
        Assert.Equal("name=a+b%26c&tag=x&tag=y&gt=1", await content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_field_is_written_in_the_style_its_encoding_gives()
    {
        static CodegenParameterValue Object() => CodegenParameterValue.FromJson(w => { w.WriteStartObject(); w.WriteString("k", "v"); w.WriteNumber("n", 2); w.WriteEndObject(); });
        var list = CodegenParameterValue.List(new[] { "x", "y z" }, x => x);
        var form = new CodegenClientContent.Form()
            .Add("spaces", list, CodegenClientRequest.Style.SpaceDelimited, false)
            .Add("pipes", list, CodegenClientRequest.Style.PipeDelimited, false)
            .Add("commas", list, CodegenClientRequest.Style.Form, false)
            .Add("flat", Object(), CodegenClientRequest.Style.Form, false)
            .Add("deep", Object(), CodegenClientRequest.Style.DeepObject, true)
            .Add("none", CodegenParameterValue.List(Array.Empty<string>(), x => x), CodegenClientRequest.Style.Form, false);

        using var content = form.Create();

        Assert.Equal("spaces=x+y+z&pipes=x%7Cy+z&commas=x%2Cy+z&flat=k%2Cv%2Cn%2C2&deep%5Bk%5D=v&deep%5Bn%5D=2", await content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_multipart_body_arrives_as_fields_JSON_and_files_that_a_server_reads_back()
    {
        var received = new List<string>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var form = await context.Request.ReadFormAsync();
            foreach (var field in form)
            {
                received.Add($"{field.Key}={string.Join("|", field.Value.ToArray())}");
            }

            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                received.Add($"file {file.Name} {file.FileName} {file.ContentType} {await reader.ReadToEndAsync()}");
            }

        });
        var audio = new MemoryStream(Encoding.UTF8.GetBytes("RIFF-audio"));
        var multipart = new CodegenClientContent.Multipart()
            .Add("model", "whisper-1")
            .Add("timestamp_granularities[]", CodegenParameterValue.List(new[] { "word", "segment" }, x => x))
            .AddJson("chunking_strategy", w => w.WriteStringValue("auto"))
            .AddJson("metadata", w => { w.WriteStartObject(); w.WriteString("k", "v"); w.WriteEndObject(); })
            .AddFile("file", new CodegenFile(audio, "speech é.wav", "audio/wav"));

        // Twice, as a retry would send it: the file is read from its start each time and never disposed.
        for (var i = 0; i < 2; i++)
        {
            received.Clear();
            using var http = new HttpClient();
            using var response = await http.PostAsync(server.BaseAddress, multipart.Create());
            response.EnsureSuccessStatusCode();
        }

        Assert.True(multipart.IsRepeatable);
        Assert.Contains("model=whisper-1", received);
        Assert.Contains("timestamp_granularities[]=word|segment", received);
        Assert.Contains("chunking_strategy=auto", received);
        Assert.Contains("file file speech é.wav audio/wav RIFF-audio", received);
        Assert.Contains("metadata={\"k\":\"v\"}", received);
        Assert.True(audio.CanRead);
    }

    [Fact]
    public void A_body_whose_file_cannot_seek_is_not_repeatable()
    {
        var once = new CodegenClientContent.Multipart().AddFile("file", new CodegenFile(new NonSeekable(new byte[3])));
        Assert.False(once.IsRepeatable);
        Assert.False(CodegenClientContent.File(new CodegenFile(new NonSeekable(new byte[3])), "application/octet-stream").IsRepeatable);
    }

    [Fact]
    public async Task A_request_whose_file_cannot_seek_is_sent_once_even_when_the_server_asks_for_a_retry()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        using var http = new HttpClient();
        var pipeline = server.Pipeline(http);
        var request = new CodegenClientRequest(HttpMethod.Post, "/upload") { Content = CodegenClientContent.File(new CodegenFile(new NonSeekable(new byte[] { 1, 2, 3 })), "application/octet-stream") };

        var error = await Assert.ThrowsAsync<CodegenApiException>(() => pipeline.SendAsync(request, CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_documented_error_body_is_read_onto_the_exception()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"message":"No such model","type":"invalid_request_error","code":"model_not_found"}}""");
        });
        using var http = new HttpClient();
        var request = new CodegenClientRequest(HttpMethod.Get, "/models/{model}")
        {
            ReadError = (status, bytes) => status == 404 ? "documented: " + Encoding.UTF8.GetString(bytes).Length : null,
        };
        request.Path("model", CodegenParameterValue.Of("nope"));

        var error = await Assert.ThrowsAsync<CodegenApiException>(() => server.Pipeline(http).SendAsync(request, CancellationToken.None));

        Assert.Equal("documented: 93", error.Error);
        Assert.Equal("No such model", error.ErrorMessage);
        Assert.Contains("GET /models/{model} failed with 404", error.Message);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
