using CSharpKernel.History;
using CSharpKernel.Interpreter;

namespace CSharpKernel.Tests.History;

public sealed class HistoryStoreTests
{
    [Test]
    public void A_query_sees_every_cell_recorded_before_it()
    {
        using var store = new HistoryStore(null);
        for (var line = 1; line <= 50; line++)
            store.Record(line, $"cell {line}", null);
        Assert.That(store.Query(database => database.Tail(null)), Has.Count.EqualTo(50));
    }

    [Test]
    public void A_file_that_cannot_be_opened_leaves_history_in_memory_for_this_session()
    {
        var file = Path.GetTempFileName();
        try
        {
            // A path below a regular file can never be created.
            using var store = new HistoryStore(Path.Combine(file, "history.sqlite"));
            store.Record(1, "still recorded", null);
            Assert.That(store.Query(database => database.Tail(1)).Single().Input, Is.EqualTo("still recorded"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Cells_recorded_before_disposal_reach_the_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"history-test-{Guid.NewGuid():N}");
        var path = Path.Combine(directory, "history.sqlite");
        try
        {
            using (var store = new HistoryStore(path))
                store.Record(1, "written on the way out", "1");
            using var database = HistoryDatabase.Open(path);
            Assert.That(database.Range(-1, 0, null).Single(), Is.EqualTo(new HistoryEntry(database.Session - 1, 1, "written on the way out", "1")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
