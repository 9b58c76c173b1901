using CSharpKernel.Interpreter;
using Microsoft.Data.Sqlite;

namespace CSharpKernel.History;

/// <summary>
/// The history tables and IPython's three ways to read them. Opening one starts a new session,
/// numbered after every session the file has seen. Not thread-safe: the history store owns it.
/// </summary>
internal sealed class HistoryDatabase : IDisposable
{
    private const string Schema = """
        PRAGMA busy_timeout = 5000;
        CREATE TABLE IF NOT EXISTS sessions (session INTEGER PRIMARY KEY AUTOINCREMENT, start TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS history (
            session INTEGER NOT NULL, line INTEGER NOT NULL, input TEXT NOT NULL, output TEXT,
            PRIMARY KEY (session, line));
        """;

    private const string Columns = "SELECT session, line, input, output FROM history";

    private readonly SqliteConnection _connection;

    private HistoryDatabase(SqliteConnection connection, int session)
    {
        _connection = connection;
        Session = session;
    }

    /// <summary>This kernel's session number.</summary>
    public int Session { get; }

    /// <summary>Opens (creating if need be) the database at a path, or a private one in memory when the path is null.</summary>
    public static HistoryDatabase Open(string? path)
    {
        if (path is not null)
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            if (path is not null)
                Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, Schema);
            using var start = connection.CreateCommand();
            start.CommandText = "INSERT INTO sessions (start) VALUES ($start); SELECT last_insert_rowid();";
            start.Parameters.AddWithValue("$start", DateTime.UtcNow.ToString("o"));
            return new HistoryDatabase(connection, Convert.ToInt32(start.ExecuteScalar()));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Add(int line, string input, string? output)
    {
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT OR REPLACE INTO history (session, line, input, output) VALUES ($session, $line, $input, $output)";
        insert.Parameters.AddWithValue("$session", Session);
        insert.Parameters.AddWithValue("$line", line);
        insert.Parameters.AddWithValue("$input", input);
        insert.Parameters.AddWithValue("$output", (object?)output ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }

    /// <summary>The last <paramref name="n"/> entries of all sessions, oldest first; null means all.</summary>
    public IReadOnlyList<HistoryEntry> Tail(int? n) =>
        Oldest(Read($"{Columns} ORDER BY session DESC, line DESC LIMIT $n", ("$n", Limit(n))));

    /// <summary>
    /// Lines start (inclusive) to stop (exclusive, null for the end) of one session; a session of
    /// zero or less counts back from this one (0 is this session, -1 the one before).
    /// </summary>
    public IReadOnlyList<HistoryEntry> Range(int session, int start, int? stop) =>
        Read($"{Columns} WHERE session = $session AND line >= $start AND ($stop IS NULL OR line < $stop) ORDER BY line",
            ("$session", session <= 0 ? session + Session : session), ("$start", start), ("$stop", (object?)stop ?? DBNull.Value));

    /// <summary>
    /// Inputs matching a glob (<c>*</c>, <c>?</c>, case-sensitive, as IPython's search), oldest
    /// first; the last <paramref name="n"/> when given; with unique, each input once, at its latest.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Search(string pattern, int? n, bool unique)
    {
        var source = unique
            ? """
              SELECT session, line, input, output FROM (
                  SELECT *, ROW_NUMBER() OVER (PARTITION BY input ORDER BY session DESC, line DESC) AS latest
                  FROM history WHERE input GLOB $pattern)
              WHERE latest = 1
              """
            : $"{Columns} WHERE input GLOB $pattern";
        return Oldest(Read($"{source} ORDER BY session DESC, line DESC LIMIT $n", ("$pattern", pattern), ("$n", Limit(n))));
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>SQLite reads a negative LIMIT as no limit at all.</summary>
    private static long Limit(int? n) => n is { } count ? Math.Max(count, 0) : -1;

    private static List<HistoryEntry> Oldest(List<HistoryEntry> newestFirst)
    {
        newestFirst.Reverse();
        return newestFirst;
    }

    private List<HistoryEntry> Read(string sql, params (string Name, object Value)[] parameters)
    {
        using var query = _connection.CreateCommand();
        query.CommandText = sql;
        foreach (var (name, value) in parameters)
            query.Parameters.AddWithValue(name, value);
        using var reader = query.ExecuteReader();
        var entries = new List<HistoryEntry>();
        while (reader.Read())
            entries.Add(new HistoryEntry(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return entries;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
