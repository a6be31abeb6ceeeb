using System.Runtime.InteropServices;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;

namespace Touchstone.Suites.SelfTest;

/// <summary>
/// The harness self-test: fits a linear model by minibatch gradient descent on seeded synthetic data, in plain
/// C# (no libtorch), logging the training loss and test MSE as curves and MSE/R² per split as final metrics. It
/// is small enough to run in milliseconds, deterministic to the bit for a given config and seed, and can inject a
/// failure, a NaN or a per-step delay (see <see cref="SelfTestFaults"/>) for the harness's own tests.
/// </summary>
public sealed class SelfTestExperiment : Experiment<SelfTestConfig>
{
    /// <inheritdoc />
    public override string Key => "selftest";

    /// <inheritdoc />
    protected override void Run(ICellContext context, SelfTestConfig config)
    {
        var data = config.Data;
        var training = config.Training;
        var faults = config.Faults ?? new SelfTestFaults();
        var generator = new SeededRandom((ulong)data.DataSeed);
        var truth = Enumerable.Range(0, data.Features + 1).Select(_ => generator.Normal()).ToArray();
        var train = Split.Draw(generator.Fork("train"), data, truth, data.NTrain);
        var test = Split.Draw(generator.Fork("test"), data, truth, data.NTest);
        context.AddData("train.x", MemoryMarshal.AsBytes(train.X.AsSpan()));
        context.AddData("train.y", MemoryMarshal.AsBytes(train.Y.AsSpan()));
        context.AddData("test.x", MemoryMarshal.AsBytes(test.X.AsSpan()));
        context.AddData("test.y", MemoryMarshal.AsBytes(test.Y.AsSpan()));

        var random = new SeededRandom((ulong)context.Seed);
        var init = random.Fork("init");
        var batches = random.Fork("batches");
        var weights = Enumerable.Range(0, data.Features + 1).Select(_ => init.Normal(0, 0.01)).ToArray();
        var gradient = new double[weights.Length];
        var failsHere = faults.FailSeeds is not { Count: > 0 } seeds || seeds.Contains(context.Seed);
        context.Message($"selftest: {data.NTrain} train / {data.NTest} test examples, {data.Features} features, {training.Steps} steps");

        for (var step = 1; step <= training.Steps; step++)
        {
            WaitOrStop(context, faults.SleepMsPerStep);
            if (failsHere && step == faults.FailAtStep)
            {
                throw new InvalidOperationException($"selftest: injected failure at step {step} (faults.fail_at_step)");
            }
            if (step == faults.NanAtStep)
            {
                weights[0] = double.NaN;
            }
            Array.Clear(gradient);
            var loss = 0.0;
            for (var b = 0; b < training.BatchSize; b++)
            {
                var i = batches.NextInt(train.Count);
                var error = train.Predict(weights, i) - train.Y[i];
                loss += error * error;
                train.AddGradient(gradient, i, 2 * error / training.BatchSize);
            }
            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] -= training.Lr * gradient[k];
            }
            if (step % training.LogEvery == 0 || step == training.Steps || step == faults.NanAtStep)
            {
                context.Log(step, "train", "loss", loss / training.BatchSize);
                context.Log(step, "test", "mse", test.MeanSquaredError(weights));
            }
            context.Progress(step, training.Steps);
        }
        context.Final("train", "mse", train.MeanSquaredError(weights));
        context.Final("test", "mse", test.MeanSquaredError(weights));
        context.Final("test", "r2", test.RSquared(weights));
    }

    private static void WaitOrStop(ICellContext context, int milliseconds)
    {
        if (milliseconds > 0)
        {
            context.CancellationToken.WaitHandle.WaitOne(milliseconds);
        }
        context.CancellationToken.ThrowIfCancellationRequested();
    }

    // Examples stored row-major: X[i * features + j]; the last weight is the bias.
    private sealed record Split(double[] X, double[] Y, int Features)
    {
        public int Count => Y.Length;

        public static Split Draw(SeededRandom random, SelfTestData data, double[] truth, int count)
        {
            var x = new double[count * data.Features];
            var y = new double[count];
            for (var i = 0; i < count; i++)
            {
                var sum = truth[data.Features];
                for (var j = 0; j < data.Features; j++)
                {
                    x[i * data.Features + j] = random.Normal();
                    sum += x[i * data.Features + j] * truth[j];
                }
                y[i] = sum + data.Noise * random.Normal();
            }
            return new Split(x, y, data.Features);
        }

        public double Predict(double[] weights, int i)
        {
            var sum = weights[Features];
            for (var j = 0; j < Features; j++)
            {
                sum += X[i * Features + j] * weights[j];
            }
            return sum;
        }

        public void AddGradient(double[] gradient, int i, double scale)
        {
            for (var j = 0; j < Features; j++)
            {
                gradient[j] += scale * X[i * Features + j];
            }
            gradient[Features] += scale;
        }

        public double MeanSquaredError(double[] weights)
        {
            var sum = 0.0;
            for (var i = 0; i < Count; i++)
            {
                var error = Predict(weights, i) - Y[i];
                sum += error * error;
            }
            return sum / Count;
        }

        public double RSquared(double[] weights)
        {
            var mean = Y.Average();
            var total = Y.Sum(v => (v - mean) * (v - mean)) / Count;
            return 1 - MeanSquaredError(weights) / total;
        }
    }
}
