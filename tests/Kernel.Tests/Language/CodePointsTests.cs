using CSharpKernel.Language;

namespace CSharpKernel.Tests.Language;

public sealed class CodePointsTests
{
    private const string Emoji = "\U0001F600";

    [Test]
    public void An_emoji_is_one_code_point_but_two_utf16_units()
    {
        var text = $"a{Emoji}b";
        Assert.That(CodePoints.ToUtf16(text, 2), Is.EqualTo(3));
        Assert.That(CodePoints.FromUtf16(text, 3), Is.EqualTo(2));
    }

    [Test]
    public void Positions_round_trip_through_every_code_point()
    {
        var text = $"{Emoji}x{Emoji}{Emoji}é";
        var codePoints = text.EnumerateRunes().Count();
        for (var position = 0; position <= codePoints; position++)
            Assert.That(CodePoints.FromUtf16(text, CodePoints.ToUtf16(text, position)), Is.EqualTo(position));
    }

    [Test]
    public void Plain_ascii_positions_are_unchanged()
    {
        Assert.That(CodePoints.ToUtf16("Console.", 8), Is.EqualTo(8));
        Assert.That(CodePoints.FromUtf16("Console.", 8), Is.EqualTo(8));
    }

    [Test]
    public void Positions_past_the_end_are_clamped_to_the_text()
    {
        Assert.That(CodePoints.ToUtf16(Emoji, 5), Is.EqualTo(2));
        Assert.That(CodePoints.FromUtf16(Emoji, 9), Is.EqualTo(1));
        Assert.That(CodePoints.FromUtf16(Emoji, -1), Is.EqualTo(0));
    }

    [Test]
    public void A_lone_surrogate_counts_as_one_code_point()
    {
        var text = "\uD83Dx";
        Assert.That(CodePoints.ToUtf16(text, 1), Is.EqualTo(1));
        Assert.That(CodePoints.FromUtf16(text, 2), Is.EqualTo(2));
    }
}
