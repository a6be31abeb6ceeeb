using System.Runtime.InteropServices;

namespace Touchstone.Torch.Interop;

// The C ABI of libtouchstone_torch.so (src/Touchstone.Torch.Native). Functions returning IntPtr return zero on
// error; functions returning int return 0 on success and -1 on error; ts_last_error then holds libtorch's message.
// Tensor arguments are SafeHandles, so a tensor cannot be freed by its finalizer while a call is using it.
internal static partial class NativeMethods
{
    internal const string Library = "touchstone_torch";

    static NativeMethods() => NativeLibraryLoader.Register();

    // errors.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_last_error();

    // runtime.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_runtime_version();
    [LibraryImport(Library)] internal static partial int ts_runtime_cuda_available();
    [LibraryImport(Library)] internal static partial int ts_runtime_cuda_device_count();
    [LibraryImport(Library)] internal static partial int ts_runtime_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int ts_runtime_set_num_threads(int threads);
    [LibraryImport(Library)] internal static partial int ts_runtime_get_num_threads();
    [LibraryImport(Library)] internal static partial int ts_runtime_set_blas_threads(int threads);
    [LibraryImport(Library)] internal static partial int ts_runtime_get_blas_threads();
    [LibraryImport(Library)] internal static partial int ts_runtime_set_deterministic([MarshalAs(UnmanagedType.I4)] bool enabled, [MarshalAs(UnmanagedType.I4)] bool warnOnly);
    [LibraryImport(Library)] internal static partial int ts_runtime_get_deterministic();
    [LibraryImport(Library)] internal static partial IntPtr ts_runtime_build_config();
    [LibraryImport(Library)] internal static partial IntPtr ts_runtime_parallel_info();
    [LibraryImport(Library)] internal static partial IntPtr ts_runtime_blas_libraries();
    [LibraryImport(Library)] internal static partial IntPtr ts_runtime_cuda_device_name(int index);
    [LibraryImport(Library)] internal static partial int ts_runtime_cuda_driver_version();
    [LibraryImport(Library)] internal static partial IntPtr ts_runtime_blas_core();

    // generator.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_generator_create(int deviceType, int deviceIndex, ulong seed);
    [LibraryImport(Library)] internal static partial void ts_generator_free(IntPtr generator);
    [LibraryImport(Library)] internal static partial int ts_generator_manual_seed(GeneratorHandle generator, ulong seed);
    [LibraryImport(Library)] internal static partial ulong ts_generator_initial_seed(GeneratorHandle generator);
    [LibraryImport(Library)] internal static partial IntPtr ts_generator_get_state(GeneratorHandle generator);
    [LibraryImport(Library)] internal static partial int ts_generator_set_state(GeneratorHandle generator, TensorHandle state);

    // tensor_create.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_filled(ReadOnlySpan<long> shape, long ndim, int kind, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_full(ReadOnlySpan<long> shape, long ndim, double value, long ivalue, [MarshalAs(UnmanagedType.I4)] bool isInt, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_arange(double start, double end, double step, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_linspace(double start, double end, long steps, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_eye(long rows, long cols, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_random(ReadOnlySpan<long> shape, long ndim, int kind, GeneratorHandle generator, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_randint(long low, long high, ReadOnlySpan<long> shape, long ndim, GeneratorHandle generator, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_randperm(long n, GeneratorHandle generator, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static unsafe partial IntPtr ts_tensor_from_data(void* data, long nbytes, ReadOnlySpan<long> shape, long ndim, int dtype, int dev, int index);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_multinomial(TensorHandle probs, long samples, [MarshalAs(UnmanagedType.I4)] bool replacement, GeneratorHandle generator);
    [LibraryImport(Library)] internal static partial int ts_tensor_random_(TensorHandle self, int kind, double a, double b, GeneratorHandle generator);

