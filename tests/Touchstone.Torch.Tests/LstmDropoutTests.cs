using Touchstone.Torch.NN;

namespace Touchstone.Torch.Tests;

/// <summary>Dropout between an LSTM's layers draws from the LSTM's own generator, so a model's result never depends
/// on what other threads draw (cells side by side under --jobs).</summary>
public sealed class LstmDropoutTests
{
    [Fact]
    public void Dropout_between_layers_without_a_dropout_generator_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new LSTM(3, 4, numLayers: 2, dropout: 0.5));

        Assert.Equal("dropoutGenerator", error.ParamName);
        Assert.Contains("global generator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_run_equals_single_layer_lstms_with_dropout_drawn_from_the_same_generator_between_them()
    {
        // The stacked LSTM draws its weights layer by layer from one generator, so two single-layer LSTMs built one
        // after the other from the same seed hold the same weights.
        using var scope = DisposeScope.Begin();
        using var init = new Generator(11);
        using var masks = new Generator(12);
        using var stacked = new LSTM(3, 4, numLayers: 2, dropout: 0.5, generator: init, dropoutGenerator: masks);
        using var splitInit = new Generator(11);
        using var splitMasks = new Generator(12);
        using var first = new LSTM(3, 4, generator: splitInit);
        using var second = new LSTM(4, 4, generator: splitInit);
        using var data = new Generator(13);
        var x = Tensor.Randn([6, 2, 3], data);
        var (h0, c0) = (Tensor.Randn([2, 2, 4], data), Tensor.Randn([2, 2, 4], data));

        var (output, (h, c)) = stacked.Forward(x, (h0, c0));

        var (hidden, (h1, c1)) = first.Forward(x, (h0.Narrow(0, 0, 1), c0.Narrow(0, 0, 1)));
        var (expected, (h2, c2)) = second.Forward(F.Dropout(hidden, 0.5, training: true, splitMasks), (h0.Narrow(0, 1, 1), c0.Narrow(0, 1, 1)));
        Assert.True(output.AllClose(expected, 0, 0));
        Assert.True(h.AllClose(Tensor.Cat([h1, h2], 0), 0, 0));
        Assert.True(c.AllClose(Tensor.Cat([c1, c2], 0), 0, 0));
        Assert.False(output.AllClose(stacked.Forward(x, (h0, c0)).Output), "the second call should draw new masks");
    }

    [Fact]
    public async Task Two_models_running_concurrently_give_what_each_gives_alone_while_another_thread_draws_from_the_global_generator()
    {
        TorchRuntime.SetDeterministic(threads: 1);
        var aloneA = Train(seed: 1);
        var aloneB = Train(seed: 2);
        Assert.NotEqual(aloneA, aloneB);

        using var stop = new CancellationTokenSource();
        var noise = OnOwnThread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var draw = Tensor.Rand([4096]);   // the global generator
            }
            return Array.Empty<float>();
        });
        for (var round = 0; round < 5; round++)
        {
            var a = OnOwnThread(() => Train(seed: 1));
            var b = OnOwnThread(() => Train(seed: 2));
            Assert.Equal(aloneA, await a);
            Assert.Equal(aloneB, await b);
        }
        await stop.CancelAsync();
        await noise;
    }

    private static Task<float[]> OnOwnThread(Func<float[]> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>A few training-mode passes of a three-layer LSTM with dropout 0.5, each drawing new masks.</summary>
    private static float[] Train(int seed)
    {
        using var scope = DisposeScope.Begin();
        using var init = new Generator((ulong)seed);
        using var masks = new Generator((ulong)seed + 100);
        using var data = new Generator((ulong)seed + 200);
        using var lstm = new LSTM(8, 16, numLayers: 3, dropout: 0.5, generator: init, dropoutGenerator: masks);
        var x = Tensor.Randn([12, 4, 8], data);
        var outputs = Enumerable.Range(0, 8).Select(_ => lstm.Forward(x).Output).ToList();
        return Tensor.Stack(outputs).ToArray<float>();
    }
}
