using Touchstone.Suites.Common;

namespace Touchstone.Suites.Scan;

/// <summary>
/// Config of the <c>scan</c> experiment (suite <c>scan-curriculum</c>): which SCAN split, the encoder–decoder and
/// Lake &amp; Baroni's trial loop. Every field is required, so the suite YAML states the whole protocol and the config
/// hash covers it. Sources: brendenlake/SCAN (splits) and Lake &amp; Baroni (2018), §3 (protocol).
/// </summary>
/// <param name="Data">The split and how much of its test set is scored.</param>
/// <param name="Model">The network.</param>
/// <param name="Training">The trial loop and the evaluation schedule.</param>
public sealed record ScanConfig(ScanDataConfig Data, ScanModelConfig Model, ScanTrainingConfig Training)
{
    /// <summary>Checks the values that binding cannot; throws a <see cref="ConfigException"/> naming every broken key.</summary>
    public void Validate() => ConfigCheck.Validate("scan", check =>
    {
        check.At("data").Require(Data.TestLimit is null or > 0, "test_limit", "must be positive or null (the whole test set)", Data.TestLimit);
        check.At("model").Positive("embedding", Model.Embedding).Positive("hidden", Model.Hidden).Positive("layers", Model.Layers)
            .Probability("dropout", Model.Dropout);
        check.At("training").Positive("trials", Training.Trials).Positive("lr", Training.Lr).Positive("clip_norm", Training.ClipNorm)
            .InRange("teacher_forcing", Training.TeacherForcing, 0, 1)
            .Positive("eval_every", Training.EvalEvery).Positive("eval_sample", Training.EvalSample)
            .Require(Training.MaxDecodeLength > 48, "max_decode_length",
                "must exceed 48, SCAN's longest action sequence, to leave room for EOS", Training.MaxDecodeLength);
    });
}

/// <summary>The data of a cell.</summary>
/// <param name="Split">simple, add_prim_jump, add_prim_turn_left or length (brendenlake/SCAN's standard splits).</param>
/// <param name="DataSeed">Seed of the simple split's random 80/20 draw, independent of the training seed.</param>
/// <param name="TestLimit">
/// Score only this many test commands (a fixed draw from the data seed), or null for the whole test set; the
/// smoke profile's subset.
/// </param>
public sealed record ScanDataConfig(ScanSplit Split, int DataSeed, int? TestLimit);

/// <summary>The encoder–decoder (Lake &amp; Baroni's overall-best: 2 layers of 200, dropout 0.5, no attention).</summary>
/// <param name="Embedding">Width of both embeddings (the reference benchmark uses the hidden width).</param>
/// <param name="Hidden">LSTM units per layer.</param>
/// <param name="Layers">Stacked LSTM layers on each side.</param>
/// <param name="Dropout">Dropout on the embeddings and between stacked layers.</param>
public sealed record ScanModelConfig(int Embedding, int Hidden, int Layers, double Dropout);

/// <summary>Lake &amp; Baroni's trial loop and Touchstone's evaluation schedule.</summary>
/// <param name="Trials">Training trials, each one example drawn with replacement (source: 100,000).</param>
/// <param name="Lr">Adam learning rate (source: 0.001).</param>
/// <param name="ClipNorm">Gradient-norm clip (source: 5.0).</param>
/// <param name="TeacherForcing">Probability that a trial feeds the decoder the target rather than its own
/// greedy output (source: 0.5).</param>
/// <param name="EvalEvery">Trials between evaluations of exact match on the fixed evaluation sample.</param>
/// <param name="EvalSample">Test commands in that fixed sample (the curve; the finals score the whole test set).</param>
/// <param name="MaxDecodeLength">Greedy decoding stops after this many steps without EOS.</param>
public sealed record ScanTrainingConfig(int Trials, double Lr, double ClipNorm, double TeacherForcing, int EvalEvery,
    int EvalSample, int MaxDecodeLength);
