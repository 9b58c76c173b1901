namespace CSharpKernel.Display;

/// <summary>Markup to show as it is: <c>Html("&lt;b&gt;bold&lt;/b&gt;")</c> in a cell.</summary>
public sealed record Html(string Content)
{
    public override string ToString() => Content;
}
