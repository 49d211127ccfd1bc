using System.Diagnostics;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Evolution;
using Codegen.Contracts.Model;
using Codegen.Emitters.Planning;
using Codegen.Tool.Inputs;

namespace Codegen.Tool.Diff;

/// <summary>
/// One side of a diff: a contract file, or a file at a git revision (<c>HEAD~1:schema/api.json</c>, read with
/// <c>git show</c>), read by the one parser with the command's contract options.
/// </summary>
public static class ContractVersion
{
    /// <summary>Reads <paramref name="spec"/>; null with <paramref name="error"/> (it cannot be read) or <paramref name="errors"/> (it has contract errors).</summary>
    /// <param name="gitDirectory">Where git runs for a revision: a folder of the repository that holds the contract.</param>
    /// <param name="namedAs">
    /// The file whose name the contract's names derive from, when not its own: the old version of a diff is read as the new
    /// one is named, as the build's guard reads a baseline, so that a contract without <c>x-codegen</c> (named by its file)
    /// keeps its names across two files. Positions and diagnostics still name <paramref name="spec"/>.
    /// </param>
    public static ContractSnapshot? Read(string spec, ContractSettings settings, out InputError? error, out IReadOnlyList<ContractDiagnostic> errors, CancellationToken cancellationToken, string? gitDirectory = null, string? namedAs = null)
    {
        errors = [];
        var file = IsRevision(spec) ? FromGit(spec, gitDirectory, out error) : ContractReader.Read(spec, out error);
        if (file is null)
        {
            return null;
        }

        ContractFile? overlay = null;
        if (settings.Overlay is { } overlayPath && (overlay = ContractReader.Read(overlayPath, out var overlayError)) is null)
        {
            error = overlayError;
            return null;
        }

        // Named as the other file, in its own format (the extension tells JSON from YAML).
        var readAs = namedAs is null ? file.Path : Path.Combine(Path.GetDirectoryName(namedAs) ?? string.Empty, Path.GetFileNameWithoutExtension(namedAs) + Path.GetExtension(file.Path));
        var snapshot = ContractSnapshot.Read(settings.ToInput(file with { Path = readAs }, overlay), file.Path, out var result, cancellationToken);
        errors = result.Diagnostics
            .Where(d => DiagnosticBag.SeverityOf(d.Id) == ContractSeverity.Error)
            .Select(d => d with { Location = d.Location.Relocated(readAs, file.Path) })
            .ToList();
        return snapshot;
    }

    /// <summary>A revision and a path (<c>HEAD~1:schema/x.json</c>, <c>main:openapi.yaml</c>) rather than a file: no such file exists and a colon follows the revision.</summary>
    public static bool IsRevision(string spec)
    {
        if (File.Exists(spec) || Directory.Exists(spec))
        {
            return false;
        }

        var colon = spec.IndexOf(':');
        // "C:\..." is a Windows drive, not a revision.
        return colon > 0 && !(colon == 1 && spec.Length > 2 && spec[2] is '\\' or '/');
    }

    private static ContractFile? FromGit(string spec, string? directory, out InputError? error)
    {
        error = null;
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory is { Length: > 0 } && Directory.Exists(directory) ? directory : Directory.GetCurrentDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add("show");
        start.ArgumentList.Add(spec);
        try
        {
            using var git = Process.Start(start)!;
            var standardError = git.StandardError.ReadToEndAsync();
            var text = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode != 0)
            {
                error = new InputError(spec, $"'{spec}' could not be read from git: {standardError.Result.Trim()}");
                return null;
            }

            // The spec names the file in messages and positions; its extension tells JSON from YAML.
            return new ContractFile(spec, text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            error = new InputError(spec, $"'{spec}' names a git revision, but git could not be run: {ex.Message}");
            return null;
        }
    }
}
