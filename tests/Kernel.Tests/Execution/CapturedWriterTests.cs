using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

public sealed class CapturedWriterTests
{
    private RecordingSink _sink = null!;
    private CapturedWriter _writer = null!;

    [SetUp]
    public void CreateWriter()
    {
        var sink = new RecordingSink();
        _sink = sink;
        _writer = new CapturedWriter("stdout", () => sink);
    }

    [Test]
    public void A_periodic_flush_sends_complete_lines_and_leaves_a_fresh_prompt_for_a_read()
    {
        _writer.Write("Welcome\nName: ");
        _writer.FlushCompleteLines();
        Assert.That(_sink.Streams, Is.EqualTo(new[] { ("stdout", "Welcome\n") }));
        Assert.That(_writer.TakePartialLine(), Is.EqualTo("Name: "));
    }

    [Test]
    public void An_unfinished_line_goes_out_with_the_next_periodic_flush()
    {
        _writer.Write("working");
        _writer.FlushCompleteLines();
        _writer.Write("...");
        _writer.FlushCompleteLines();
        Assert.That(_sink.Streams, Is.EqualTo(new[] { ("stdout", "working...") }), "progress written without newlines is not held back for long");
    }

    [Test]
    public void An_explicit_flush_sends_everything()
    {
        _writer.Write("done\nNo newline");
        _writer.Flush();
        Assert.That(_sink.Streams, Is.EqualTo(new[] { ("stdout", "done\nNo newline") }));
    }
}
