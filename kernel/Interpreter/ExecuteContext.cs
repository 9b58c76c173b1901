namespace CSharpKernel.Interpreter;

/// <summary>What the server gives the interpreter for one execute_request.</summary>
/// <param name="Output">The request's stream, display_data, update_display_data and clear_output; null when the request is silent.</param>
/// <param name="Input">Asks the client for a line (input_request); throws when the request does not allow stdin.</param>
/// <param name="Interrupt">Cancelled by interrupt_request or SIGINT, from the moment the client can know the cell started.</param>
internal sealed record ExecuteContext(IOutputSink? Output, IInputSource Input, CancellationToken Interrupt);
