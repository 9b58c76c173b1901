namespace CSharpKernel.Tests.Notebooks;

/// <summary>An input_request a cell is expected to send, and what the test types in answer.</summary>
public sealed record InputAnswer(string Prompt, string Answer, bool Password = false);
