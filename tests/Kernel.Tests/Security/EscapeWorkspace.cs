namespace CSharpKernel.Tests.Security;

/// <summary>The escape kernels' working directory, with the files the attempts name, made once for the run.</summary>
public static class EscapeWorkspace
{
    private static readonly Lazy<string> Made = new(Make);

    public static string Directory => Made.Value;

    /// <summary>An assembly file that exists wherever the tests run: the framework's own XML library.</summary>
    public static string XmlAssembly => typeof(System.Xml.XmlDocument).Assembly.Location;

    private static string Make()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("kernel-escape-").FullName;
        File.WriteAllText(Path.Combine(directory, "data.txt"), "secret");
        File.WriteAllText(Path.Combine(directory, "data.xml"), "<secret/>");
        File.WriteAllText(Path.Combine(directory, "helper.csx"), "var loadedValue = 7;");
        File.WriteAllBytes(Path.Combine(directory, "image.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]);
        return directory;
    }
}
