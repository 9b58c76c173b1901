namespace CSharpKernel.Display;

internal static class MimeTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string Latex = "text/latex";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
}
