using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// What each mode trains and predicts: the losses of toyexp/common/losses.py (LossManager.compute_loss) and the
/// branches of toyexp/common/integrate.py (integrate), at the final version 4599477; the first version's
/// regression and flow are the same code.
/// </summary>
public static class Modes
{
    /// <summary>Whether the mode's network takes t (the source's use_time = mode in ["flow", "mip"]).</summary>
    public static bool UsesTime(Mode mode) => mode is Mode.Flow or Mode.Mip;

    /// <summary>The split name a mode's metrics go under (the source's mode names).</summary>
    public static string Name(Mode mode) => mode switch
    {
        Mode.Regression => "regression",
        Mode.Flow => "flow",
        Mode.StraightFlow => "straight_flow",
        Mode.Mip => "mip",
        _ => "mip_one_step",
    };

    /// <summary>Whether the prediction depends on the number of integration steps (only flow and straight_flow integrate).</summary>
    public static bool Integrates(Mode mode) => mode is Mode.Flow or Mode.StraightFlow;

    /// <summary>
    /// The training loss of one minibatch of conditions <paramref name="c"/> and targets <paramref name="x1"/>.
    /// <paramref name="x0"/> is the minibatch's initial state and <paramref name="t"/> its U(0, 1) times (ignored
    /// by the modes that do not sample a time).
    /// </summary>
    public static Tensor Loss(Mode mode, ConditionalMlp model, LossType loss, Tensor x0, Tensor x1, Tensor c, Tensor t, double tStar)
    {
        var zeros = Tensor.ZerosLike(t);
        switch (mode)
        {
            case Mode.Regression:
                return Distance(loss, model.Forward(Tensor.ZerosLike(x1), c, zeros), x1);
            case Mode.Flow:
                var xt = (1 - t) * x0 + t * x1;
                return Distance(loss, model.Forward(xt, c, t), x1 - x0);
            case Mode.StraightFlow:
                return Distance(loss, model.Forward((1 - t) * x0 + t * x1, c, zeros), x1);
            default:
                var fromStart = Distance(loss, model.Forward(x0, c, zeros), x1);
                var xStar = x0 * (1 - tStar) + x1 * tStar;
                var fromStar = Distance(loss, model.Forward(xStar, c, Tensor.FullLike(t, tStar)), x1);
                return fromStart + fromStar;
        }
    }

    /// <summary>The mode's prediction of x1 from <paramref name="x0"/> at conditions <paramref name="c"/> (call under no_grad).</summary>
    public static Tensor Predict(Mode mode, ConditionalMlp model, Tensor x0, Tensor c, int steps, Integrator integrator, double tStar)
    {
        var n = c.Shape[0];
        Tensor Time(double value) => Tensor.Full([n, 1], value, device: c.Device);
        switch (mode)
        {
            case Mode.Flow:
                return FlowIntegration.Integrate(integrator, (x, t) => model.Forward(x, c, Time(t)), x0, steps);
            case Mode.StraightFlow:
                return FlowIntegration.StraightFlow(x => model.Forward(x, c, Time(0)), x0, steps);
            case Mode.Mip:
                return model.Forward(model.Forward(x0, c, Time(0)), c, Time(tStar));
            default:
                // regression and mip_one_step: one forward pass from x0 at t = 0 (regression's network ignores t).
                return model.Forward(x0, c, Time(0));
        }
    }

    private static Tensor Distance(LossType loss, Tensor prediction, Tensor target) =>
        loss == LossType.L1 ? F.L1Loss(prediction, target) : F.MseLoss(prediction, target);
}
