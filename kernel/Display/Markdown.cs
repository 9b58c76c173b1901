namespace CSharpKernel.Display;

/// <summary>Markdown for the front end to render: <c>Markdown("# Title")</c> in a cell.</summary>
public sealed record Markdown(string Content)
{
    public override string ToString() => Content;
}
