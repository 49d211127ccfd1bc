using Codegen.Contracts.Reading;

namespace Codegen.ContractServer;

/// <summary>How to start a <see cref="ContractServer"/>: the contract (a path or its text) and where to listen.</summary>
public sealed class ContractServerOptions
{
    /// <summary>Path of the contract file; used when <see cref="ContractText"/> is null.</summary>
    public string? ContractPath { get; set; }

    /// <summary>The contract itself, for callers that have it in memory.</summary>
    public string? ContractText { get; set; }

    /// <summary>
    /// The contract with what a project says about it (an overlay, a selection of operations, namespace and prefix), as
    /// <c>codegen serve</c> passes it; when set, <see cref="ContractPath"/> and <see cref="ContractText"/> are not read.
    /// </summary>
    public ContractInput? Input { get; set; }

    /// <summary>Kestrel URLs. The default listens on a free loopback port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>When set, requests must carry <c>Authorization: Bearer {ApiKey}</c>, else 401.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Log requests to the console (the command line turns it on; in-process servers stay quiet).</summary>
    public bool Logging { get; set; }

    /// <summary>
    /// Origins allowed to call the server from a browser (CORS); <c>*</c> allows any. Null or empty: no
    /// CORS headers, as before.
    /// </summary>
    public IReadOnlyList<string>? CorsOrigins { get; set; }

    /// <summary>Called once per answered request (after the answer, streams included); null logs nothing.</summary>
    public Action<ContractServerRequest>? RequestLog { get; set; }
}
