namespace Touchstone.Cli;

/// <summary>The exit codes of <c>touchstone</c>.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran and every cell is ok.</summary>
    public const int Ok = 0;

    /// <summary>Some cell failed or diverged (or, for merge, some cell is missing); or an unexpected error.</summary>
    public const int CellsFailed = 1;

    /// <summary>Bad input: a suite file, an option, an override, a run folder. Nothing ran.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM; what finished is saved and <c>--resume</c> continues.</summary>
    public const int Interrupted = 130;
}
