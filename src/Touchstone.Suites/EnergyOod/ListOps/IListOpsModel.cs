using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>A ListOps classifier as the shared training loop sees it.</summary>
public interface IListOpsModel
{
    /// <summary>Short name used in metric names: <c>transformer</c> or <c>ebt</c>.</summary>
    string Name { get; }

    /// <summary>The parameters' owner (train/eval mode, state).</summary>
    Module Module { get; }

    /// <summary>Logits (batch, 10) whose cross-entropy is the training loss.</summary>
    Tensor TrainingLogits(ListOpsBatch batch);

    /// <summary>Logits for evaluation, without a graph; an EBT adds its mean energy per inference step to
    /// <paramref name="energies"/>.</summary>
    Tensor EvaluationLogits(ListOpsBatch batch, List<double> energies);
}
