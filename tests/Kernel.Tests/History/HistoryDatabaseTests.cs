using CSharpKernel.History;

namespace CSharpKernel.Tests.History;

/// <summary>IPython's history semantics over a real SQLite file, one database per test.</summary>
public sealed class HistoryDatabaseTests
{
    private string _path = "";

    [SetUp]
    public void CreatePath() => _path = Path.Combine(Path.GetTempPath(), $"history-test-{Guid.NewGuid():N}", "history.sqlite");

    [TearDown]
    public void DeleteDatabase()
    {
        if (Directory.Exists(Path.GetDirectoryName(_path)))
            Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    [Test]
    public void Each_opening_starts_a_later_session()
    {
        int first, second;
        using (var database = HistoryDatabase.Open(_path))
            first = database.Session;
        using (var database = HistoryDatabase.Open(_path))
            second = database.Session;
        Assert.That(second, Is.GreaterThan(first));
    }

    [Test]
    public void Tail_returns_the_last_n_entries_across_sessions_oldest_first()
    {
        int earlier;
        using (var database = HistoryDatabase.Open(_path))
        {
            earlier = database.Session;
            database.Add(1, "a", null);
            database.Add(2, "b", null);
        }
        using var current = HistoryDatabase.Open(_path);
        current.Add(1, "c", null);

        var tail = current.Tail(2);
        Assert.That(tail.Select(e => (e.Session, e.Line, e.Input)),
            Is.EqualTo(new[] { (earlier, 2, "b"), (current.Session, 1, "c") }));
        Assert.That(current.Tail(null), Has.Count.EqualTo(3), "no n means everything");
    }

    [Test]
    public void Range_stops_before_stop_and_runs_to_the_end_without_one()
    {
        using var database = HistoryDatabase.Open(_path);
        for (var line = 1; line <= 5; line++)
            database.Add(line, $"cell {line}", null);

        Assert.That(database.Range(database.Session, 2, 4).Select(e => e.Line), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(database.Range(database.Session, 4, null).Select(e => e.Line), Is.EqualTo(new[] { 4, 5 }));
    }

    [Test]
    public void Range_counts_sessions_back_from_this_one_when_zero_or_negative()
    {
        using (var first = HistoryDatabase.Open(_path))
            first.Add(1, "from the previous session", null);
        using var database = HistoryDatabase.Open(_path);
        database.Add(1, "from this session", null);

        Assert.That(database.Range(0, 0, null).Single().Input, Is.EqualTo("from this session"));
        Assert.That(database.Range(-1, 0, null).Single().Input, Is.EqualTo("from the previous session"));
    }

    [Test]
    public void Search_matches_globs_with_star_and_question_mark_case_sensitively()
    {
        using var database = HistoryDatabase.Open(_path);
        database.Add(1, "var x = 1;", null);
        database.Add(2, "var y = 2;", null);
        database.Add(3, "Console.WriteLine(x);", null);
        database.Add(4, "VAR z = 3;", null);

        Assert.That(database.Search("var ?*", null, false).Select(e => e.Line), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(database.Search("*x*", null, false).Select(e => e.Line), Is.EqualTo(new[] { 1, 3 }));
        Assert.That(database.Search("var ? = 2;", null, false).Select(e => e.Line), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Search_with_n_keeps_the_latest_n_matches_oldest_first()
    {
        using var database = HistoryDatabase.Open(_path);
        for (var line = 1; line <= 4; line++)
            database.Add(line, $"x{line}", null);

        Assert.That(database.Search("x*", 2, false).Select(e => e.Input), Is.EqualTo(new[] { "x3", "x4" }));
    }

    [Test]
    public void Unique_search_lists_each_input_once_at_its_latest_run()
    {
        using var database = HistoryDatabase.Open(_path);
        database.Add(1, "a", null);
        database.Add(2, "b", null);
        database.Add(3, "a", null);

        var unique = database.Search("*", null, true);
        Assert.That(unique.Select(e => (e.Line, e.Input)), Is.EqualTo(new[] { (2, "b"), (3, "a") }));
    }

    [Test]
    public void Outputs_are_kept_beside_their_inputs()
    {
        using var database = HistoryDatabase.Open(_path);
        database.Add(1, "6*7", "42");
        database.Add(2, "var x = 1;", null);

        var entries = database.Range(0, 1, null);
        Assert.That(entries.Select(e => e.Output), Is.EqualTo(new[] { "42", null }));
    }

    [Test]
    public void A_database_in_memory_works_for_one_session()
    {
        using var database = HistoryDatabase.Open(null);
        database.Add(1, "in memory", null);
        Assert.That(database.Tail(10).Single().Input, Is.EqualTo("in memory"));
    }
}
