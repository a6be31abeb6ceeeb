using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.Vector;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class S2RecipeTests
{
    [Fact]
    public void Replay_buffer_is_a_fifo_of_its_capacity()
    {
        using var scope = DisposeScope.Begin();
        using var buffer = new ReplayBuffer(capacity: 5);
        for (var batch = 0; batch < 3; batch++) // rows 0..8 in three batches of three
        {
            var rows = Tensor.Arange(3 * batch, 3 * batch + 3, dtype: DType.Float32).Unsqueeze(1);
            buffer.Add(rows, rows * 10, rows * 100);
        }

        var sample = buffer.Sample(10, new SeededRandom(0))!.Value;

        Assert.Equal(5, buffer.Count);
        Assert.Equal(new[] { 4f, 5f, 6f, 7f, 8f }, sample.X.ToArray<float>().Order()); // the oldest four were dropped
        Assert.Equal(sample.X.ToArray<float>().Select(v => v * 100), sample.Prediction.ToArray<float>());
        Assert.Equal(sample.X.ToArray<float>().Select(v => v * 10), sample.Y.ToArray<float>());
    }

    [Fact]
    public void Replay_sample_is_distinct_and_empty_buffer_gives_none()
    {
        using var scope = DisposeScope.Begin();
        using var buffer = new ReplayBuffer(capacity: 50);
        Assert.Null(buffer.Sample(4, new SeededRandom(0)));
        var rows = Tensor.Arange(0, 40, dtype: DType.Float32).Unsqueeze(1);
        buffer.Add(rows, rows, rows);

        var drawn = buffer.Sample(20, new SeededRandom(1))!.Value.X.ToArray<float>();

        Assert.Equal(20, drawn.Distinct().Count());
    }

    [Fact]
    public void Training_plans_draw_two_or_three_steps_and_step_sizes_within_half_and_double_alpha()
    {
        using var scope = DisposeScope.Begin();
        var config = new EbtConfig { Recipe = EbtRecipe.PaperS2, StepSize = 1.5 };
        using var streams = new RandomStreams(0, "test", Device.Cpu);
        using var recipe = new S2Recipe(config, streams);

        var plans = Enumerable.Range(0, 40).Select(_ => recipe.TrainingPlan(64, DType.Float32)).ToList();
        var sizes = plans.SelectMany(p => p.StepSizes!.ToArray<float>()).ToList();
        var evaluation = recipe.EvaluationPlan();

        Assert.Equal(new[] { 2, 3 }, plans.Select(p => p.Steps).Distinct().Order());
        Assert.All(sizes, s => Assert.InRange(s, 0.75f, 3.0f));
        Assert.True(sizes.Min() < 1.0f && sizes.Max() > 2.5f);
        Assert.All(plans, p => Assert.Equal(1.0, p.NoiseStd));
        Assert.Equal(3, evaluation.Steps);
        Assert.Null(evaluation.StepSizes);
        Assert.Equal(1.5, evaluation.StepSize);
    }

    [Fact]
    public void Replayed_examples_are_appended_after_the_fresh_ones_with_their_last_prediction()
    {
        using var scope = DisposeScope.Begin();
        var config = new EbtConfig { Recipe = EbtRecipe.PaperS2 };
        using var streams = new RandomStreams(0, "test", Device.Cpu);
        using var recipe = new S2Recipe(config, streams);
        var x = Tensor.Ones([8, 2]);
        var y = Tensor.Ones([8, 1]);

        var first = recipe.WithReplay(x, y, Tensor.Zeros([8, 1]));
        recipe.Remember(x * 2, y * 3, Tensor.Full([8, 1], 7.0));
        var second = recipe.WithReplay(x, y, Tensor.Zeros([8, 1]));

        Assert.Equal(8, first.X.Size(0));
        Assert.Equal(12, second.X.Size(0)); // half a batch replayed
        Assert.Equal(Enumerable.Repeat(0f, 8).Concat(Enumerable.Repeat(7f, 4)), second.Initial.ToArray<float>());
        Assert.Equal(Enumerable.Repeat(1f, 8).Concat(Enumerable.Repeat(3f, 4)), second.Y.ToArray<float>());
    }
}
