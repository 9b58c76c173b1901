using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using CSharpKernel.Display;
using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;
using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace CSharpKernel.Magics;

/// <summary>#!about (and %about): which kernel this is, its version, what it runs on, and where to read more.</summary>
internal sealed class AboutMagic : IMagicCommand
{
    private static readonly (string Title, string Url)[] Links =
    [
        ("C# language reference", "https://learn.microsoft.com/dotnet/csharp/"),
        (".NET API browser", "https://learn.microsoft.com/dotnet/api/"),
        ("Jupyter documentation", "https://docs.jupyter.org/"),
    ];

    public string Name => "about";

    public string Summary => "the kernel's name, version and links";

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        var version = typeof(AboutMagic).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var roslyn = typeof(CSharpScript).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        (string, string)[] facts =
        [
            ("Kernel", $"csharp-kernel {version}"),
            ("Language", $"C# {DefaultScriptOptions.LanguageVersionText} (Roslyn {roslyn})"),
            ("Runtime", $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture})"),
            .. LevelInForce.Facts,
        ];
        var plain = string.Join("\n", facts.Select(f => $"{f.Item1}: {f.Item2}").Concat(Links.Select(l => $"{l.Title}: {l.Url}")));
        var html = "<p><b>C# kernel for Jupyter</b></p><table>"
                   + string.Concat(facts.Select(f => $"<tr><th style=\"text-align:left\">{f.Item1}</th><td style=\"text-align:left\">{WebUtility.HtmlEncode(f.Item2)}</td></tr>"))
                   + "</table><ul>"
                   + string.Concat(Links.Select(l => $"<li><a href=\"{l.Url}\" target=\"_blank\">{l.Title}</a></li>"))
                   + "</ul>";
        return CellOutcome.WithData(new JsonObject { [MimeTypes.Html] = html, [MimeTypes.PlainText] = plain });
    }
}
