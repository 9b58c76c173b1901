using CSharpKernel.Language;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Tests.Language;

public sealed class DocumentationIndexTests
{
    private const string Library = """
        namespace Lib;
        public class Greeter
        {
            public string Hello(string name) => "hello " + name;
            public int Count { get; set; }
        }
        """;

    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("docindex").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Each_member_gets_its_own_documentation_wherever_it_sits_in_the_file()
    {
        var symbols = Reference("""
            <?xml version="1.0" encoding="utf-8"?>
            <doc><assembly><name>Lib</name></assembly><members><member name="T:Lib.Greeter"><summary>Greets people.</summary></member><member name="P:Lib.Greeter.Count"><summary>How many so far.</summary></member>
                <member name="M:Lib.Greeter.Hello(System.String)">
                  <summary>Says hello
                  to someone.</summary>
                  <param name="name">Who.</param>
                </member>
              </members>
            </doc>
            """);
        var greeter = symbols.GetTypeByMetadataName("Lib.Greeter")!;
        Assert.That(greeter.GetDocumentationCommentXml(), Does.Contain("Greets people.").And.Not.Contain("How many"));
        Assert.That(greeter.GetMembers("Count").Single().GetDocumentationCommentXml(), Does.Contain("How many so far."));
        var hello = greeter.GetMembers("Hello").Single().GetDocumentationCommentXml();
        Assert.That(hello, Does.Contain("to someone.").And.Contain("<param name=\"name\">Who.</param>"));
    }

    [Test]
    public void A_member_the_file_does_not_document_has_none()
    {
        var symbols = Reference("""
            <?xml version="1.0" encoding="utf-8"?>
            <doc><members>
              <member name="T:Lib.Greeter"><summary>Greets people.</summary></member>
            </members></doc>
            """);
        Assert.That(symbols.GetTypeByMetadataName("Lib.Greeter")!.GetMembers("Count").Single().GetDocumentationCommentXml(), Is.Empty);
    }

    /// <summary>Compiles the library, documents it with the given file, and compiles against it.</summary>
    private Compilation Reference(string xml)
    {
        var framework = WorkspaceReferences.Shared;
        var library = CSharpCompilation.Create("Lib", [CSharpSyntaxTree.ParseText(Library)], framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var dll = Path.Combine(_directory, "Lib.dll");
        var emitted = library.Emit(dll);
        Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics));
        var docs = Path.Combine(_directory, "Lib.xml");
        File.WriteAllText(docs, xml);
        var reference = MetadataReference.CreateFromFile(dll, documentation: new DocumentationIndex(docs));
        return CSharpCompilation.Create("User", [], [.. framework, reference]);
    }
}
