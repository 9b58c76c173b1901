using System.Globalization;

namespace CSharpKernel.Execution;

/// <summary>Byte counts as the limits' messages show them: 4 MiB, 12.3 MiB, 512 KiB, 900 B.</summary>
internal static class ByteSize
{
    public static string Format(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        var text = unit == 0 || value == Math.Floor(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);
        return $"{text} {units[unit]}";
    }
}
