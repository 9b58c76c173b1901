using System.Text;
using CSharpKernel.Wire;

namespace CSharpKernel.Tests.Wire;

public sealed class MessageSignerTests
{
    // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'key', b'{\"a\":1}{}{}{\"b\":2}', hashlib.sha256).hexdigest())"
    private const string ExpectedSignature = "0206f42f4ae2a48f6054ab91271f90c100f7022f55fb1f23de6377624d533752";

    [Test]
    public void The_signature_is_lowercase_hex_hmac_sha256_over_the_four_frames_in_order()
    {
        var signer = new MessageSigner("key"u8.ToArray());
        Assert.That(signer.Sign("{\"a\":1}"u8, "{}"u8, "{}"u8, "{\"b\":2}"u8), Is.EqualTo(ExpectedSignature));
    }

    [Test]
    public void An_empty_key_signs_with_an_empty_signature_and_accepts_anything()
    {
        var signer = new MessageSigner([]);
        Assert.That(signer.Sign("{}"u8, "{}"u8, "{}"u8, "{}"u8), Is.Empty);
        Assert.That(signer.Verify("whatever"u8, "{}"u8, "{}"u8, "{}"u8, "{}"u8), Is.True);
    }

    [Test]
    public void Verification_rejects_a_signature_of_other_frames_and_uppercase_hex()
    {
        var signer = new MessageSigner("key"u8.ToArray());
        var signature = Encoding.ASCII.GetBytes(signer.Sign("{\"a\":1}"u8, "{}"u8, "{}"u8, "{\"b\":2}"u8));
        Assert.That(signer.Verify(signature, "{\"a\":1}"u8, "{}"u8, "{}"u8, "{\"b\":2}"u8), Is.True);
        Assert.That(signer.Verify(signature, "{\"a\":1}"u8, "{}"u8, "{}"u8, "{\"b\":3}"u8), Is.False);
        Assert.That(signer.Verify(signature, "{}"u8, "{\"a\":1}"u8, "{}"u8, "{\"b\":2}"u8), Is.False, "frame order matters");
        Assert.That(signer.Verify(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(signature).ToUpperInvariant()), "{\"a\":1}"u8, "{}"u8, "{}"u8, "{\"b\":2}"u8), Is.False);
    }
}
