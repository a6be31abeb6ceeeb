using Touchstone.Torch.NN;
using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class LayerTests
{
    [Fact]
    public void Embedding_looks_up_rows_and_its_padding_row_is_zero_and_gets_no_gradient()
    {
        using var scope = DisposeScope.Begin();
        using var embedding = new Embedding(5, 3, paddingIdx: 0);
        Values.Equal([0, 0, 0], embedding.Weight[0]);
        var indices = Tensor.From(new long[,] { { 1, 0 }, { 4, 1 } });
        var output = embedding.Forward(indices);
        Values.Shape([2, 2, 3], output);
        Assert.True(output[1, 0].AllClose(embedding.Weight[4]));
        output.Sum().Backward();
        Values.Equal([0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1], embedding.Weight.Grad!);
    }

    [Fact]
    public void Layer_norm_normalises_the_last_dimensions_then_scales_and_shifts()
    {
        using var scope = DisposeScope.Begin();
        using var norm = new LayerNorm(4);
        using (Autograd.NoGrad())
        {
            norm.Weight!.Copy_(Tensor.From([1f, 2, 3, 4]));
            norm.Bias!.Copy_(Tensor.From([0f, 1, 0, 1]));
        }
        var x = Tensor.From(new float[,] { { 1, 2, 3, 4 }, { -1, 0, 0, 5 } });
        var mean = x.Mean(-1, keepdim: true);
        var variance = (x - mean).Square().Mean(-1, keepdim: true);
        var expected = (x - mean) / (variance + 1e-5).Sqrt() * norm.Weight! + norm.Bias!;
        Assert.True(norm.Forward(x).AllClose(expected, 1e-5, 1e-5));
    }

    [Fact]
    public void Lstm_matches_the_gate_equations_for_two_batch_first_layers()
    {
        using var scope = DisposeScope.Begin();
        using var lstm = new LSTM(inputSize: 3, hiddenSize: 4, numLayers: 2, batchFirst: true);
        Assert.Equal(["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"],
            lstm.NamedParameters().Select(p => p.Name));
        var x = Tensor.Randn([2, 5, 3]);
        var (output, (h, c)) = lstm.Forward(x);
        Values.Shape([2, 5, 4], output);
        Values.Shape([2, 2, 4], h);

        var p = lstm.NamedParameters().ToDictionary(n => n.Name, n => (Tensor)n.Parameter);
        var layerInput = x;
        for (var layer = 0; layer < 2; layer++)
        {
            var ht = Tensor.Zeros([2, 4]);
            var ct = Tensor.Zeros([2, 4]);
            var steps = new List<Tensor>();
            for (var t = 0; t < 5; t++)
            {
                var gates = F.Linear(layerInput.Select(1, t), p[$"weight_ih_l{layer}"], p[$"bias_ih_l{layer}"]) + F.Linear(ht, p[$"weight_hh_l{layer}"], p[$"bias_hh_l{layer}"]);
                var g = gates.Chunk(4, 1);
                ct = g[1].Sigmoid() * ct + g[0].Sigmoid() * g[2].Tanh();
                ht = g[3].Sigmoid() * ct.Tanh();
                steps.Add(ht);
            }
            Assert.True(h[layer].AllClose(ht, 1e-5, 1e-6));
            Assert.True(c[layer].AllClose(ct, 1e-5, 1e-6));
            layerInput = Tensor.Stack(steps, 1);
        }
        Assert.True(output.AllClose(layerInput, 1e-5, 1e-6));

        var (continued, _) = lstm.Forward(x, (h, c));
        Assert.False(continued.AllClose(output));
    }

    [Fact]
    public void Lstm_and_embedding_initialise_like_pytorch_for_the_same_seed()
    {
        // torch.manual_seed(0); nn.LSTM(2, 3, num_layers=2, batch_first=True) / nn.Embedding(4, 2), PyTorch 1.13.1.
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(0);
        using var lstm = new LSTM(2, 3, numLayers: 2, batchFirst: true);
        var p = lstm.NamedParameters().ToDictionary(n => n.Name, n => n.Parameter);
        var whh = p["weight_hh_l1"].Flatten().ToArray<float>();
        Assert.Equal([0.226568565, 0.034583375, -0.281705797, 0.273195803], whh.Take(4).Select(v => Math.Round(v, 9)));
        Assert.Equal([0.46168002486228943f, -0.4665539860725403f], p["bias_hh_l1"].ToArray<float>()[^2..]);
        TorchRuntime.ManualSeed(0);
        using var embedding = new Embedding(4, 2);
        Assert.Equal([1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f, 0.5684312582015991f, -1.0845223665237427f, -1.3985954523086548f, 0.40334683656692505f, 0.8380263447761536f],
            embedding.Weight.Flatten().ToArray<float>());
    }

    [Fact]
    public void Bidirectional_lstm_concatenates_both_directions()
    {
        using var scope = DisposeScope.Begin();
        using var lstm = new LSTM(3, 4, numLayers: 2, batchFirst: true, bidirectional: true);
        Assert.Contains("weight_ih_l1_reverse", lstm.NamedParameters().Select(n => n.Name));
        Assert.Equal([4L * 4, 2 * 4], lstm.NamedParameters().Single(n => n.Name == "weight_ih_l1").Parameter.Shape);
        var (output, (h, c)) = lstm.Forward(Tensor.Randn([2, 5, 3]));
        Assert.Equal([2L, 5, 8], output.Shape);
        Assert.Equal([4L, 2, 4], h.Shape);
        Assert.Equal([4L, 2, 4], c.Shape);
        // The backward direction's final state is its state after reading the first step.
        Assert.True(output[.., 0, 4..].AllClose(h[3]));
        Assert.True(output[.., -1, ..4].AllClose(h[2]));
    }

    [Fact]
    public void Lstm_dropout_between_layers_acts_only_in_training()
    {
        using var scope = DisposeScope.Begin();
        using var masks = new Generator(3);
        using var lstm = new LSTM(3, 4, numLayers: 2, dropout: 0.5, dropoutGenerator: masks);
        var x = Tensor.Randn([6, 2, 3]);   // (seq, batch, features)
        lstm.Eval();
        var a = lstm.Forward(x).Output;
        Assert.True(a.AllClose(lstm.Forward(x).Output, 0, 0));
        lstm.Train();
        Assert.False(a.AllClose(lstm.Forward(x).Output));
    }

    [Fact]
    public void Init_helpers_draw_with_the_documented_spread()
    {
        using var scope = DisposeScope.Begin();
        var w = Tensor.Empty([400, 300]);
        Init.KaimingNormal_(w, nonlinearity: Nonlinearity.Relu);
        Assert.Equal(Math.Sqrt(2.0 / 300), w.Std().Item<float>(), 2);
        Init.KaimingNormal_(w, mode: FanMode.FanOut, nonlinearity: Nonlinearity.Relu);
        Assert.Equal(Math.Sqrt(2.0 / 400), w.Std().Item<float>(), 2);
        Init.XavierUniform_(w);
        var bound = Math.Sqrt(6.0 / 700);
        Assert.InRange(w.Abs().Max().Item<float>(), bound * 0.99, bound);
        Init.Normal_(w, 3, 0.5);
        Assert.Equal(3.0, w.Mean().Item<float>(), 1);
        Init.Zeros_(w);
        Assert.Equal(0f, w.Abs().Sum().Item<float>());
        using var g1 = new Generator(4);
        using var g2 = new Generator(4);
        Assert.True(Init.KaimingUniform_(Tensor.Empty([3, 3]), generator: g1).AllClose(Init.KaimingUniform_(Tensor.Empty([3, 3]), generator: g2), 0, 0));
        Assert.False(w.RequiresGrad);
    }
}
