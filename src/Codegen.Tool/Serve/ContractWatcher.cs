namespace Codegen.Tool.Serve;

/// <summary>
/// Calls back when a file changes, once per burst of changes: editors write a file in several steps
/// (truncate, write, or write a copy and rename it over the original), so events are gathered for a
/// short quiet period first. Callbacks never overlap.
/// </summary>
public sealed class ContractWatcher : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly Func<Task> _changed;
    private readonly string _fileName;

    public ContractWatcher(string path, Func<Task> changed)
    {
        _changed = changed;
        _fileName = Path.GetFileName(path);
        _timer = new Timer(_ => _ = FireAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(Path.GetFullPath(path))!, _fileName)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += (_, _) => Schedule();
        _watcher.Created += (_, _) => Schedule();
        _watcher.Renamed += (_, e) =>
        {
            if (string.Equals(e.Name, _fileName, StringComparison.Ordinal))
            {
                Schedule();
            }
        };
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void Schedule() => _timer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);

    private async Task FireAsync()
    {
        await _running.WaitAsync();
        try
        {
            await _changed();
        }
        finally
        {
            _running.Release();
        }
    }
}
