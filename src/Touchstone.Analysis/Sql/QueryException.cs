namespace Touchstone.Analysis.Sql;

/// <summary>
/// SQL that DuckDB rejected, or run folders that cannot be queried. The message is DuckDB's own, which names the
/// error type and shows the SQL line with a caret under the position (<c>LINE 1: SELECT * FORM metrics</c>).
/// </summary>
public sealed class QueryException : Exception
{
    /// <summary>An error with a message that says what to fix.</summary>
    public QueryException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a message that says what to fix, and its cause.</summary>
    public QueryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
