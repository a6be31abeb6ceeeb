using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class TensorCreationTests
{
    [Fact]
    public void Zeros_ones_full_have_shape_dtype_and_values()
    {
        using var scope = DisposeScope.Begin();
        var z = Tensor.Zeros([2, 3]);
        Assert.Equal([2L, 3], z.Shape);
        Assert.Equal(DType.Float32, z.DType);
        Assert.Equal(Device.Cpu, z.Device);
        Assert.All(z.ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.All(Tensor.Ones([4], DType.Int64).ToArray<long>(), v => Assert.Equal(1L, v));
        Assert.All(Tensor.Full([3], 2.5, DType.Float64).ToArray<double>(), v => Assert.Equal(2.5, v));
        Assert.All(Tensor.Full([3], 7, DType.Int32).ToArray<int>(), v => Assert.Equal(7, v));
        Assert.Equal([true, true], Tensor.Ones([2], DType.Bool).ToArray<bool>());
    }

    [Fact]
    public void Arange_linspace_eye_match_pytorch_definitions()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal([0L, 1, 2, 3, 4], Tensor.Arange(5).ToArray<long>());
        Values.Equal([1, 1.5, 2, 2.5], Tensor.Arange(1, 3, 0.5, DType.Float32));
        Values.Equal([0, 0.25, 0.5, 0.75, 1], Tensor.Linspace(0, 1, 5));
        Assert.Equal(new float[,] { { 1, 0, 0 }, { 0, 1, 0 } }, Tensor.Eye(2, 3).ToArray2D<float>());
    }

    [Fact]
    public void From_takes_an_array_with_a_collection_expression_shape()
    {
        float[] values = [1, 2, 3, 4, 5, 6];
        long[] shape = [3, 2];

        using var literal = Tensor.From(values, [2, 3]);
        using var array = Tensor.From(values, shape);

        Assert.Equal([2L, 3L], literal.Shape);
        Assert.Equal([3L, 2L], array.Shape);
        Assert.Equal(values, literal.ToArray<float>());
    }

    [Fact]
    public void From_and_ToArray_round_trip_every_supported_dtype()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal([1.5f, -2f], Tensor.From([1.5f, -2f]).ToArray<float>());
        Assert.Equal([1.5, -2], Tensor.From([1.5, -2.0]).ToArray<double>());
        Assert.Equal([long.MaxValue, -1], Tensor.From([long.MaxValue, -1L]).ToArray<long>());
        Assert.Equal([int.MinValue, 3], Tensor.From([int.MinValue, 3]).ToArray<int>());
        Assert.Equal([true, false, true], Tensor.From([true, false, true]).ToArray<bool>());
        var m = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal([2L, 3], m.Shape);
        Assert.Equal(6.0, m.Select(0, 1).Select(0, 2).Item<double>());
        Assert.Equal(3.25f, Tensor.Scalar(3.25f).Item<float>());
        Assert.Empty(Tensor.Scalar(1.0).Shape);
    }

    [Fact]
    public void ToArray_with_the_wrong_element_type_says_how_to_convert()
    {
        using var scope = DisposeScope.Begin();
        var ex = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros([2]).ToArray<double>());
        Assert.Contains("float32", ex.Message);
        Assert.Contains("To(DType.Float64)", ex.Message);
        Assert.Equal([0.0, 0.0], Tensor.Zeros([2]).To(DType.Float64).ToArray<double>());
    }

    [Fact]
    public void Like_factories_copy_shape_dtype_and_device()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Ones([2, 5], DType.Float64);
        foreach (var t in new[] { Tensor.ZerosLike(x), Tensor.OnesLike(x), Tensor.FullLike(x, 3), Tensor.RandLike(x), Tensor.RandnLike(x), Tensor.EmptyLike(x) })
        {
            Assert.Equal([2L, 5], t.Shape);
            Assert.Equal(DType.Float64, t.DType);
        }
        Assert.Equal(DType.Int64, Tensor.ZerosLike(x, DType.Int64).DType);
    }

    [Fact]
    public void Random_factories_respect_their_ranges()
    {
        using var scope = DisposeScope.Begin();
        var u = Tensor.Rand([10000]).ToArray<float>();
        Assert.All(u, v => Assert.InRange(v, 0f, 1f));
        Assert.InRange(u.Average(), 0.48, 0.52);
        var n = Tensor.Randn([10000], dtype: DType.Float64);
        Assert.InRange(n.Mean().Item<double>(), -0.05, 0.05);
        Assert.InRange(n.Std().Item<double>(), 0.95, 1.05);
        Assert.All(Tensor.Randint(3, 7, [1000]).ToArray<long>(), v => Assert.InRange(v, 3L, 6L));
        var perm = Tensor.Randperm(20).ToArray<long>();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), perm.Order());
    }

    [Fact]
    public void Manual_seed_gives_the_same_numbers_as_pytorch()
    {
        // torch.manual_seed(0); torch.randn(4) with the same libtorch (Debian's 1.13.1 through python3-torch).
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(0);
        Assert.Equal([1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f, 0.5684312582015991f], Tensor.Randn([4]).ToArray<float>());
        using var g = new Generator(7);
        Assert.Equal([0.5349225401878357f, 0.19880318641662598f, 0.6592116951942444f], Tensor.Rand([3], g).ToArray<float>());
    }

    [Fact]
    public void Generators_are_independent_of_the_global_stream_and_of_each_other()
    {
        using var scope = DisposeScope.Begin();
        using var a = new Generator(1);
        using var b = new Generator(1);
        TorchRuntime.ManualSeed(5);
        var first = Tensor.Randn([8], a).ToArray<float>();
        Tensor.Randn([100]);   // the global stream moves; a and b do not
        Assert.Equal(first, Tensor.Randn([8], b).ToArray<float>());
        Assert.Equal(1UL, a.InitialSeed);
        var state = a.GetState();
        var next = Tensor.Rand([5], a).ToArray<float>();
        a.SetState(state);
        Assert.Equal(next, Tensor.Rand([5], a).ToArray<float>());
        a.ManualSeed(1);
        Assert.Equal(first, Tensor.Randn([8], a).ToArray<float>());
    }

    [Fact]
    public void Printing_shows_values_and_describe_shows_shape()
    {
        using var scope = DisposeScope.Begin();
        var t = Tensor.From([1.5f, 2f], [2]);
        Assert.Contains("1.5", t.ToString());
        Assert.Equal("Tensor[2] float32 cpu", t.Describe());
    }

    [Fact]
    public void Devices_parse_and_print_like_torch_device()
    {
        Assert.Equal(Device.Cpu, Device.Parse("cpu"));
        Assert.Equal(Device.Cuda(1), Device.Parse("cuda:1"));
        Assert.Equal(Device.Cuda(0), Device.Parse("cuda"));
        Assert.Equal("cuda:2", Device.Cuda(2).ToString());
        Assert.Throws<FormatException>(() => Device.Parse("gpu"));
    }

    [Fact]
    public void Cuda_devices_work_where_present_and_raise_a_clear_TorchException_where_absent()
    {
        using var scope = DisposeScope.Begin();
        if (TorchRuntime.IsCudaAvailable)
        {
            var onGpu = Tensor.Arange(4, DType.Float32, Device.Cuda(0)) * 2;
            Assert.Equal(Device.Cuda(0), onGpu.Device);
            Assert.Equal([0f, 2, 4, 6], onGpu.Cpu().ToArray<float>());
            using var g = new Generator(3, Device.Cuda(0));
            Assert.Equal(Device.Cuda(0), Tensor.Randn([3], g).Device);
            var beyond = Assert.Throws<TorchException>(() => Tensor.Zeros([1], device: Device.Cuda(TorchRuntime.CudaDeviceCount)));
            Assert.Contains("CUDA device(s) are visible", beyond.Message);
            return;
        }
        var ex = Assert.Throws<TorchException>(() => Tensor.Zeros([2], device: Device.Cuda(0)));
        Assert.Contains("CUDA is not available", ex.Message);
        using var cpu = Tensor.Ones([2]);
        Assert.Throws<TorchException>(() => cpu.To(Device.Cuda(0)));
        Assert.Throws<TorchException>(() => new Generator(1, Device.Cuda(0)));
    }
}
