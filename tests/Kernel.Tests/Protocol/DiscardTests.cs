using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>C#'s discards stay discards, in every form, while _ also reads history.</summary>
public sealed class DiscardTests : KernelFixture
{
    [TestCase("_ = Task.Run(() => 1);")]
    [TestCase("var parsed = int.TryParse(\"12\", out _);")]
    [TestCase("var (_, second) = (1, 2);")]
    [TestCase("(_, _) = (3, 4);")]
    [TestCase("Func<int, int, int> zero = (_, _) => 0;")]
    [TestCase("var matches = 5 is var _;")]
    [TestCase("var word = 7 switch { 1 => \"one\", _ => \"many\" };")]
    public void A_discard_works_and_writes_no_history(string code)
    {
        Client.Execute("\"kept\"");
        var result = Client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(Client.Execute("_").Result, Is.EqualTo("\"kept\""));
    }

    [Test]
    public void Discard_forms_in_one_expression_cell_give_the_expected_value()
    {
        var result = Client.Execute(
            "Func<int, int, int> zero = (_, _) => 0;\n" +
            "var (_, y) = (1, 2);\n" +
            "int.TryParse(\"40\", out _) && 3 is var _\n" +
            "    ? (y switch { 2 => 40, _ => -1 }) + zero(0, 0) + y\n" +
            "    : -1");
        Assert.That(result.Result, Is.EqualTo("42"), result.ToString());
    }

    [Test]
    public void A_discarded_task_still_runs()
    {
        Client.Execute("var flag = new TaskCompletionSource<int>();");
        Client.Execute("_ = Task.Run(() => flag.SetResult(9));");
        Assert.That(Client.Execute("await flag.Task").Result, Is.EqualTo("9"));
    }
}
