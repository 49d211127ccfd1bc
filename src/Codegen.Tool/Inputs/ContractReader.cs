using System.Globalization;
using System.Text;
using Codegen.Emitters.Planning;

namespace Codegen.Tool.Inputs;

/// <summary>A contract named on the command line that cannot be read, and why, in words for the user.</summary>
public sealed record InputError(string Path, string Message);

/// <summary>
/// Reads a contract file the way the compiler reads an additional file (UTF-8, or UTF-16 with a byte
/// order mark; the mark is not part of the text), and refuses with a clear message what is no contract:
/// a missing path, a folder, a binary file, text that is not UTF-8, or a file too large to be one.
/// </summary>
public static class ContractReader
{
    /// <summary>The largest contract read: almost five times the whole OpenAI API (3.4 MB).</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ContractFile? Read(string path, out InputError? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            error = new InputError(path, "An empty path names no contract.");
            return null;
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = new InputError(path, $"'{path}' is not a valid path ({ex.Message}).");
            return null;
        }

        if (Directory.Exists(fullPath))
        {
            var candidates = Directory.EnumerateFiles(fullPath, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(3).ToList();
            var hint = candidates.Count == 0 ? string.Empty : $" (it holds {string.Join(", ", candidates)})";
            error = new InputError(path, $"'{path}' is a folder; name a contract file in it{hint}.");
            return null;
        }

        if (!File.Exists(fullPath))
        {
            error = new InputError(path, $"'{path}' does not exist.");
            return null;
        }

        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > MaxBytes)
            {
                error = new InputError(path, $"'{path}' is {Megabytes(length)} MB; a contract may be at most {Megabytes(MaxBytes)} MB.");
                return null;
            }

            var bytes = File.ReadAllBytes(fullPath);
            var text = Decode(bytes, out var problem);
            if (text is null)
            {
                error = new InputError(path, $"'{path}' {problem}");
                return null;
            }

            return new ContractFile(fullPath, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = new InputError(path, $"'{path}' cannot be read: {ex.Message}");
            return null;
        }
    }

    private static string? Decode(byte[] bytes, out string? problem)
    {
        problem = null;
        if (bytes is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var nul = Array.IndexOf(bytes, (byte)0, start);
        if (nul >= 0)
        {
            problem = $"is not a text file (a NUL byte at offset {nul}); a contract is a JSON file in UTF-8.";
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index >= 0 ? $" at offset {ex.Index + start}" : string.Empty;
            problem = $"is not UTF-8 text (an invalid byte{offset}); save the contract as UTF-8.";
            return null;
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
}
