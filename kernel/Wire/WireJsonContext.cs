using System.Text.Json.Serialization;

namespace CSharpKernel.Wire;

[JsonSerializable(typeof(MessageHeader))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
