namespace Touchstone.Gate;

/// <summary>
/// Input the gate or promote cannot use: no run, no baseline, an unreadable file, a run that cannot become a
/// baseline. The message names the file and says what to do; the CLI prints it and exits with code 2.
/// </summary>
public sealed class GateInputException : Exception
{
    /// <summary>Creates the exception with a message a user can act on.</summary>
    public GateInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message a user can act on and the error behind it.</summary>
    public GateInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
