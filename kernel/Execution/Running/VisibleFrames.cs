using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CSharpKernel.Execution;

/// <summary>
/// Keeps every method of a cell on the stack, so that a traceback names each cell and line the
/// call went through. The runtime does not tier code in collectible contexts: it is compiled fully
/// optimized at once, and the JIT would inline a small method a cell declared into its caller
/// (tier-0 code, which non-collectible cells ran first, never inlines). So each method of the
/// image is marked NoInlining, in place, unless the user asked for aggressive inlining.
/// </summary>
internal static class VisibleFrames
{
    // ECMA-335 II.22.26: a MethodDef row starts with its RVA (4 bytes), then its ImplFlags (2 bytes).
    private const int ImplFlagsOffset = 4;

    public static void Mark(byte[] image)
    {
        int start, rowSize, rows;
        using (var pe = new PEReader(new MemoryStream(image, writable: false)))
        {
            var reader = pe.GetMetadataReader();
            start = pe.PEHeaders.MetadataStartOffset + reader.GetTableMetadataOffset(TableIndex.MethodDef);
            rowSize = reader.GetTableRowSize(TableIndex.MethodDef);
            rows = reader.GetTableRowCount(TableIndex.MethodDef);
        }
        for (var row = 0; row < rows; row++)
        {
            var flags = image.AsSpan(start + row * rowSize + ImplFlagsOffset, sizeof(ushort));
            var impl = (MethodImplAttributes)BinaryPrimitives.ReadUInt16LittleEndian(flags);
            if ((impl & MethodImplAttributes.AggressiveInlining) == 0)
                BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(impl | MethodImplAttributes.NoInlining));
        }
    }
}
