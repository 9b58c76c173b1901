using CSharpKernel.History;

namespace CSharpKernel.Tests.History;

public sealed class HistoryLocationTests
{
    [Test]
    public void The_database_lives_in_the_xdg_data_directory()
    {
        var path = HistoryLocation.Resolve(name => name == "XDG_DATA_HOME" ? "/data/home" : null);
        Assert.That(path, Is.EqualTo("/data/home/csharp-kernel/history.sqlite"));
    }

    [Test]
    public void Without_xdg_it_lives_under_the_home_directory()
    {
        var path = HistoryLocation.Resolve(_ => null);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.That(path, Is.EqualTo(Path.Combine(home, ".local", "share", "csharp-kernel", "history.sqlite")));
    }

    [Test]
    public void The_environment_variable_names_the_file_or_turns_persistence_off()
    {
        Assert.That(HistoryLocation.Resolve(name => name == HistoryLocation.Variable ? "/tmp/h.sqlite" : null), Is.EqualTo("/tmp/h.sqlite"));
        Assert.That(HistoryLocation.Resolve(name => name == HistoryLocation.Variable ? "off" : "/ignored"), Is.Null);
    }
}
