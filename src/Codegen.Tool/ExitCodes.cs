namespace Codegen.Tool;

/// <summary>The tool's exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>Done; no error (warnings allowed unless <c>--warnaserror</c>).</summary>
    public const int Success = 0;

    /// <summary>A contract has errors, or cannot be read (missing, a folder, not text, too large), or the server cannot start.</summary>
    public const int Errors = 1;

    /// <summary>The command line is wrong: an unknown command or option, a missing or malformed argument.</summary>
    public const int Usage = 2;
}
