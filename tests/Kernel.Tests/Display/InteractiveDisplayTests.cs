using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Display;

/// <summary>.NET Interactive's display API, written as its notebooks write it, against the real kernel.</summary>
public sealed class InteractiveDisplayTests : KernelFixture
{
    private static string Html(ReceivedMessage message) => message.Content.GetProperty("data").GetProperty("text/html").GetString()!;

    private static string Data(ReceivedMessage message, string mimeType) => message.Content.GetProperty("data").GetProperty(mimeType).GetString()!;

    private static string DisplayId(ReceivedMessage message) => message.Content.GetProperty("transient").GetProperty("display_id").GetString()!;

    [Test]
    public void A_formatter_registered_with_the_Formatter_shows_cell_results_displays_and_updates()
    {
        Client.Execute("using Microsoft.DotNet.Interactive.Formatting;\nrecord Money(decimal Amount);\nFormatter.Register<Money>(m => $\"<b>{m.Amount} €</b>\", \"text/html\");");
        var result = Client.Execute("var shown = display(new Money(1)); shown.Update(new Money(2)); new Money(3)");
        Assert.That(Html(result.OfType("display_data").Single()), Is.EqualTo("<b>1 €</b>"));
        Assert.That(Html(result.OfType("update_display_data").Single()), Is.EqualTo("<b>2 €</b>"));
        var final = result.OfType("execute_result").Single();
        Assert.That(Html(final), Is.EqualTo("<b>3 €</b>"));
        Assert.That(Data(final, "text/plain"), Does.Contain("Money").And.Contain("3"), "text/plain stays the kernel's C# rendering");
    }

    [Test]
    public void A_text_plain_formatter_registered_with_the_Formatter_is_the_text_shown()
    {
        Client.Execute("record Celsius(double Degrees);\nMicrosoft.DotNet.Interactive.Formatting.Formatter.Register<Celsius>(c => $\"{c.Degrees} °C\", \"text/plain\");");
        Assert.That(Client.Execute("new Celsius(21.5)").Result, Is.EqualTo("21.5 °C"));
    }

    [Test]
    public void ResetToDefault_forgets_the_Formatter_registrations()
    {
        Client.Execute("record Kelvin(double Degrees);\nMicrosoft.DotNet.Interactive.Formatting.Formatter.Register<Kelvin>(k => \"<i>hot</i>\", \"text/html\");");
        Assert.That(Html(Client.Execute("new Kelvin(300)").OfType("execute_result").Single()), Is.EqualTo("<i>hot</i>"));
        var after = Client.Execute("Microsoft.DotNet.Interactive.Formatting.Formatter.ResetToDefault();\nnew Kelvin(300)").OfType("execute_result").Single();
        Assert.That(Html(after), Does.Not.Contain("hot").And.Contain("300"), "back to the default table");
    }

    [Test]
    public void Percent_reset_sets_both_registries_back_to_their_defaults()
    {
        Client.Execute("Microsoft.DotNet.Interactive.Formatting.Formatter.Register<Uri>(u => \"<i>link</i>\", \"text/html\");\nKernel.Formatters.Register<Version>(\"text/html\", v => \"<i>version</i>\");");
        Assert.That(Html(Client.Execute("new Uri(\"http://example.org\")").OfType("execute_result").Single()), Is.EqualTo("<i>link</i>"));
        Client.Execute("%reset");
        var uri = Client.Execute("new Uri(\"http://example.org\")").OfType("execute_result").Single();
        var version = Client.Execute("new Version(1, 2)").OfType("execute_result").Single();
        Assert.That(uri.Content.GetProperty("data").TryGetProperty("text/html", out _), Is.False, uri.ToString());
        Assert.That(Html(version), Does.Not.Contain("<i>version</i>").And.Contain("Major"), "the kernel's default table again");
    }

    [Test]
    public void PocketView_tags_nest_take_attributes_encode_strings_and_leave_HTML_as_it_is()
    {
        var result = Client.Execute("using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;\nspan[style: \"color: red\"](b(\"x\"), \"<y>\", HTML(\"<i>z</i>\"))");
        Assert.That(Html(result.OfType("execute_result").Single()), Is.EqualTo("<span style=\"color: red\"><b>x</b>&lt;y&gt;<i>z</i></span>"));
    }

