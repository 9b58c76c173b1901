namespace CSharpKernel.Interpreter;

/// <summary>Where a running cell's input comes from: the front end, asked over the stdin channel.</summary>
internal interface IInputSource
{
    /// <summary>Asks the user for one line; throws when the front end cannot answer.</summary>
    string ReadLine(string prompt, bool password, CancellationToken token);
}
