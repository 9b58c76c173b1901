using CSharpKernel.Magics.Syntax;
using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

public sealed class CellClassifierTests
{
    [TestCase("6*7")]
    [TestCase("list.Count")]
    [TestCase("var x = 1;\nx + 1")]
    [TestCase("Console.WriteLine(1);\n\"done\"")]
    [TestCase("Foo() // a trailing comment")]
    [TestCase("x switch { 1 => \"one\", _ => \"many\" }")]
    public void A_cell_ending_in_an_expression_without_a_semicolon_is_an_Expression(string code) =>
        Assert.That(CellClassifier.ClassifyText(code), Is.EqualTo(new CellClassification(CellMode.Expression, EndsInExpression: true)));

    [TestCase("6*7;")]
    [TestCase("var x = 1;")]
    [TestCase("int y = 2;")]
    [TestCase("for (var i = 0; i < 3; i++) Console.WriteLine(i);")]
    [TestCase("if (true) { }")]
    [TestCase("Console.WriteLine(1);")]
    [TestCase("var x = 1;\nclass Foo { }")]
    [TestCase("Console.WriteLine(1);\nint F() => 1;")]
    [TestCase("Func<Task> f = async () => await Task.Delay(1);")]
    [TestCase("async Task F() { await Task.Delay(1); }\nvar t = F();")]
    [TestCase("var s = \"await Task.Delay(1)\";")]
    [TestCase("// await Task.Delay(1)\nvar x = 1;")]
    public void Statements_with_semicolons_are_Statements_even_when_a_declaration_ends_the_cell(string code) =>
        Assert.That(CellClassifier.ClassifyText(code).Mode, Is.EqualTo(CellMode.Statements));

    [TestCase("class Foo { }")]
    [TestCase("record Point(int X, int Y);")]
    [TestCase("int Twice(int x) => 2 * x;")]
    [TestCase("using System.Text.Json;")]
    [TestCase("enum Color { Red }\ninterface IShape { }")]
    [TestCase("int Answer { get; } = 42;")]
    [TestCase("async Task F() { await Task.Delay(1); }")]
    public void Types_methods_properties_and_usings_alone_are_Declarations(string code) =>
        Assert.That(CellClassifier.ClassifyText(code).Mode, Is.EqualTo(CellMode.Declarations));

    [TestCase("await Task.Delay(1);", false)]
    [TestCase("await Task.FromResult(5)", true)]
    [TestCase("var x = await Task.FromResult(5);", false)]
    [TestCase("var x = await Task.FromResult(5);\nx * 2", true)]
    [TestCase("await foreach (var i in Items()) { }", false)]
    [TestCase("await using (var stream = new MemoryStream()) { }", false)]
    [TestCase("Func<Task> f = async () => await Task.Delay(1);\nawait f();", false)]
    public void An_await_outside_any_lambda_or_function_is_TopLevelAwait_with_or_without_a_value(string code, bool endsInExpression) =>
        Assert.That(CellClassifier.ClassifyText(code), Is.EqualTo(new CellClassification(CellMode.TopLevelAwait, endsInExpression)));

    [TestCase("Func<Task<int>> f = async () => await Task.FromResult(1);\nf")]
    [TestCase("\"await Task.Delay(1)\"")]
    public void An_await_in_a_lambda_or_a_string_is_not_top_level(string code) =>
        Assert.That(CellClassifier.ClassifyText(code).Mode, Is.EqualTo(CellMode.Expression));

    [TestCase("")]
    [TestCase("   \n\t\n")]
    [TestCase("// just a comment")]
    [TestCase("/* a block\n   comment */\n// and a line")]
    [TestCase("/// <summary>doc</summary>")]
    public void Whitespace_and_comments_are_Empty(string code) =>
        Assert.That(CellClassifier.ClassifyText(code).Mode, Is.EqualTo(CellMode.Empty));

    [TestCase("#r \"System.Text.Json\"")]
    [TestCase("#r \"nuget: Foo, 1.0\"\n#r \"Bar.dll\"")]
    [TestCase("#load \"other.csx\"")]
    public void Reference_and_load_lines_alone_are_Directives(string code) =>
        Assert.That(CellClassifier.ClassifyText(code).Mode, Is.EqualTo(CellMode.Directive));

    [Test]
    public void A_reference_line_before_code_takes_the_mode_of_the_code() =>
        Assert.That(CellClassifier.ClassifyText("#r \"System.Text.Json\"\n1 + 1").Mode, Is.EqualTo(CellMode.Expression));

    [Test]
    public void A_percent_command_is_a_Directive_that_names_its_command_arguments_and_body()
    {
        var classification = CellClassifier.ClassifyText("// first a comment\n  %time  -n 3 \nvar x = 1;");
        Assert.That(classification.Mode, Is.EqualTo(CellMode.Directive));
        Assert.That(classification.Magic!.Name, Is.EqualTo("time"));
        Assert.That(classification.Magic.Arguments, Is.EqualTo("-n 3"));
        Assert.That(classification.Magic.Body, Is.EqualTo("\n\nvar x = 1;"), "the body keeps its line numbers");
        Assert.That(classification.Magic.IsCellMagic, Is.False);
    }

    [Test]
    public void A_double_percent_command_is_a_cell_command() =>
        Assert.That(CellClassifier.ClassifyText("%%time\nFoo();").Magic, Is.EqualTo(new MagicInvocation("time", "", "\nFoo();", true)));

    [TestCase("var s = \"%reset\";")]
    [TestCase("var m = 7\n% 3;")]
    [TestCase("// %reset")]
    public void A_percent_inside_a_string_a_comment_or_an_expression_is_not_a_command(string code) =>
        Assert.That(CellClassifier.ClassifyText(code).Magic, Is.Null);

    [TestCase("var x = ;")]
    [TestCase("class { }")]
    [TestCase("1 +")]
    [TestCase("x y z")]
    public void Text_that_does_not_parse_is_Invalid(string code) =>
        Assert.That(CellClassifier.ClassifyText(code).Mode, Is.EqualTo(CellMode.Invalid));

    [Test]
    public void The_same_text_is_classified_once_and_served_from_the_cache()
    {
        var classifier = new CellClassifier(cacheSize: 8);
        var first = classifier.Classify("6*7");
        Assert.That(classifier.Classify("6*7"), Is.SameAs(first));
        Assert.That(classifier.CachedCount, Is.EqualTo(1));
    }

    [Test]
    public void The_cache_holds_no_more_than_its_size()
    {
        var classifier = new CellClassifier(cacheSize: 3);
        for (var i = 0; i < 10; i++)
            classifier.Classify($"{i} + 1");
        Assert.That(classifier.CachedCount, Is.EqualTo(3));
    }
}
