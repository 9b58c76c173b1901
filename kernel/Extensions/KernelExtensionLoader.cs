using System.Reflection;
using System.Runtime.Loader;
using CSharpKernel.Execution.Packages;
using Microsoft.DotNet.Interactive;

namespace CSharpKernel.Extensions;

/// <summary>
/// Loads the .NET Interactive kernel extensions restored packages ship in
/// <c>interactive-extensions/dotnet/*.dll</c> and calls each <see cref="IKernelExtension"/>'s
/// <c>OnLoadAsync</c> with the <see cref="NotebookKernel"/>, as .NET Interactive does. They load
/// into the default context, where the kernel's own Microsoft.DotNet.Interactive(.Formatting) is
/// the only copy they can bind to, and where the package loader finds their package's assemblies.
/// An extension that fails is reported on the cell's stderr, naming it; the others and the cell go on.
/// </summary>
internal static class KernelExtensionLoader
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Loaded = new(StringComparer.Ordinal);

    /// <summary>The extension types whose OnLoadAsync completed, by full name.</summary>
    public static IReadOnlyList<string> Load(IReadOnlyList<RestoredPackage> packages)
    {
        var loaded = new List<string>();
        foreach (var package in packages)
        {
            var folder = Path.Combine(package.Directory, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder))
                continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                lock (Gate)
                {
                    if (!Loaded.Add(Path.GetFullPath(file)))
                        continue;
                }
                loaded.AddRange(LoadFile(package, file));
            }
        }
        return loaded;
    }

    private static List<string> LoadFile(RestoredPackage package, string file)
    {
        var loaded = new List<string>();
        Type[] types;
        try
        {
            types = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(file)).GetExportedTypes();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
        {
            Report(Path.GetFileName(file), package, e);
            return loaded;
        }
        foreach (var type in types.Where(IsExtension))
        {
            try
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                NotebookKernel.Instance.Load(extension);
                loaded.Add(type.FullName!);
            }
            catch (Exception e)
            {
                Report(type.FullName!, package, e is TargetInvocationException { InnerException: { } inner } ? inner : e);
            }
        }
        return loaded;
    }

    private static bool IsExtension(Type type) =>
        type is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null;

    private static void Report(string extension, RestoredPackage package, Exception error)
    {
        Console.Out.Flush();
        Console.Error.WriteLine($"Kernel extension {extension} from {package.Name} {package.Version} failed to load: {error.GetType().Name}: {error.Message}");
    }
}
