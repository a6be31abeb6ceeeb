using Touchstone.Suites.Common;

namespace Touchstone.Suites.Scan;

/// <summary>
/// Config of the <c>scan-curriculum</c> experiment (suite <c>scan-curriculum</c>, variant <c>curriculum</c>): the
/// research project's minimal LSTM encoder–decoder trained by minibatches in four stages. Sources:
/// fergusmeiklejohn/neural_networks_research at b7e887c, experiments/02_compositional_language/ —
/// simple_baseline_v2.py (the model: embedding 128, one LSTM of 128 on each side) and
/// paperspace_comprehensive_experiments.py (the stages: Adam 1e-3 / 5e-4 / 2e-4 / 1e-4, 3 epochs each, batch 32,
/// stage 1 on the first 5,000 training examples). Every field is required, so the suite YAML states the protocol.
/// </summary>
/// <param name="Data">The split and how much of its test set is scored (shared with the <c>scan</c> experiment).</param>
/// <param name="Curriculum">The model and the stages.</param>
public sealed record ScanCurriculumConfig(ScanDataConfig Data, ScanCurriculumSettings Curriculum)
{
    /// <summary>Checks the values that binding cannot; throws a <see cref="ConfigException"/> naming every broken key.</summary>
    public void Validate() => ConfigCheck.Validate("scan-curriculum", check =>
    {
        check.At("data").Require(Data.TestLimit is null or > 0, "test_limit", "must be positive or null (the whole test set)", Data.TestLimit);
        var c = Curriculum;
        check.At("curriculum").Positive("embedding", c.Embedding).Positive("hidden", c.Hidden)
            .Require(c.StageLrs.Count > 0 && c.StageLrs.All(lr => lr > 0), "stage_lrs", "must list one positive learning rate per stage", string.Join(", ", c.StageLrs))
            .Positive("epochs_per_stage", c.EpochsPerStage).Positive("batch_size", c.BatchSize)
            .Positive("first_stage_examples", c.FirstStageExamples)
            .Require(c.StageExamples is null or > 0, "stage_examples", "must be positive or null (the whole training split)", c.StageExamples)
            .Positive("eval_sample", c.EvalSample)
            .Require(c.MaxDecodeLength > 48, "max_decode_length", "must exceed 48, SCAN's longest action sequence, to leave room for EOS", c.MaxDecodeLength);
    });
}

/// <summary>The research project's model and curriculum, as far as its sources define them.</summary>
/// <param name="Embedding">Width of the command and action embeddings (source: d_model 128).</param>
/// <param name="Hidden">Units of the one LSTM layer on each side (source: 128).</param>
/// <param name="StageLrs">Adam's learning rate of each stage, a fresh optimizer per stage (source: 1e-3, 5e-4, 2e-4, 1e-4).</param>
/// <param name="EpochsPerStage">Epochs of every stage (source: 3).</param>
/// <param name="BatchSize">Minibatch size, the last batch of an epoch kept short (source: 32).</param>
/// <param name="FirstStageExamples">Stage 1 ("Basic SCAN") trains on this many training lines, the first of a fixed
/// order drawn from the data seed (source: train_data[:5000]).</param>
/// <param name="StageExamples">Stages 2–4 train on this many lines of the same order, or null for the whole training
/// split. The source trains them on its own word-swap modification data, which SCAN's splits do not have; this
/// is Touchstone's choice (docs/suites/scan.md, deviations).</param>
/// <param name="EvalSample">Test commands of the fixed evaluation sample, and training commands scored at the end.</param>
/// <param name="MaxDecodeLength">Greedy decoding stops after this many steps without EOS.</param>
public sealed record ScanCurriculumSettings(int Embedding, int Hidden, IReadOnlyList<double> StageLrs, int EpochsPerStage,
    int BatchSize, int FirstStageExamples, int? StageExamples, int EvalSample, int MaxDecodeLength);
