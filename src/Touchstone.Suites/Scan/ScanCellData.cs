using System.Security.Cryptography;
using System.Text;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;

namespace Touchstone.Suites.Scan;

/// <summary>A cell's examples: the training lines (with repeats), the scored test commands, the fixed evaluation
/// sample of the curve, and the training sample scored at the end.</summary>
/// <param name="Train">The split's training lines, in the published order.</param>
/// <param name="Test">The scored test commands (all, or a fixed subset).</param>
/// <param name="EvalSample">The fixed test sample of the curves.</param>
/// <param name="TrainSample">Distinct training commands scored at the end, as many as the evaluation sample.</param>
internal sealed record ScanCellData(IReadOnlyList<ScanExample> Train, IReadOnlyList<ScanExample> Test,
    IReadOnlyList<ScanExample> EvalSample, IReadOnlyList<ScanExample> TrainSample)
{
    /// <summary>Builds the split, draws the fixed orders from the data seed alone (never the training seed), and
    /// hashes the training and scored test lines into the cell.</summary>
    public static ScanCellData Prepare(ICellContext context, ScanDataConfig config, int evalSample)
    {
        var split = ScanSplits.Build(config.Split, config.DataSeed);
        // A fixed order of the test set from the data seed: the test subset (smoke) and the evaluation sample are
        // prefixes of it, so they do not depend on the training seed.
        var testOrder = split.Test.ToList();
        new SeededRandom(unchecked((ulong)config.DataSeed)).Fork("scan.test_order").Shuffle(testOrder);
        var test = testOrder.Take(config.TestLimit ?? testOrder.Count).ToList();
        var trainSample = split.Train.DistinctBy(e => e.Line).ToList();
        new SeededRandom(unchecked((ulong)config.DataSeed)).Fork("scan.train_sample").Shuffle(trainSample);
        var data = new ScanCellData(split.Train, test, test.Take(evalSample).ToList(), trainSample.Take(evalSample).ToList());

        AddData(context, "train", data.Train);
        AddData(context, "test", data.Test);
        context.Message($"data {config.Split}: {data.Train.Count} training lines, {data.Test.Count} of {split.Test.Count} test commands scored, " +
            $"evaluation sample {data.EvalSample.Count}");
        return data;
    }

    private static void AddData(ICellContext context, string name, IReadOnlyList<ScanExample> examples)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', examples.Select(e => e.Line)));
        context.AddData($"{name}.lines", bytes);
        context.Message($"data {name}: {examples.Count} lines, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}");
    }
}
