namespace CSharpKernel.Display;

/// <summary>A PNG or JPEG image, from bytes or a file; the format is read from the bytes themselves.</summary>
public sealed record Image(byte[] Data, string MimeType)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    public static Image FromBytes(byte[] data) => new(data, Detect(data));

    public static Image FromFile(string path) => FromBytes(File.ReadAllBytes(path));

    public override string ToString() => $"<{MimeType} image, {Data.Length} bytes>";

    private static string Detect(byte[] data)
    {
        if (data.AsSpan().StartsWith(PngSignature))
            return MimeTypes.Png;
        if (data.AsSpan().StartsWith(JpegSignature))
            return MimeTypes.Jpeg;
        throw new ArgumentException("The bytes are neither a PNG nor a JPEG image.", nameof(data));
    }
}
