using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.Scan;

/// <summary>
/// One of Lake &amp; Baroni's training trials on one example (batch size 1): encode, decode teacher-forced or
/// free-running, cross-entropy over the target's steps, backward, gradient-norm clip, one Adam step.
/// </summary>
public sealed class ScanTrial : IDisposable
{
    private readonly ScanModel _model;
    private readonly Parameter[] _parameters;
    private readonly Adam _optimizer;
    private readonly double _clipNorm;

    /// <summary>Sets up Adam over the model's parameters (already on their device).</summary>
    public ScanTrial(ScanModel model, double lr, double clipNorm)
    {
        _model = model;
        _parameters = [.. model.Parameters()];
        _optimizer = new Adam(_parameters, lr);
        _clipNorm = clipNorm;
    }

    /// <summary>Runs the trial and returns its loss.</summary>
    /// <param name="command">Command ids with EOS, shape (time, 1).</param>
    /// <param name="actions">SOS, action ids, EOS, shape (time, 1).</param>
    /// <param name="teacherForced">Feed the decoder the target (else its own greedy output, without gradient
    /// through the choice), for as many steps as the target has.</param>
    /// <param name="stepwise">Decode a teacher-forced target one step per call, as PyTorch's reference loop does,
    /// instead of in one call over the whole sequence (the same computation; only the benchmark asks for it).</param>
    public float Run(Tensor command, Tensor actions, bool teacherForced, bool stepwise = false)
    {
        using var scope = DisposeScope.Begin();
        var states = _model.Encode(command);
        var steps = actions.Size(0) - 1;
        Tensor logits;
        if (teacherForced && !stepwise)
        {
            logits = _model.Decode(actions.Narrow(0, 0, steps), states);
        }
        else
        {
            var outputs = new List<Tensor>(checked((int)steps));
            var input = actions.Narrow(0, 0, 1);
            for (var t = 0; t < steps; t++)
            {
                var step = _model.Decode(input, states);
                outputs.Add(step);
                input = teacherForced ? actions.Narrow(0, t + 1, 1) : step.ArgMax(2);
            }
            logits = Tensor.Cat(outputs, 0);
        }
        var loss = F.CrossEntropy(logits.View(steps, -1), actions.Narrow(0, 1, steps).View(steps));
        _optimizer.ZeroGrad();
        loss.Backward();
        Utils.ClipGradNorm(_parameters, _clipNorm);
        _optimizer.Step();
        return loss.Item<float>();
    }

    /// <inheritdoc />
    public void Dispose() => _optimizer.Dispose();
}
