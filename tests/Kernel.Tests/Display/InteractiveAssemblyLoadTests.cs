using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Display;

/// <summary>.NET Interactive's assemblies cost nothing until a cell uses them.</summary>
public sealed class InteractiveAssemblyLoadTests : KernelFixture
{
    private const string LoadedInteractiveAssemblies =
        "string.Join(\",\", AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Where(n => n!.StartsWith(\"Microsoft.DotNet.Interactive\")).Order())";

    [Test]
    public void The_Formatting_and_Interactive_assemblies_load_on_first_use_only()
    {
        Client.Execute("1+1");
        Client.Execute("display(new List<int> { 1, 2, 3 })");
        Client.Execute("record P(int X);\nnew List<P> { new(1) }");
        Assert.That(Client.Execute(LoadedInteractiveAssemblies).Result, Is.EqualTo("\"\""));

        Client.Execute("Microsoft.DotNet.Interactive.Formatting.Formatter.Register<P>(p => \"<b>p</b>\", \"text/html\");");
        Assert.That(Client.Execute(LoadedInteractiveAssemblies).Result, Is.EqualTo("\"Microsoft.DotNet.Interactive.Formatting\""));
    }
}
