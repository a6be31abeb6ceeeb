namespace Touchstone.Analysis.Sql;

/// <summary>One column of a query result.</summary>
/// <param name="Name">Column name as DuckDB reports it.</param>
/// <param name="Type">The .NET type of its values (null values aside).</param>
public sealed record QueryColumn(string Name, Type Type);

/// <summary>The result of one SQL statement: its columns and rows, values as DuckDB.NET returns them (null for SQL NULL).</summary>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows; each has one value per column.</param>
public sealed record QueryTable(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows);
