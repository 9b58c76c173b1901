namespace CSharpKernel.Wire;

/// <summary>Either a verified, parsed message or the reason it was dropped.</summary>
internal readonly record struct DecodeResult(JupyterMessage? Message, string? Error)
{
    public static DecodeResult Ok(JupyterMessage message) => new(message, null);
    public static DecodeResult Dropped(string error) => new(null, error);
}
