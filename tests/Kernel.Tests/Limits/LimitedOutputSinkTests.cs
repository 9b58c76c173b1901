using CSharpKernel.Execution;
using CSharpKernel.Tests.Execution;

namespace CSharpKernel.Tests.Limits;

/// <summary>The cut at the output limit, at the seam: exact to the byte, never through a character.</summary>
public sealed class LimitedOutputSinkTests
{
    [Test]
    public void Text_is_cut_at_the_limit_and_the_rest_counted_once()
    {
        var recorded = new RecordingSink();
        var sink = new LimitedOutputSink(recorded, limit: 10);
        sink.Stream(StreamName.Stdout, "12345678");
        sink.Stream(StreamName.Stdout, "abcdef");
        sink.Stream(StreamName.Stdout, "dropped");
        sink.ReportDropped();
        sink.ReportDropped();
        Assert.That(recorded.Streams, Is.EqualTo(new[]
        {
            (StreamName.Stdout, "12345678"),
            (StreamName.Stdout, "ab"),
            (StreamName.Stderr, "[output limit: 10 B per cell reached; 11 B dropped (CSHARP_KERNEL_OUTPUT_LIMIT_KB)]\n"),
        }));
    }

    [Test]
    public void A_character_that_does_not_fit_whole_is_dropped_whole()
    {
        var recorded = new RecordingSink();
        var sink = new LimitedOutputSink(recorded, limit: 5);
        // "é" is two bytes in UTF-8 and the emoji four (a surrogate pair): neither may be split.
        sink.Stream(StreamName.Stdout, "abcé😀");
        Assert.That(recorded.Streams.Single().Text, Is.EqualTo("abcé"));
        var second = new RecordingSink();
        new LimitedOutputSink(second, limit: 6).Stream(StreamName.Stdout, "ab😀😀");
        Assert.That(second.Streams.Single().Text, Is.EqualTo("ab😀"));
        var third = new RecordingSink();
        new LimitedOutputSink(third, limit: 5).Stream(StreamName.Stdout, "abc😀");
        Assert.That(third.Streams.Single().Text, Is.EqualTo("abc"));
    }

    [Test]
    public void Sizes_read_as_people_write_them()
    {
        Assert.That(LimitErrors.OutputDropped(4L << 20, (long)(12.3 * (1 << 20))),
            Is.EqualTo("[output limit: 4 MiB per cell reached; 12.3 MiB dropped (CSHARP_KERNEL_OUTPUT_LIMIT_KB)]"));
        Assert.That(ByteSize.Format(512 << 10), Is.EqualTo("512 KiB"));
    }
}
