namespace CSharpKernel.Execution;

/// <summary>
/// A secret the user typed, as .NET Interactive's <c>GetPasswordAsync</c> returns it: shown, printed
/// or logged it is masked; <see cref="GetClearTextPassword"/> is the one way to the text.
/// </summary>
public sealed class PasswordString
{
    private readonly string _clearText;

    public PasswordString(string clearText) => _clearText = clearText;

    public string GetClearTextPassword() => _clearText;

    public override string ToString() => "************";
}
