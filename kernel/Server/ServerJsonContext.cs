using System.Text.Json.Serialization;

namespace CSharpKernel.Server;

[JsonSerializable(typeof(ConnectionInfo))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
