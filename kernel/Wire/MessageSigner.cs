using System.Security.Cryptography;

namespace CSharpKernel.Wire;

/// <summary>HMAC-SHA256 over the four JSON frames, as hex; an empty key means no signing.</summary>
internal sealed class MessageSigner
{
    public const string Scheme = "hmac-sha256";

    private readonly byte[] _key;

    public MessageSigner(byte[] key) => _key = key;

    public bool IsSigning => _key.Length > 0;

    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsSigning)
            return "";
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(header, parentHeader, metadata, content, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Compares in constant time, on the raw bytes, before anything is parsed.</summary>
    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsSigning)
            return true;
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(header, parentHeader, metadata, content, digest);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes * 2];
        WriteLowerHex(digest, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    private void Compute(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content, Span<byte> digest)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        hmac.GetHashAndReset(digest);
    }

    private static void WriteLowerHex(ReadOnlySpan<byte> bytes, Span<byte> hex)
    {
        const string digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = (byte)digits[bytes[i] >> 4];
            hex[2 * i + 1] = (byte)digits[bytes[i] & 0xF];
        }
    }
}