    [Test]
    public void HTML_shows_as_html_as_a_result_and_in_display()
    {
        var result = Client.Execute("display(HTML(\"<b>shown</b>\")); HTML(\"<b>result</b>\")");
        Assert.That(Html(result.OfType("display_data").Single()), Is.EqualTo("<b>shown</b>"));
        Assert.That(Html(result.OfType("execute_result").Single()), Is.EqualTo("<b>result</b>"));
    }

    [Test]
    public void Javascript_and_CSS_display_a_script_and_a_style_element()
    {
        var shown = Client.Execute("Javascript(\"console.log('hi')\"); CSS(\"b { color: red }\");").OfType("display_data").Select(Html).ToList();
        Assert.That(shown, Is.EqualTo(new[] { "<script type=\"text/javascript\">console.log('hi')</script>", "<style>b { color: red }</style>" }));
    }

    [Test]
    public void Display_extension_publishes_on_iopub_and_updates_of_its_value_replace_one_display()
    {
        var result = Client.Execute("var shown = new List<int> { 1, 2 }.Display(); shown.Update(\"later\"); shown.Update(\"last\");");
        var displays = result.OfType("display_data").ToList();
        var updated = result.OfType("update_display_data").Single();
        Assert.That(displays.Select(d => Data(d, "text/plain")), Is.EqualTo(new[] { "List<int>(2) { 1, 2 }", "\"later\"" }),
            "the returned value's id was never shown (.NET Interactive hands back another object than it displays), so its first update shows");
        Assert.That(DisplayId(updated), Is.EqualTo(DisplayId(displays[1])));
        Assert.That(Data(updated, "text/plain"), Is.EqualTo("\"last\""));
        Assert.That(result.Stdout, Is.Empty, "shown once, not also written as text");
    }

    [Test]
    public void DisplayTable_shows_a_table_with_a_column_per_property()
    {
        var result = Client.Execute("record Row(string Name, int Count);\nnew[] { new Row(\"apples\", 3), new Row(\"pears\", 5) }.DisplayTable();");
        var html = Html(result.OfType("display_data").Single());
        Assert.That(html, Does.Contain("Name").And.Contain("Count").And.Contain("apples").And.Contain("pears").And.Contain("<table"));
    }

    [Test]
    public void LaTeXString_and_MathString_show_as_latex()
    {
        var latex = Client.Execute("new Microsoft.DotNet.Interactive.Formatting.LaTeXString(@\"\\frac{1}{2}\")").OfType("execute_result").Single();
        Assert.That(Data(latex, "text/latex"), Is.EqualTo(@"\frac{1}{2}"));
        var math = Client.Execute("new MathString(@\"e^{i\\pi} = -1\")").OfType("execute_result").Single();
        Assert.That(Data(math, "text/latex"), Is.EqualTo(@"$$e^{i\pi} = -1$$"));
    }

    [Test]
    public void Display_with_mime_types_shows_those_formats_and_text()
    {
        var result = Client.Execute("record Pair(int A, int B);\nvar shown = display(new Pair(1, 2), \"text/plain\"); shown.Update(new Pair(3, 4));");
        var first = result.OfType("display_data").Single().Content.GetProperty("data");
        var updated = result.OfType("update_display_data").Single().Content.GetProperty("data");
        Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "text/plain" }), "no table was asked for");
        Assert.That(updated.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "text/plain" }), "the update keeps the formats asked for");
        Assert.That(updated.GetProperty("text/plain").GetString(), Is.EqualTo("[Pair { A = 3, B = 4 }]"));
    }

    [Test]
    public void A_cell_ending_in_display_shows_the_display_only_and_leaves_history_alone()
    {
        Client.Execute("40 + 2");
        var shown = Client.Execute("display(\"shown\")");
        Assert.That(shown.OfType("display_data").Count(), Is.EqualTo(1));
        Assert.That(shown.OfType("execute_result"), Is.Empty, shown.ToString());
        var displayed = Client.Execute("\"x\".Display()");
        Assert.That(displayed.OfType("display_data").Count(), Is.EqualTo(1));
        Assert.That(displayed.OfType("execute_result"), Is.Empty, displayed.ToString());
        Assert.That(Client.Execute("_").Result, Is.EqualTo("42"));
        var count = shown.Reply.Content.GetProperty("execution_count").GetInt32();
        Assert.That(Client.Execute($"Out.ContainsKey({count})").Result, Is.EqualTo("false"));
    }
}
