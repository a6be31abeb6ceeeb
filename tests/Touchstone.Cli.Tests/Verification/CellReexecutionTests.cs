using Touchstone.Cli.Verification;

namespace Touchstone.Cli.Tests.Verification;

public sealed class CellReexecutionTests
{
    // The message of at::Context::alertNotDeterministic in warn-only mode, in c10's default warning format on stderr
    // (the sentence is in this machine's libtorch_cpu 1.13; the operation names are examples, not yet seen on a GPU).
    [Fact]
    public void Operations_without_a_deterministic_kernel_are_named_once_each_in_order()
    {
        const string output = """
            [1/1] ebt-ffn-ood/uniform/seed-0 started
            [W Context.cpp:82] Warning: scatter_add_cuda_kernel does not have a deterministic implementation, but you set 'torch.use_deterministic_algorithms(True, warn_only=True)'. (function alertNotDeterministic)
            [W Context.cpp:82] Warning: index_add_cuda_ does not have a deterministic implementation, but you set 'torch.use_deterministic_algorithms(True, warn_only=True)'. (function alertNotDeterministic)
            [W Context.cpp:82] Warning: scatter_add_cuda_kernel does not have a deterministic implementation, but you set 'torch.use_deterministic_algorithms(True, warn_only=True)'. (function alertNotDeterministic)
            """;

        Assert.Equal(["no deterministic kernel: index_add_cuda_, scatter_add_cuda_kernel"], CellReexecution.NondeterministicOperations(output));
    }

    [Fact]
    public void A_run_without_such_warnings_has_no_note()
    {
        Assert.Empty(CellReexecution.NondeterministicOperations("[1/1] harness/ok/seed-0 ok in 0.4s\n"));
    }
}
