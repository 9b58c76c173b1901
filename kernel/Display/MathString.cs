/// <summary>
/// LaTeX math shown as text/latex between <c>$$</c>, as .NET Interactive's Jupyter kernel had it
/// (<c>new MathString(@"\frac{1}{2}")</c>). That type lives in a package no longer served, so this
/// one stands in the global namespace, where cells find it without a using.
/// </summary>
public sealed class MathString
{
    private readonly string _math;

    public MathString(string latexCode)
    {
        ArgumentNullException.ThrowIfNull(latexCode);
        var math = latexCode.StartsWith("$$", StringComparison.Ordinal) ? latexCode : "$$" + latexCode;
        _math = math.EndsWith("$$", StringComparison.Ordinal) && math.Length >= 4 ? math : math + "$$";
    }

    public static implicit operator MathString(string latexCode) => new(latexCode);

    public override string ToString() => _math;
}
