using Touchstone.Suites.RegressionVsFlow;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.RegressionVsFlow;

public sealed class FlowIntegrationTests
{
    [Fact]
    public void Euler_with_the_exact_constant_velocity_reaches_x1_in_one_step()
    {
        using var scope = DisposeScope.Begin();
        var x0 = Tensor.From(new[] { 0.5f, -1f, 2f }, [1, 3]);
        var x1 = Tensor.From(new[] { 1.5f, 3f, -2f }, [1, 3]);

        var end = FlowIntegration.Euler((_, _) => x1 - x0, x0, steps: 1);

        Assert.Equal(new[] { 1.5f, 3f, -2f }, end.ToArray<float>());
    }

    [Theory]
    [InlineData(Integrator.Euler, 1, 1.0)]
    [InlineData(Integrator.Rk4, 4, 1e-4)]
    public void Integrators_have_their_order_on_dx_dt_equals_x(Integrator integrator, int order, double maxError)
    {
        using var scope = DisposeScope.Begin();
        var x0 = Tensor.Ones([1, 1], DType.Float64);

        double Error(int steps) => Math.Abs(FlowIntegration.Integrate(integrator, (x, _) => x, x0, steps).Item<double>() - Math.E);

        Assert.True(Error(8) < maxError, $"error with 8 steps {Error(8)}");
        // Halving the step divides the error by about 2^order.
        var ratio = Error(16) / Error(32);
        Assert.InRange(ratio, Math.Pow(2, order) * 0.85, Math.Pow(2, order) * 1.15);
    }

    [Fact]
    public void Rk4_integrates_a_time_dependent_field_to_its_closed_form()
    {
        using var scope = DisposeScope.Begin();
        // dx/dt = 3t², x(0) = 0 → x(1) = 1; RK4 (Simpson's rule here) is exact for quadratics in t.
        var end = FlowIntegration.Rk4((x, t) => Tensor.FullLike(x, 3 * t * t), Tensor.Zeros([1, 1], DType.Float64), steps: 3);

        Assert.Equal(1.0, end.Item<double>(), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Straight_flow_with_the_exact_end_point_reaches_x1_for_any_step_count(int steps)
    {
        using var scope = DisposeScope.Begin();
        var x0 = Tensor.From(new[] { 0.3f, -0.7f }, [1, 2]);
        var x1 = Tensor.From(new[] { -1.25f, 2.5f }, [1, 2]);

        var end = FlowIntegration.StraightFlow(_ => x1, x0, steps).ToArray<float>();

        Assert.Equal(-1.25f, end[0], 5);
        Assert.Equal(2.5f, end[1], 5);
    }
}
