namespace Touchstone.Core.Declarations;

/// <summary>One problem found in a declaration or an override: where, which key, and what to do.</summary>
/// <param name="Location">Where it was found; null for the command line.</param>
/// <param name="Key">The offending key or path (e.g. <c>training.lrr</c>), or the value's path.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record Diagnostic(SourceLocation? Location, string Key, string Message)
{
    /// <summary><c>file:line:column: error: message</c>, or <c>error: message</c> without a location.</summary>
    public override string ToString() => Location is null ? $"error: {Message}" : $"{Location}: error: {Message}";
}

/// <summary>
/// Bad input that stops a command before anything runs: one or more diagnostics. The CLI prints them and exits
/// with code 2, without a stack trace.
/// </summary>
public sealed class DeclarationException : Exception
{
    /// <summary>Wraps the diagnostics found.</summary>
    public DeclarationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(System.Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>A single problem without a file (e.g. a bad command-line value).</summary>
    public DeclarationException(string key, string message)
        : this([new Diagnostic(null, key, message)])
    {
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
