using System.Globalization;
using System.Xml;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Language;

/// <summary>
/// The XML documentation of one reference assembly, read a member at a time. Roslyn's own provider
/// keeps the text of every member in memory once it has been asked for one: about 17 MiB for
/// System.Runtime alone. This one keeps only where each member starts, and reads the member from
/// the file when inspection asks for it.
/// </summary>
internal sealed class DocumentationIndex : DocumentationProvider
{
    private readonly string _path;
    private readonly Lazy<(Dictionary<long, int> LineOf, int[] LineStarts)> _index;

    public DocumentationIndex(string path)
    {
        _path = path;
        _index = new(Build);
    }

    protected override string GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default)
    {
        try
        {
            var (lineOf, lineStarts) = _index.Value;
            return lineOf.TryGetValue(Hash(documentationMemberID), out var line) ? ReadMember(lineStarts[line - 1], documentationMemberID) : "";
        }
        catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    public override bool Equals(object? obj) => obj is DocumentationIndex other && other._path == _path;

    public override int GetHashCode() => _path.GetHashCode(StringComparison.Ordinal);

    /// <summary>Each member's line, keyed by a 64-bit hash of its id (the id is checked when it is read).</summary>
    private (Dictionary<long, int>, int[]) Build()
    {
        var lineOf = new Dictionary<long, int>();
        using (var reader = XmlReader.Create(_path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            var position = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "member" && reader.GetAttribute("name") is { } name)
                    lineOf.TryAdd(Hash(name), position.LineNumber);
            }
        }
        var bytes = File.ReadAllBytes(_path);
        var starts = new List<int> { 0 };
        for (var offset = 0; bytes.AsSpan(offset).IndexOf((byte)'\n') is var newline and >= 0;)
        {
            offset += newline + 1;
            starts.Add(offset);
        }
        return (lineOf, [.. starts]);
    }

    private string ReadMember(int lineStart, string id)
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        stream.Seek(lineStart, SeekOrigin.Begin);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment, DtdProcessing = DtdProcessing.Ignore });
        var position = (IXmlLineInfo)reader;
        while (reader.Read() && position.LineNumber == 1)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "member" && reader.GetAttribute("name") == id)
                return reader.ReadOuterXml();
        }
        return "";
    }

    private static long Hash(string text)
    {
        // FNV-1a: stable within the process, and 64 bits make a collision among ~40,000 ids unlikely.
        var hash = unchecked((long)14695981039346656037UL);
        foreach (var c in text)
            hash = unchecked((hash ^ c) * 1099511628211L);
        return hash;
    }
}
