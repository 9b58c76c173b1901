namespace CSharpKernel.Protocol;

internal sealed record LanguageInfo
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Mimetype { get; init; }
    public required string FileExtension { get; init; }
    public required string PygmentsLexer { get; init; }
    public required string CodemirrorMode { get; init; }
    public required string NbconvertExporter { get; init; }
}
