namespace Codegen.Runtime;

/// <summary>Settings of a <see cref="CodegenClient"/>. The client copies them when it is created.</summary>
public sealed partial class CodegenClientOptions
{
    private global::System.Uri? _baseUri;

    /// <summary>Creates options with the contract's defaults: its default server, and the API key from the environment variable it names.</summary>
    public CodegenClientOptions()
    {
        ApplyContractDefaults();
        BaseUriChosen = false;
    }

    /// <summary>
    /// The server's base address; operation paths are appended to it. Set here, it serves every operation; left at the
    /// contract's default, an operation that names its own server goes there.
    /// </summary>
    public global::System.Uri? BaseUri
    {
        get => _baseUri;
        set
        {
            _baseUri = value;
            BaseUriChosen = true;
        }
    }

    /// <summary>
    /// The secret sent with every request that needs one: a bearer token, an API key in the header, query parameter or
    /// cookie the contract names, or the password of basic authentication. Never written to messages, logs or activities.
    /// </summary>
    [global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]
    public string? ApiKey { get; set; }

    /// <summary>The user name of basic authentication (the contract's <c>http</c> scheme <c>basic</c>); <see cref="ApiKey"/> is the password.</summary>
    public string? UserName { get; set; }

    /// <summary>How long one attempt may take: until the whole body has arrived, or between two events of a stream, or for each read of a streamed binary body.</summary>
    public global::System.TimeSpan Timeout { get; set; } = global::System.TimeSpan.FromSeconds(100);

    /// <summary>How many times a failed attempt is retried (408, 409, 429, 5xx gateway errors, connection failures, timeouts).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first backoff delay; it doubles with every retry, with jitter.</summary>
    public global::System.TimeSpan RetryBaseDelay { get; set; } = global::System.TimeSpan.FromSeconds(0.5);

    /// <summary>The longest backoff delay.</summary>
    public global::System.TimeSpan MaxRetryDelay { get; set; } = global::System.TimeSpan.FromSeconds(8);

    /// <summary>The longest <c>Retry-After</c> the client waits for; a longer one fails at once.</summary>
    public global::System.TimeSpan MaxRetryAfter { get; set; } = global::System.TimeSpan.FromSeconds(60);

    /// <summary>Whether requests are validated against the contract before they are sent.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>The largest response body read into memory, in bytes; a binary answer, streamed to the caller, is not bounded by it.</summary>
    public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>The largest server-sent event read, in bytes.</summary>
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Whether a stream must end with the terminator the contract declares (e.g. <c>data: [DONE]</c>). A stream whose
    /// body ends without it was cut short, and throws; set this to false only for a server known to omit it.
    /// </summary>
    public bool RequireStreamTerminator { get; set; } = true;

    /// <summary>Lists the settings, without the API key.</summary>
    public override string ToString() =>
        "BaseUri=" + BaseUri + ", ApiKey=" + (string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)") + ", Timeout=" + Timeout + ", MaxRetries=" + MaxRetries;

    /// <summary>True when <see cref="BaseUri"/> was set after the contract's defaults: it then wins over every operation's own server.</summary>
    internal bool BaseUriChosen { get; private set; }

    internal CodegenClientOptions Clone() => (CodegenClientOptions)MemberwiseClone();

    /// <summary>Sets <see cref="BaseUri"/> and <see cref="ApiKey"/> from the contract; written by the generator, per contract.</summary>
    partial void ApplyContractDefaults();
}
