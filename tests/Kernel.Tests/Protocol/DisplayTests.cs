using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

public sealed class DisplayTests : KernelFixture
{
    [Test]
    public void Display_publishes_display_data_and_update_replaces_it_by_display_id()
    {
        var result = Client.Execute("var handle = display(\"first\"); handle.Update(\"second\");");
        var shown = result.OfType("display_data").Single();
        var updated = result.OfType("update_display_data").Single();
        var id = shown.Content.GetProperty("transient").GetProperty("display_id").GetString();
        Assert.That(id, Is.Not.Empty);
        Assert.That(updated.Content.GetProperty("transient").GetProperty("display_id").GetString(), Is.EqualTo(id));
        Assert.That(shown.Content.GetProperty("data").GetProperty("text/plain").GetString(), Is.EqualTo("\"first\""));
        Assert.That(updated.Content.GetProperty("data").GetProperty("text/plain").GetString(), Is.EqualTo("\"second\""));
    }

    [Test]
    public void Clear_output_is_published_with_its_wait_flag()
    {
        var result = Client.Execute("Console.WriteLine(\"gone\"); Kernel.ClearOutput(wait: true); Console.WriteLine(\"kept\");");
        var kinds = result.Iopub.Select(m => m.MsgType).Where(t => t != "status").ToList();
        Assert.That(kinds, Is.EqualTo(new[] { "execute_input", "stream", "clear_output", "stream" }), "output before the clear is flushed before it");
        Assert.That(result.OfType("clear_output").Single().Content.GetProperty("wait").GetBoolean(), Is.True);
    }

    [Test]
    public void A_cell_result_that_is_a_list_of_records_carries_an_html_table()
    {
        var result = Client.Execute("record Point(int X, int Y);\nnew List<Point> { new(1, 2), new(3, 4) }");
        var data = result.OfType("execute_result").Single().Content.GetProperty("data");
        Assert.That(data.GetProperty("text/html").GetString(), Does.Contain("<th>X</th><th>Y</th>").And.Contain("<td>3</td><td>4</td>"));
        Assert.That(data.GetProperty("text/plain").GetString(), Does.Contain("Point"));
    }

    [Test]
    public void Html_and_Markdown_helpers_display_as_markup()
    {
        var result = Client.Execute("display(Html(\"<b>bold</b>\")); Markdown(\"*em*\")");
        Assert.That(result.OfType("display_data").Single().Content.GetProperty("data").GetProperty("text/html").GetString(), Is.EqualTo("<b>bold</b>"));
        Assert.That(result.OfType("execute_result").Single().Content.GetProperty("data").GetProperty("text/markdown").GetString(), Is.EqualTo("*em*"));
    }

    [Test]
    public void A_formatter_registered_in_a_cell_formats_later_results()
    {
        Client.Execute("record Temperature(double Celsius);\nKernel.Formatters.Register<Temperature>(\"text/html\", t => $\"<b>{t.Celsius} °C</b>\");");
        var data = Client.Execute("new Temperature(21.5)").OfType("execute_result").Single().Content.GetProperty("data");
        Assert.That(data.GetProperty("text/html").GetString(), Is.EqualTo("<b>21.5 °C</b>"));
    }

    [Test]
    public void Output_from_a_thread_started_by_the_cell_reaches_that_cell()
    {
        var result = Client.Execute("var worker = new Thread(() => Console.WriteLine(\"from a thread\")); worker.Start(); worker.Join(); await Task.Run(() => Console.WriteLine(\"from a task\"));");
        Assert.That(result.Stdout, Is.EqualTo("from a thread\nfrom a task\n"));
    }
}
