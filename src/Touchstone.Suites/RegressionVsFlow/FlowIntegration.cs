using Touchstone.Torch;

namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// Integration of dx/dt = v(x, t) from t = 0 to 1 in n equal steps (toyexp/common/integrate.py: euler_integrate,
/// rk4_integrate, and the straight_flow branch of integrate). The field is a plain function so that the
/// integrators are tested on fields with closed-form solutions.
/// </summary>
public static class FlowIntegration
{
    /// <summary>x_{k+1} = x_k + dt v(x_k, t_k), t_k = k dt.</summary>
    public static Tensor Euler(Func<Tensor, double, Tensor> velocity, Tensor x0, int steps)
    {
        var dt = 1.0 / steps;
        var x = x0;
        for (var k = 0; k < steps; k++)
        {
            x = x + velocity(x, k * dt) * dt;
        }
        return x;
    }

    /// <summary>Classical RK4 with k2 and k3 at t + dt/2 and k4 at t + dt.</summary>
    public static Tensor Rk4(Func<Tensor, double, Tensor> velocity, Tensor x0, int steps)
    {
        var dt = 1.0 / steps;
        var x = x0;
        for (var k = 0; k < steps; k++)
        {
            var t = k * dt;
            var k1 = velocity(x, t);
            var k2 = velocity(x + k1 * (dt / 2), t + dt / 2);
            var k3 = velocity(x + k2 * (dt / 2), t + dt / 2);
            var k4 = velocity(x + k3 * dt, t + dt);
            x = x + (k1 + k2 * 2 + k3 * 2 + k4) * (dt / 6);
        }
        return x;
    }

    /// <summary>The integrator a config names.</summary>
    public static Tensor Integrate(Integrator integrator, Func<Tensor, double, Tensor> velocity, Tensor x0, int steps) =>
        integrator == Integrator.Rk4 ? Rk4(velocity, x0, steps) : Euler(velocity, x0, steps);

    /// <summary>
    /// The straight-flow sampler: with s, t consecutive points of linspace(0, 1, n + 1) (computed in float32, as
    /// torch.linspace gives them), x ← ((1 − t)/(1 − s)) x + ((t − s)/(1 − s)) x̂1(x), where x̂1 predicts the end point.
    /// </summary>
    public static Tensor StraightFlow(Func<Tensor, Tensor> predictEnd, Tensor x0, int steps)
    {
        var x = x0;
        for (var i = 0; i < steps; i++)
        {
            double s = (float)Targets.Linspace(0, 1, steps + 1, i);
            double t = (float)Targets.Linspace(0, 1, steps + 1, i + 1);
            x = x * ((1 - t) / (1 - s)) + predictEnd(x) * ((t - s) / (1 - s));
        }
        return x;
    }
}
