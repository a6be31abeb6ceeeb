using Touchstone.Torch.NN;
using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class ModuleTests
{
    private sealed class TwoLayer : Module<Tensor, Tensor>
    {
        private readonly Linear _first, _second;

        public TwoLayer()
        {
            _first = RegisterModule("first", new Linear(3, 4));
            _second = RegisterModule("second", new Linear(4, 2, bias: false));
            RegisterBuffer("steps", Tensor.Zeros([1], DType.Int64));
        }

        public override Tensor Forward(Tensor input) => _second.Forward(_first.Forward(input).Tanh());
    }

    // E(x, y) = head([x; y]): a two-input block, nested in a one-input model as a typed child.
    private sealed class PairEnergy : Module<Tensor, Tensor, Tensor>
    {
        private readonly Linear _head;

        public PairEnergy(int inputs, int outputs) => _head = RegisterModule("head", new Linear(inputs + outputs, 1));

        public override Tensor Forward(Tensor input1, Tensor input2) => _head.Forward(Tensor.Cat([input1, input2], 1));
    }

    private sealed class EnergyOfZero : Module<Tensor, Tensor>
    {
        private readonly PairEnergy _energy;

        public EnergyOfZero() => _energy = RegisterModule("energy", new PairEnergy(2, 1));

        public override Tensor Forward(Tensor input) => _energy.Forward(input, Tensor.Zeros([input.Size(0), 1]));
    }

    [Fact]
    public void A_two_input_module_registers_as_a_typed_child_and_computes_from_both_inputs()
    {
        using var scope = DisposeScope.Begin();
        using var pair = new PairEnergy(2, 1);
        using (Autograd.NoGrad())
        {
            pair.NamedParameters().Single(p => p.Name == "head.weight").Parameter.Copy_(Tensor.From(new float[,] { { 1, 2, 10 } }));
            pair.NamedParameters().Single(p => p.Name == "head.bias").Parameter.Fill_(0.5);
        }
        Values.Equal([1 + 2 * 2 + 10 * 3 + 0.5], pair.Forward(Tensor.From(new float[,] { { 1, 2 } }), Tensor.From(new float[,] { { 3 } })));

        using var model = new EnergyOfZero();
        Assert.Equal(["energy.head.weight", "energy.head.bias"], model.NamedParameters().Select(p => p.Name));
        Assert.Equal([3L, 1L], model.Forward(Tensor.Ones([3, 2])).Shape);
    }

    [Fact]
    public void Linear_initialises_like_pytorch_for_the_same_seed()
    {
        // torch.manual_seed(0); torch.nn.Linear(3, 2) on the same libtorch.
        TorchRuntime.ManualSeed(0);
        using var linear = new Linear(3, 2);
        Assert.Equal([-0.004322517663240433f, 0.3097158372402191f, -0.4751853346824646f, -0.4248946011066437f, -0.2223689705133438f, 0.15482072532176971f], linear.Weight.ToArray<float>());
        Assert.Equal([-0.011439144611358643f, 0.45777493715286255f], linear.Bias!.ToArray<float>());
    }

    [Fact]
    public void Linear_computes_x_times_w_transposed_plus_b()
    {
        using var scope = DisposeScope.Begin();
        using var linear = new Linear(2, 2);
        using (Autograd.NoGrad())
        {
            linear.Weight.Copy_(Tensor.From(new float[,] { { 1, 2 }, { 3, 4 } }));
            linear.Bias!.Copy_(Tensor.From([0.5f, -0.5f]));
        }
        Values.Equal([1 * 1 + 1 * 2 + 0.5, 1 * 3 + 1 * 4 - 0.5], linear.Forward(Tensor.Ones([1, 2])));
    }

    [Fact]
    public void Named_parameters_buffers_and_state_dict_use_dotted_names_in_order()
    {
        using var scope = DisposeScope.Begin();
        using var net = new TwoLayer();
        Assert.Equal(["first.weight", "first.bias", "second.weight"], net.NamedParameters().Select(p => p.Name));
        Assert.Equal(["steps"], net.NamedBuffers().Select(b => b.Name));
        Assert.Equal(["first.weight", "first.bias", "second.weight", "steps"], net.StateDict().Keys);
        Assert.All(net.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void Load_state_dict_copies_values_and_reports_missing_unexpected_and_misshapen_entries()
    {
        using var scope = DisposeScope.Begin();
        using var a = new TwoLayer();
        using var b = new TwoLayer();
        b.LoadStateDict(a.StateDict());
        var x = Tensor.Randn([5, 3]);
        Assert.True(a.Forward(x).AllClose(b.Forward(x), 0, 0));

        var partial = a.StateDict();
        partial.Remove("second.weight");
        partial.Add("third.weight", Tensor.Zeros([1]));
        var ex = Assert.Throws<ArgumentException>(() => b.LoadStateDict(partial));
        Assert.Contains("missing second.weight", ex.Message);
        Assert.Contains("unexpected third.weight", ex.Message);
        b.LoadStateDict(partial.Where(kv => kv.Key != "third.weight").ToDictionary(), strict: false);

        var wrong = a.StateDict();
        wrong["first.bias"] = Tensor.Zeros([7]);
        var shape = Assert.Throws<ArgumentException>(() => b.LoadStateDict(wrong));
        Assert.Contains("'first.bias' has shape [7]", shape.Message);
    }

    [Fact]
    public void Train_and_eval_switch_dropout_through_sequential()
    {
        using var scope = DisposeScope.Begin();
        using var net = new Sequential(new Identity(), new Dropout(0.5));
        var x = Tensor.Ones([1000]);
        var trained = net.Forward(x).ToArray<float>();
        Assert.All(trained, v => Assert.True(v == 0f || v == 2f));
        Assert.InRange(trained.Count(v => v == 0), 400, 600);
        net.Eval();
        Assert.False(net.Training);
        Assert.All(net.NamedChildren(), c => Assert.False(c.Module.Training));
        Assert.All(net.Forward(x).ToArray<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Dropout_with_its_own_generator_is_reproducible()
    {
        using var scope = DisposeScope.Begin();
        float[] Run()
        {
            using var g = new Generator(9);
            using var dropout = new Dropout(0.3, g);
            return dropout.Forward(Tensor.Ones([64])).ToArray<float>();
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void To_dtype_converts_parameters_in_place_keeping_their_identity()
    {
        using var scope = DisposeScope.Begin();
        using var net = new TwoLayer();
        var weight = net.Parameters().First();
        var before = weight.ToArray<float>();
        net.To(DType.Float64);
        Assert.Same(weight, net.Parameters().First());
        Assert.Equal(DType.Float64, weight.DType);
        Assert.Equal(before.Select(v => (double)v), weight.ToArray<double>());
        Assert.Equal(DType.Int64, net.NamedBuffers().Single().Buffer.DType);
        Assert.Equal(DType.Float64, net.Forward(Tensor.Ones([1, 3], DType.Float64)).DType);
    }

    [Fact]
    public void To_cuda_moves_a_module_where_cuda_exists_and_fails_clearly_leaving_it_usable_where_not()
    {
        using var scope = DisposeScope.Begin();
        using var net = new TwoLayer();
        var x = Tensor.Randn([2, 3]);
        var before = net.Forward(x).ToArray<float>();
        if (TorchRuntime.IsCudaAvailable)
        {
            net.To(Device.Cuda(0));
            Assert.All(net.Parameters(), p => Assert.Equal(Device.Cuda(0), p.Device));
            Assert.Equal(before, net.Forward(x.Cuda()).Cpu().ToArray<float>(), new FloatTolerance(1e-5f));
            net.To(Device.Cpu);
        }
        else
        {
            var ex = Assert.Throws<TorchException>(() => net.To(Device.Cuda(0)));
            Assert.Contains("CUDA is not available", ex.Message);
        }
        Assert.All(net.Parameters(), p => Assert.Equal(Device.Cpu, p.Device));
        Assert.Equal(before, net.Forward(x).ToArray<float>());
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(float value) => 0;
    }

    [Fact]
    public void Parameters_are_not_freed_by_the_scope_they_were_created_in()
    {
        Linear linear;
        using (DisposeScope.Begin())
        {
            linear = new Linear(2, 2);
        }
        Assert.False(linear.Weight.IsDisposed);
        linear.Dispose();
        Assert.True(linear.Weight.IsDisposed);
    }
}
