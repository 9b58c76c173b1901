using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>_ __ ___ Out In Kernel display are the kernel's: cells cannot declare them, and %reset keeps them.</summary>
public sealed class EngineInternalsTests : KernelFixture
{
    [TestCase("var _ = 1;", "_")]
    [TestCase("var __ = 1;", "__")]
    [TestCase("var ___ = 1;", "___")]
    [TestCase("var Out = new int[3];", "Out")]
    [TestCase("string In = \"x\";", "In")]
    [TestCase("class Kernel { }", "Kernel")]
    [TestCase("void display(object o) { }", "display")]
    public void Declaring_an_internal_is_refused_with_its_name_and_changes_nothing(string declaration, string name)
    {
        Client.Execute("var untouched = 1;");
        var result = Client.Execute($"untouched = 2;\n{declaration}");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("ReservedName"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain($"'{name}'"));
        Assert.That(Client.Execute("untouched").Result, Is.EqualTo("1"), "the refused cell did not run");
    }

    [TestCase("typeof(CSharpKernel.Server.KernelServer)", "KernelServer")]
    [TestCase("CSharpKernel.Language.CompletenessChecker.Check(\"x\")", "CompletenessChecker")]
    [TestCase("new CSharpKernel.Execution.ScriptSession(null!, (Microsoft.CodeAnalysis.Scripting.ScriptOptions)null!, null!, null!, null!)", "ScriptSession")]
    public void A_cell_sees_the_cell_api_and_not_the_kernels_insides(string code, string name)
    {
        var result = Client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("error"), result.ToString());
        Assert.That(result.Reply.Str("evalue") + string.Join("\n", result.Reply.Content.GetProperty("traceback").EnumerateArray().Select(t => t.GetString())),
            Does.Contain("CS0122").And.Contain(name), "inaccessible due to its protection level");
        var api = Client.Execute("var h = display(Html(\"<b>x</b>\")); h.Update(Markdown(\"y\")); Kernel.Formatters.GetType().Name");
        Assert.That(api.Status, Is.EqualTo("ok"), api.ToString());
    }

    [Test]
    public void Internals_keep_working_after_a_refused_declaration()
    {
        Client.Execute("var Kernel = 1;");
        var result = Client.Execute("Kernel.CancellationToken.CanBeCanceled");
        Assert.That(result.Result, Is.EqualTo("true"), result.ToString());
        Assert.That(Client.Execute("display(\"shown\");").OfType("display_data").Count(), Is.EqualTo(1));
    }

    [Test]
    public void Reset_forgets_the_users_state_and_keeps_internals_and_the_counter()
    {
        Client.Execute("var beforeReset = 5;");
        var valued = Client.Execute("\"a value\"");
        var countBefore = valued.Reply.Content.GetProperty("execution_count").GetInt32();

        var reset = Client.Execute("%reset");
        Assert.That(reset.Status, Is.EqualTo("ok"), reset.ToString());
        Assert.That(reset.Reply.Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(countBefore + 1));
        Assert.That(reset.Stdout, Does.StartWith("Reset"));

        var gone = Client.Execute("beforeReset");
        Assert.That(gone.Reply.Str("evalue"), Does.Contain("CS0103"));
        Assert.That(Client.Execute("Out.Count").Result, Is.EqualTo("0"));
        Assert.That(Client.Execute($"In[{countBefore}]").Result, Is.EqualTo("\"\\\"a value\\\"\""));
        Assert.That(Client.Execute("Kernel.CancellationToken.CanBeCanceled").Result, Is.EqualTo("true"));
        Assert.That(Client.Execute("var beforeReset = \"redeclared\"; beforeReset").Result, Is.EqualTo("\"redeclared\""));
        Assert.That(Client.Execute("var Out = 1;").Reply.Str("ename"), Is.EqualTo("ReservedName"), "still reserved after a reset");
    }

    [Test]
    public void An_unknown_percent_command_is_an_error_and_the_kernel_keeps_serving()
    {
        var result = Client.Execute("%nosuchcommand");
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("UnknownMagic"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("%nosuchcommand").And.Contain("%reset"));
        Assert.That(Client.Execute("1 + 1").Result, Is.EqualTo("2"));
    }
}