    // tensor_data.cpp
    [LibraryImport(Library)] internal static partial void ts_tensor_free(IntPtr self);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_alias(TensorHandle self);
    [LibraryImport(Library)] internal static partial long ts_tensor_dim(TensorHandle self);
    [LibraryImport(Library)] internal static partial long ts_tensor_numel(TensorHandle self);
    [LibraryImport(Library)] internal static partial int ts_tensor_shape(TensorHandle self, Span<long> shape);
    [LibraryImport(Library)] internal static partial int ts_tensor_dtype(TensorHandle self);
    [LibraryImport(Library)] internal static partial int ts_tensor_device(TensorHandle self, out int type, out int index);
    [LibraryImport(Library)] internal static unsafe partial int ts_tensor_copy_to(TensorHandle self, void* destination, long nbytes);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_to(TensorHandle self, int dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.I4)] bool copy);
    [LibraryImport(Library)] internal static partial IntPtr ts_tensor_to_string(TensorHandle self);
    [LibraryImport(Library)] internal static partial int ts_tensor_set_data(TensorHandle self, TensorHandle data);
    [LibraryImport(Library)] internal static partial int ts_tensor_is_contiguous(TensorHandle self);

    // ops_pointwise.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_unary(TensorHandle x, int op);
    [LibraryImport(Library)] internal static partial IntPtr ts_binary(TensorHandle a, TensorHandle b, int op);
    [LibraryImport(Library)] internal static partial IntPtr ts_binary_scalar(TensorHandle x, double value, long ivalue, [MarshalAs(UnmanagedType.I4)] bool isInt, int op, [MarshalAs(UnmanagedType.I4)] bool reversed);
    [LibraryImport(Library)] internal static partial int ts_binary_(TensorHandle self, TensorHandle other, int op, double alpha);
    [LibraryImport(Library)] internal static partial int ts_binary_scalar_(TensorHandle self, double value, long ivalue, [MarshalAs(UnmanagedType.I4)] bool isInt, int op);
    [LibraryImport(Library)] internal static partial int ts_fill_(TensorHandle self, double value, long ivalue, [MarshalAs(UnmanagedType.I4)] bool isInt);
    [LibraryImport(Library)] internal static partial int ts_copy_(TensorHandle self, TensorHandle source);
    [LibraryImport(Library)] internal static partial IntPtr ts_where(TensorHandle condition, TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial IntPtr ts_clamp(TensorHandle x, double low, [MarshalAs(UnmanagedType.I4)] bool hasLow, double high, [MarshalAs(UnmanagedType.I4)] bool hasHigh);
    [LibraryImport(Library)] internal static partial IntPtr ts_allclose_tensor(TensorHandle a, TensorHandle b, double rtol, double atol);

    // ops_reduce.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_reduce(TensorHandle self, int op, ReadOnlySpan<long> dims, long ndims, [MarshalAs(UnmanagedType.I4)] bool allDims, [MarshalAs(UnmanagedType.I4)] bool keepdim);
    [LibraryImport(Library)] internal static partial int ts_max_dim(TensorHandle self, long dim, [MarshalAs(UnmanagedType.I4)] bool keepdim, [MarshalAs(UnmanagedType.I4)] bool isMin, out IntPtr values, out IntPtr indices);
    [LibraryImport(Library)] internal static partial IntPtr ts_argmax(TensorHandle self, long dim, [MarshalAs(UnmanagedType.I4)] bool hasDim, [MarshalAs(UnmanagedType.I4)] bool keepdim, [MarshalAs(UnmanagedType.I4)] bool isMin);
    [LibraryImport(Library)] internal static partial IntPtr ts_var(TensorHandle self, ReadOnlySpan<long> dims, long ndims, [MarshalAs(UnmanagedType.I4)] bool allDims, [MarshalAs(UnmanagedType.I4)] bool unbiased, [MarshalAs(UnmanagedType.I4)] bool keepdim, [MarshalAs(UnmanagedType.I4)] bool isStd);
    [LibraryImport(Library)] internal static partial IntPtr ts_cumsum(TensorHandle self, long dim);
    [LibraryImport(Library)] internal static partial int ts_sort(TensorHandle self, long dim, [MarshalAs(UnmanagedType.I4)] bool descending, out IntPtr values, out IntPtr indices);
    [LibraryImport(Library)] internal static partial int ts_topk(TensorHandle self, long k, long dim, [MarshalAs(UnmanagedType.I4)] bool largest, [MarshalAs(UnmanagedType.I4)] bool sorted, out IntPtr values, out IntPtr indices);

    // ops_shape.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_shape_op(TensorHandle self, int op, ReadOnlySpan<long> args, long n);
    [LibraryImport(Library)] internal static partial IntPtr ts_cat(ReadOnlySpan<IntPtr> tensors, long count, long dim, [MarshalAs(UnmanagedType.I4)] bool stack);
    [LibraryImport(Library)] internal static partial int ts_split(TensorHandle self, long size, long dim, [MarshalAs(UnmanagedType.I4)] bool isChunk, Span<IntPtr> output, long capacity, out long count);
    [LibraryImport(Library)] internal static partial IntPtr ts_index_op(TensorHandle self, long dim, TensorHandle index, int op);
    [LibraryImport(Library)] internal static partial IntPtr ts_scatter(TensorHandle self, long dim, TensorHandle index, TensorHandle source, [MarshalAs(UnmanagedType.I4)] bool accumulate);
    [LibraryImport(Library)] internal static partial IntPtr ts_masked_fill(TensorHandle self, TensorHandle mask, double value, long ivalue, [MarshalAs(UnmanagedType.I4)] bool isInt);
    [LibraryImport(Library)] internal static partial IntPtr ts_masked_select(TensorHandle self, TensorHandle mask);
    [LibraryImport(Library)] internal static partial IntPtr ts_index(TensorHandle self, ReadOnlySpan<IntPtr> indices, long count);
    [LibraryImport(Library)] internal static partial int ts_index_put_(TensorHandle self, ReadOnlySpan<IntPtr> indices, long count, TensorHandle values, [MarshalAs(UnmanagedType.I4)] bool accumulate);

    // ops_nn.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_softmax(TensorHandle x, long dim, [MarshalAs(UnmanagedType.I4)] bool log);
    [LibraryImport(Library)] internal static partial IntPtr ts_linear(TensorHandle x, TensorHandle weight, TensorHandle bias);
    [LibraryImport(Library)] internal static partial IntPtr ts_embedding(TensorHandle weight, TensorHandle indices, long paddingIdx);
    [LibraryImport(Library)] internal static partial IntPtr ts_layer_norm(TensorHandle x, ReadOnlySpan<long> shape, long ndim, TensorHandle weight, TensorHandle bias, double eps);
    [LibraryImport(Library)] internal static partial IntPtr ts_dropout(TensorHandle x, double p, [MarshalAs(UnmanagedType.I4)] bool train, GeneratorHandle generator);
    [LibraryImport(Library)] internal static partial IntPtr ts_loss(TensorHandle input, TensorHandle target, int op, int reduction);
    [LibraryImport(Library)] internal static partial IntPtr ts_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight, int reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(Library)] internal static partial IntPtr ts_nll_loss(TensorHandle input, TensorHandle target, TensorHandle weight, int reduction, long ignoreIndex);

    // linalg.cpp
    [LibraryImport(Library)] internal static partial int ts_svd(TensorHandle a, [MarshalAs(UnmanagedType.I4)] bool fullMatrices, out IntPtr u, out IntPtr s, out IntPtr vh);
    [LibraryImport(Library)] internal static partial int ts_qr(TensorHandle a, int mode, out IntPtr q, out IntPtr r);
    [LibraryImport(Library)] internal static partial IntPtr ts_vector_norm(TensorHandle x, double ord, ReadOnlySpan<long> dims, long ndims, [MarshalAs(UnmanagedType.I4)] bool allDims, [MarshalAs(UnmanagedType.I4)] bool keepdim);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr ts_matrix_norm(TensorHandle x, string? ordName, double ordValue, [MarshalAs(UnmanagedType.I4)] bool keepdim);
    [LibraryImport(Library)] internal static partial IntPtr ts_linalg_unary(TensorHandle a, int op);
    [LibraryImport(Library)] internal static partial IntPtr ts_linalg_solve(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial IntPtr ts_lstsq(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial int ts_eigh(TensorHandle a, out IntPtr values, out IntPtr vectors);

    // autograd.cpp
    [LibraryImport(Library)] internal static partial int ts_requires_grad(TensorHandle self);
    [LibraryImport(Library)] internal static partial int ts_set_requires_grad(TensorHandle self, [MarshalAs(UnmanagedType.I4)] bool value);
    [LibraryImport(Library)] internal static partial int ts_is_leaf(TensorHandle self);
    [LibraryImport(Library)] internal static partial int ts_retain_grad(TensorHandle self);
    [LibraryImport(Library)] internal static partial int ts_grad(TensorHandle self, out IntPtr grad);
    [LibraryImport(Library)] internal static partial int ts_set_grad(TensorHandle self, TensorHandle grad);
    [LibraryImport(Library)] internal static partial int ts_backward(TensorHandle self, TensorHandle gradient, int retainGraph, [MarshalAs(UnmanagedType.I4)] bool createGraph);
    [LibraryImport(Library)] internal static partial int ts_autograd_grad(ReadOnlySpan<IntPtr> outputs, long nOutputs, ReadOnlySpan<IntPtr> inputs, long nInputs, ReadOnlySpan<IntPtr> gradOutputs, int retainGraph, [MarshalAs(UnmanagedType.I4)] bool createGraph, [MarshalAs(UnmanagedType.I4)] bool allowUnused, Span<IntPtr> results);
    [LibraryImport(Library)] internal static partial int ts_grad_enabled();
    [LibraryImport(Library)] internal static partial int ts_set_grad_enabled([MarshalAs(UnmanagedType.I4)] bool enabled);
    [LibraryImport(Library)] internal static partial int ts_detach_(TensorHandle self);

    // lstm.cpp
    [LibraryImport(Library)] internal static partial int ts_lstm(TensorHandle input, TensorHandle h0, TensorHandle c0, ReadOnlySpan<IntPtr> parameters, long nParams, [MarshalAs(UnmanagedType.I4)] bool hasBiases, long numLayers, double dropout, [MarshalAs(UnmanagedType.I4)] bool train, [MarshalAs(UnmanagedType.I4)] bool bidirectional, [MarshalAs(UnmanagedType.I4)] bool batchFirst, out IntPtr output, out IntPtr hN, out IntPtr cN);

    // optim.cpp
    [LibraryImport(Library)] internal static partial IntPtr ts_optim_create(int kind, ReadOnlySpan<IntPtr> parameters, ReadOnlySpan<int> groups, long count, [MarshalAs(UnmanagedType.I4)] bool fused);
    [LibraryImport(Library)] internal static partial void ts_optim_free(IntPtr optimizer);
    [LibraryImport(Library)] internal static partial int ts_optim_step(OptimizerHandle optimizer, ReadOnlySpan<GroupOptions> options, long nGroups);
    [LibraryImport(Library)] internal static partial int ts_optim_get_state(OptimizerHandle optimizer, long index, int slot, out IntPtr value, out long step);
    [LibraryImport(Library)] internal static partial int ts_optim_set_state(OptimizerHandle optimizer, long index, int slot, TensorHandle value, long step);
    [LibraryImport(Library)] internal static partial int ts_optim_zero_grad(OptimizerHandle optimizer, [MarshalAs(UnmanagedType.I4)] bool setToNone);
    [LibraryImport(Library)] internal static partial int ts_zero_grad(ReadOnlySpan<IntPtr> parameters, long count, [MarshalAs(UnmanagedType.I4)] bool setToNone);
    [LibraryImport(Library)] internal static partial IntPtr ts_clip_grad_norm(ReadOnlySpan<IntPtr> parameters, long count, double maxNorm, double normType);

    /// <summary>Hyperparameters of one optimizer parameter group, laid out as the native TsGroupOptions.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GroupOptions
    {
        public double Lr, WeightDecay, Beta1, Beta2, Eps, Momentum, Dampening;
        public int Nesterov, Maximize;
    }
}
