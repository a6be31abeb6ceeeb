using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.Spectral;

/// <summary>
/// The README's early stopping, read in the usual way: after every epoch the in-distribution MSE is measured;
/// training stops once it has not improved for <c>patience</c> epochs in a row, and the weights of the best epoch
/// are kept so they can be restored before the final evaluation.
/// </summary>
internal sealed class EarlyStopping(int patience) : IDisposable
{
    private Dictionary<string, Tensor>? _best;
    private int _epochsWithoutImprovement;

    /// <summary>The epoch (1-based) with the lowest in-distribution MSE so far; 0 before the first.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The lowest in-distribution MSE so far.</summary>
    public double BestMse { get; private set; } = double.PositiveInfinity;

    /// <summary>Records the MSE after <paramref name="epoch"/>; returns true when training should stop.</summary>
    public bool ShouldStop(int epoch, double mse, Module model)
    {
        if (mse < BestMse)
        {
            BestMse = mse;
            BestEpoch = epoch;
            _epochsWithoutImprovement = 0;
            Keep(model);
            return false;
        }
        _epochsWithoutImprovement++;
        return _epochsWithoutImprovement >= patience;
    }

    /// <summary>Copies the best epoch's weights back into <paramref name="model"/>.</summary>
    public void RestoreBest(Module model)
    {
        if (_best is not null)
        {
            model.LoadStateDict(_best);
        }
    }

    public void Dispose() => Release();

    private void Keep(Module model)
    {
        Release();
        using var scope = DisposeScope.Begin();
        _best = model.StateDict().ToDictionary(p => p.Key, p => p.Value.Clone().DetachFromDisposeScope());
    }

    private void Release()
    {
        foreach (var tensor in _best?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }
        _best = null;
    }
}
