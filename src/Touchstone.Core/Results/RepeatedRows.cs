using System.Globalization;

namespace Touchstone.Core.Results;

/// <summary>
/// Two or more rows of a metrics or curves table for one (suite, variant, seed, split, metric) at one step. A cell
/// records one value per metric and step, so such rows mean the table was edited or damaged: whoever reads it would
/// have to guess which value is meant.
/// </summary>
/// <param name="Suite">Suite of the key.</param>
/// <param name="Variant">Variant of the key.</param>
/// <param name="Seed">Seed of the key.</param>
/// <param name="Split">Split of the key.</param>
/// <param name="Metric">Metric of the key.</param>
/// <param name="Step">The step the rows share.</param>
/// <param name="Values">The values of those rows, in table order.</param>
public sealed record RepeatedRow(string Suite, string Variant, int Seed, string Split, string Metric, long Step, IReadOnlyList<double> Values)
{
    /// <summary>Finds the first key and step with more than one row in <paramref name="rows"/>; null when there is none.</summary>
    public static RepeatedRow? FirstIn(IEnumerable<MetricRow> rows)
    {
        var seen = new HashSet<(string, string, int, string, string, long)>();
        foreach (var row in rows)
        {
            var key = (row.Suite, row.Variant, row.Seed, row.Split, row.Metric, row.Step);
            if (!seen.Add(key))
            {
                var values = rows.Where(r => (r.Suite, r.Variant, r.Seed, r.Split, r.Metric, r.Step) == key).Select(r => r.Value).ToList();
                return new RepeatedRow(row.Suite, row.Variant, row.Seed, row.Split, row.Metric, row.Step, values);
            }
        }
        return null;
    }

    /// <summary>What is wrong with <paramref name="table"/>, naming the key, the step and the values.</summary>
    public string Describe(string table) =>
        $"{table} has {Values.Count} rows for suite {Suite}, variant {Variant}, seed {Seed}, {Split}/{Metric} at step {Step} " +
        $"(values {string.Join(", ", Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}); a cell records one value " +
        "per metric and step, so the table was edited or damaged";
}
