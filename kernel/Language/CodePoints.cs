namespace CSharpKernel.Language;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points; C# strings index UTF-16 units, where a
/// character outside the Basic Multilingual Plane (an emoji) takes two.
/// </summary>
internal static class CodePoints
{
    /// <summary>The UTF-16 index of a code point position, clamped to the text.</summary>
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
            index += IsPair(text, index) ? 2 : 1;
        return index;
    }

    /// <summary>The code point position of a UTF-16 index, clamped to the text.</summary>
    public static int FromUtf16(string text, int utf16)
    {
        var limit = Math.Min(Math.Max(utf16, 0), text.Length);
        var count = 0;
        for (var index = 0; index < limit; count++)
            index += IsPair(text, index) ? 2 : 1;
        return count;
    }

    private static bool IsPair(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
}
