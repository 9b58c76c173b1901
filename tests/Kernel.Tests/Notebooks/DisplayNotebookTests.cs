using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Notebooks;

/// <summary>notebooks/display.ipynb: results, tables, display and its updates, clear_output, markup, images, formatters.</summary>
public sealed class DisplayNotebookTests : NotebookFixture
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    protected override string NotebookName => "display.ipynb";

    private protected override IReadOnlyDictionary<string, CellExpectation> Expectations { get; } = new Dictionary<string, CellExpectation>
    {
        ["plain"] = new() { Result = "42" },
        ["plain-string"] = new() { Result = "\"The answer is 42\"" },
        ["planets"] = new()
        {
            Result = "List<Planet>(4) { [Planet { Name = Mercury, DistanceAu = 0.39, Moons = 0 }], [Planet { Name = Venus, DistanceAu = 0.72, Moons = 0 }], "
                     + "[Planet { Name = Earth, DistanceAu = 1, Moons = 1 }], [Planet { Name = Mars, DistanceAu = 1.52, Moons = 2 }] }",
            Html = ["<th><i>index</i></th><th>Name</th><th>DistanceAu</th><th>Moons</th>", "<tr><td>3</td><td>Mars</td><td>1.52</td><td>2</td></tr>"],
        },
        ["one-planet"] = new()
        {
            Result = "[Planet { Name = Earth, DistanceAu = 1, Moons = 1 }]",
            Html = ["<th colspan=\"2\">Planet</th>", "<tr><td>Name</td><td>Earth</td></tr>", "<tr><td>Moons</td><td>1</td></tr>"],
        },
        ["anonymous"] = new()
        {
            ResultContains = "{ Name = Mars, Moons = 2, LightMinutes = 12.6 }",
            Html = ["<th>Name</th><th>Moons</th><th>LightMinutes</th>", "<td>Earth</td><td>1</td><td>8.3</td>", "<td>Mars</td><td>2</td><td>12.6</td>"],
            Also = result => Assert.That(Html(result), Does.Not.Contain("Venus"), "the query's filter applies"),
        },
        ["dictionary"] = new()
        {
            Result = "Dictionary<string, int>(4) { { \"Mercury\", 0 }, { \"Venus\", 0 }, { \"Earth\", 1 }, { \"Mars\", 2 } }",
            Html = ["<th><i>key</i></th><th>value</th>", "<tr><td>Mars</td><td>2</td></tr>"],
        },
        ["long"] = new()
        {
            ResultContains = "{ Number = 1, Square = 1 }",
            Html = ["<th>Number</th><th>Square</th>", "<tr><td>19</td><td>20</td><td>400</td></tr>", "(more than 20 items; the first 20 are shown)"],
            Also = result => Assert.That(Html(result), Does.Not.Contain("<td>21</td>"), "rows stop at 20"),
        },
        ["display"] = new()
        {
            Displays = ["\"The inner planets:\"", "string[4] { \"Mercury\", \"Venus\", \"Earth\", \"Mars\" }"],
            Html = ["<tr><td>0</td><td>Mercury</td></tr>"],
            Stdout = "Console output appears in order with displays.\n",
            Also = result => Assert.That(Kinds(result), Is.EqualTo(new[] { "display_data", "display_data", "stream" })),
        },
        ["update"] = new()
        {
            Displays = ["\"Step 0 of 3\""],
            Updates = ["\"Step 1 of 3\"", "\"Step 2 of 3\"", "\"Step 3 of 3\""],
        },
        ["clear"] = new()
        {
            Stdout = "3…\n2…\n1…\nLift-off!\n",
            Also = result =>
            {
                Assert.That(Kinds(result), Is.EqualTo(Enumerable.Repeat(new[] { "clear_output", "stream" }, 4).SelectMany(k => k)),
                    "each clear comes before the line that replaces the one before");
                Assert.That(result.OfType("clear_output").Select(m => m.Content.GetProperty("wait").GetBoolean()), Has.All.True);
            },
        },
        ["html"] = new()
        {
            Result = "<b>Bold</b>, <i>italic</i> and <span style='color: seagreen'>green</span>",
            Html = ["<b>Bold</b>, <i>italic</i> and <span style='color: seagreen'>green</span>"],
        },
        ["markdown"] = new()
        {
            Result = "| Planet | Moons |\n|---|---|\n| Mercury | 0 |\n| Venus | 0 |\n| Earth | 1 |\n| Mars | 2 |",
            Also = result => Assert.That(Data(result.OfType("execute_result").Single(), "text/markdown"), Does.StartWith("| Planet | Moons |\n|---|---|\n| Mercury | 0 |")),
        },
        ["png-writer"] = new(),
        ["image"] = new()
        {
            ResultContains = "image/png image",
            Also = result => AssertSunset(result.OfType("execute_result").Single()),
        },
        ["image-file"] = new()
        {
            Displays = ["image/png image"],
            Also = result => AssertSunset(result.OfType("display_data").Single()),
        },
        ["formatter"] = new()
        {
            ResultContains = "Planet { Name = Mars",
            Html = ["<b>Mars</b> has 2 moons"],
            Also = result => Assert.That(Html(result), Is.EqualTo("<b>Mars</b> has 2 moons"), "the registered formatter replaces the table"),
        },
        ["interactive-formatter"] = new()
        {
            ResultContains = "Moon { Name = Phobos",
            Html = ["<span style=\"color: steelblue\"><b>Phobos</b> &lt;moon of Mars&gt;</span>"],
        },
        ["interactive-display"] = new()
        {
            Displays = ["Mercury", "\"shown, with no Out of its own\""],
            Html = ["<td>Mercury</td>", "<td>Venus</td>", "Moons"],
            Also = result => Assert.That(result.OfType("execute_result"), Is.Empty, "a cell ending in display(...) shows the display only"),
        },
    };

    private static string Html(ExecutionResult result) => Data(result.OfType("execute_result").Single(), "text/html");

    private static IEnumerable<string> Kinds(ExecutionResult result) =>
        result.Iopub.Select(m => m.MsgType).Where(t => t is not ("status" or "execute_input"));

    /// <summary>The notebook's picture: a real PNG of 160 by 80 pixels.</summary>
    private static void AssertSunset(ReceivedMessage message)
    {
        var png = Convert.FromBase64String(Data(message, "image/png"));
        Assert.That(png.Take(8), Is.EqualTo(PngSignature));
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(160), "width");
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(80), "height");
    }
}
