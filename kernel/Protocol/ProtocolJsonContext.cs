using System.Text.Json.Serialization;

namespace CSharpKernel.Protocol;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExecuteRequest))]
[JsonSerializable(typeof(ExecuteReply))]
[JsonSerializable(typeof(KernelInfoReply))]
[JsonSerializable(typeof(IsCompleteRequest))]
[JsonSerializable(typeof(IsCompleteReply))]
[JsonSerializable(typeof(ShutdownRequest))]
[JsonSerializable(typeof(ShutdownReply))]
[JsonSerializable(typeof(InterruptReply))]
[JsonSerializable(typeof(CommInfoRequest))]
[JsonSerializable(typeof(CommInfoReply))]
[JsonSerializable(typeof(CommOpenContent))]
[JsonSerializable(typeof(CommCloseContent))]
[JsonSerializable(typeof(CompleteRequest))]
[JsonSerializable(typeof(CompleteReply))]
[JsonSerializable(typeof(InspectRequest))]
[JsonSerializable(typeof(InspectReply))]
[JsonSerializable(typeof(HistoryRequest))]
[JsonSerializable(typeof(HistoryReply))]
[JsonSerializable(typeof(StatusContent))]
[JsonSerializable(typeof(IopubWelcomeContent))]
[JsonSerializable(typeof(StreamOutput))]
[JsonSerializable(typeof(ExecuteInputContent))]
[JsonSerializable(typeof(ExecuteResultContent))]
[JsonSerializable(typeof(DisplayDataContent))]
[JsonSerializable(typeof(UpdateDisplayDataContent))]
[JsonSerializable(typeof(ErrorContent))]
[JsonSerializable(typeof(RequestErrorReply))]
[JsonSerializable(typeof(ClearOutputContent))]
[JsonSerializable(typeof(InputRequest))]
[JsonSerializable(typeof(InputReply))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
