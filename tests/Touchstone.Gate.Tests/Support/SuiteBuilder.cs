using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Tests.Support;

/// <summary>Builds one suite's gate input from per-seed values, with identical provenance unless told otherwise.</summary>
internal sealed class SuiteBuilder(string suite = "toy", string profile = "smoke")
{
    public static readonly Provenance DefaultProvenance = new("c0ffee" + new string('0', 58), "da7a" + new string('0', 60), "cpu", "1.13.1");

    private readonly List<MetricDeclaration> _metrics = [];
    private readonly List<CellFacts> _baseCells = [];
    private readonly List<CellFacts> _candCells = [];
    private readonly List<SeedValue> _baseValues = [];
    private readonly List<SeedValue> _candValues = [];

    public static MetricDeclaration Lower(string name, double margin = 0, bool relative = false, MetricRole role = MetricRole.Primary) =>
        new(name, "test", Direction.Lower, role, new GateMargin(margin, relative));

    public static MetricDeclaration Higher(string name, double margin = 0, bool relative = false, MetricRole role = MetricRole.Primary) =>
        new(name, "test", Direction.Higher, role, new GateMargin(margin, relative));

    public SuiteBuilder Metric(MetricDeclaration metric)
    {
        _metrics.Add(metric);
        return this;
    }

    public SuiteBuilder Baseline(string metric, IReadOnlyList<double> values, int firstSeed = 0, string variant = "base", Provenance? provenance = null) =>
        Add(_baseCells, _baseValues, metric, values, firstSeed, variant, provenance);

    public SuiteBuilder Candidate(string metric, IReadOnlyList<double> values, int firstSeed = 0, string variant = "base", Provenance? provenance = null) =>
        Add(_candCells, _candValues, metric, values, firstSeed, variant, provenance);

    public SuiteBuilder CandidateCellFailed(int seed, CellStatus status, string error, string variant = "base")
    {
        _candCells.RemoveAll(c => c.Variant == variant && c.Seed == seed);
        _candValues.RemoveAll(v => v.Variant == variant && v.Seed == seed);
        _candCells.Add(new CellFacts(variant, seed, status, error, DefaultProvenance));
        return this;
    }

    public SuiteGateInput Build() =>
        new(suite, profile, _metrics.ToList(), new SideData(_baseCells.ToList(), _baseValues.ToList()), new SideData(_candCells.ToList(), _candValues.ToList()));

    public GateResult Evaluate(GatePolicy? policy = null) => GateEngine.Evaluate(new GateInput([Build()], policy ?? GatePolicy.Default));

    private SuiteBuilder Add(List<CellFacts> cells, List<SeedValue> values, string metric, IReadOnlyList<double> data, int firstSeed, string variant, Provenance? provenance)
    {
        var split = _metrics.FirstOrDefault(m => m.Name == metric)?.Split ?? "test";
        for (var i = 0; i < data.Count; i++)
        {
            var seed = firstSeed + i;
            if (!cells.Any(c => c.Variant == variant && c.Seed == seed))
            {
                cells.Add(new CellFacts(variant, seed, CellStatus.Ok, null, provenance ?? DefaultProvenance));
            }
            values.Add(new SeedValue(variant, seed, split, metric, data[i]));
        }
        return this;
    }
}
