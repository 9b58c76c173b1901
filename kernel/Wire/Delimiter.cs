namespace CSharpKernel.Wire;

internal static class Delimiter
{
    public static ReadOnlySpan<byte> Bytes => "<IDS|MSG>"u8;
}
