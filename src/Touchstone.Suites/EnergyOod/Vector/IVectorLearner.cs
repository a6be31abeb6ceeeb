using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>What an evaluation of a vector model found.</summary>
/// <param name="Mse">Mean squared error over every element of the split.</param>
/// <param name="Energies">For an EBT the mean energy at each inference step, ŷ0 first and ŷ_N last; empty for the FFN.</param>
public sealed record VectorEvaluation(double Mse, IReadOnlyList<double> Energies);

/// <summary>A vector model with its optimizer: trained one minibatch at a time, evaluated on a whole split.</summary>
public interface IVectorLearner : IDisposable
{
    /// <summary>Short name used in metric names: <c>ebt</c> or <c>ffn</c>.</summary>
    string Name { get; }

    /// <summary>Optimizer steps to train.</summary>
    int Steps { get; }

    /// <summary>Examples per minibatch.</summary>
    int BatchSize { get; }

    /// <summary>One optimizer step on (x, y); returns the loss when <paramref name="readLoss"/> (reading it waits
    /// for the device), NaN otherwise.</summary>
    double TrainStep(Tensor x, Tensor y, bool readLoss);

    /// <summary>Evaluates on a whole split.</summary>
    VectorEvaluation Evaluate(Tensor x, Tensor y);
}
