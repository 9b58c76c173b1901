using CSharpKernel.Display;

namespace CSharpKernel.Tests.Display;

public sealed class MimeFormatterTests
{
    private sealed record Planet(string Name, double Radius);

    private MimeFormatter _formatter = null!;

    [SetUp]
    public void NewFormatter() => _formatter = new MimeFormatter();

    [Test]
    public void Scalars_get_text_plain_only_in_csharp_literal_syntax()
    {
        Assert.That(_formatter.Format(42).ToJsonString(), Is.EqualTo("{\"text/plain\":\"42\"}"));
        Assert.That(_formatter.Format("hi")["text/plain"]!.GetValue<string>(), Is.EqualTo("\"hi\""));
        Assert.That(_formatter.Format(null)["text/plain"]!.GetValue<string>(), Is.EqualTo("null"));
    }

    [Test]
    public void A_sequence_of_records_becomes_a_table_with_a_column_per_property()
    {
        var bundle = _formatter.Format(new List<Planet> { new("Mercury", 2439.7), new("Venus<&>", 6051.8) });
        var html = bundle["text/html"]!.GetValue<string>();
        Assert.That(html, Does.Contain("<th>Name</th><th>Radius</th>"));
        Assert.That(html, Does.Contain("<td>Mercury</td><td>2439.7</td>"));
        Assert.That(html, Does.Contain("Venus&lt;&amp;&gt;"), "cell text is escaped");
        Assert.That(bundle["text/plain"]!.GetValue<string>(), Does.StartWith("List<"));
    }

    [Test]
    public void A_long_sequence_shows_a_bounded_number_of_rows_and_says_there_are_more()
    {
        var html = _formatter.Format(Enumerable.Range(0, 1_000_000))["text/html"]!.GetValue<string>();
        Assert.That(html.Split("<tr>").Length - 2, Is.EqualTo(HtmlFormatter.MaxRows));
        Assert.That(html, Does.Contain("more than 20 items"));
    }

    [Test]
    public void An_anonymous_object_becomes_a_property_table()
    {
        var html = _formatter.Format(new { Name = "Ada", Year = 1815 })["text/html"]!.GetValue<string>();
        Assert.That(html, Does.Contain("<td>Name</td><td>Ada</td>").And.Contain("<td>Year</td><td>1815</td>"));
    }

    [Test]
    public void A_dictionary_becomes_a_key_value_table()
    {
        var html = _formatter.Format(new Dictionary<string, int> { ["a"] = 1 })["text/html"]!.GetValue<string>();
        Assert.That(html, Does.Contain("<tr><td>a</td><td>1</td></tr>"));
    }

    [Test]
    public void Html_and_markdown_helpers_are_passed_through_as_their_mime_types()
    {
        Assert.That(_formatter.Format(new Html("<b>x</b>"))["text/html"]!.GetValue<string>(), Is.EqualTo("<b>x</b>"));
        Assert.That(_formatter.Format(new Markdown("# T"))["text/markdown"]!.GetValue<string>(), Is.EqualTo("# T"));
    }

    [Test]
    public void Png_bytes_become_an_image_png_bundle_and_other_bytes_are_refused()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var bundle = _formatter.Format(Image.FromBytes(png));
        Assert.That(bundle["image/png"]!.GetValue<string>(), Is.EqualTo(Convert.ToBase64String(png)));
        Assert.That(bundle["text/plain"]!.GetValue<string>(), Does.Contain("image/png"));
        Assert.Throws<ArgumentException>(() => Image.FromBytes([1, 2, 3]));
    }

    [Test]
    public void A_registered_formatter_wins_for_its_type_and_its_subtypes()
    {
        _formatter.Registry.Register<Planet>("text/html", p => $"<i>{p.Name}</i>");
        _formatter.Registry.Register<object>("text/x-custom", o => "any");
        var bundle = _formatter.Format(new Planet("Mars", 3389.5));
        Assert.That(bundle["text/html"]!.GetValue<string>(), Is.EqualTo("<i>Mars</i>"));
        Assert.That(bundle["text/x-custom"]!.GetValue<string>(), Is.EqualTo("any"));
        Assert.That(bundle["text/plain"], Is.Not.Null);
    }
}
