using System.Collections.Concurrent;
using CSharpKernel.Interpreter;
using CSharpKernel.Logging;
using CSharpKernel.Protocol;

namespace CSharpKernel.History;

/// <summary>
/// Keeps the history database on a thread of its own: recording a cell only enqueues it, so the
/// executor never waits for the disk, and a query runs after every write enqueued before it, so
/// it sees each cell already answered. A database that cannot be opened is reported once and
/// replaced by one in memory, so this session's history still works.
/// </summary>
internal sealed class HistoryStore : IDisposable
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly BlockingCollection<Action<HistoryDatabase?>> _work = new();
    private readonly Thread _thread;
    private readonly string? _path;
    private bool _writeFailureReported;

    public HistoryStore(string? path)
    {
        _path = path;
        _thread = new Thread(Loop) { IsBackground = true, Name = "history" };
        _thread.Start();
    }

    public void Record(int line, string input, string? output)
    {
        if (!_work.IsAddingCompleted)
            _work.Add(database => database?.Add(line, input, output));
    }

    /// <summary>What a history_request asks for: IPython's tail, range or search.</summary>
    public IReadOnlyList<HistoryEntry> Read(HistoryRequest request) => request.HistAccessType switch
    {
        "tail" => Query(database => database.Tail(request.N)),
        "range" => Query(database => database.Range(request.Session ?? 0, request.Start ?? 0, request.Stop)),
        "search" => Query(database => database.Search(request.Pattern ?? "*", request.N, request.Unique)),
        var other => Unknown(other),
    };

    /// <summary>Runs a read on the history thread and waits for it; empty if history is unavailable.</summary>
    public IReadOnlyList<HistoryEntry> Query(Func<HistoryDatabase, IReadOnlyList<HistoryEntry>> read)
    {
        var result = new TaskCompletionSource<IReadOnlyList<HistoryEntry>>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _work.Add(database =>
            {
                try
                {
                    result.SetResult(database is null ? [] : read(database));
                }
                catch (Exception exception)
                {
                    result.SetException(exception);
                }
            });
        }
        catch (InvalidOperationException)
        {
            return [];
        }
        try
        {
            if (result.Task.Wait(QueryTimeout))
                return result.Task.Result;
            KernelLog.Warn("history: a query did not finish in time");
        }
        catch (AggregateException exception)
        {
            KernelLog.Warn($"history: query failed: {exception.InnerException?.Message}");
        }
        return [];
    }

    /// <summary>Writes what is still queued, then closes the database.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(DrainTimeout);
    }

    private void Loop()
    {
        using var database = Open();
        foreach (var work in _work.GetConsumingEnumerable())
        {
            try
            {
                work(database);
            }
            catch (Exception exception) when (!_writeFailureReported)
            {
                _writeFailureReported = true;
                KernelLog.Warn($"history: cannot write ({exception.Message}); later failures are not reported");
            }
            catch (Exception)
            {
                // Reported once above: a full disk would otherwise fill the log one cell at a time.
            }
        }
    }

    private HistoryDatabase? Open()
    {
        try
        {
            var database = HistoryDatabase.Open(_path);
            KernelLog.Debug($"history: session {database.Session} in {_path ?? "memory"}");
            return database;
        }
        catch (Exception exception) when (_path is not null)
        {
            KernelLog.Warn($"history: cannot open {_path} ({exception.Message}); keeping this session's history in memory only");
            return TryOpenInMemory();
        }
        catch (Exception exception)
        {
            KernelLog.Warn($"history: unavailable ({exception.Message})");
            return null;
        }
    }

    private static HistoryDatabase? TryOpenInMemory()
    {
        try
        {
            return HistoryDatabase.Open(null);
        }
        catch (Exception exception)
        {
            KernelLog.Warn($"history: unavailable ({exception.Message})");
            return null;
        }
    }

    private static IReadOnlyList<HistoryEntry> Unknown(string accessType)
    {
        KernelLog.Warn($"history_request with unknown hist_access_type '{accessType}': answering with no history");
        return [];
    }
}
