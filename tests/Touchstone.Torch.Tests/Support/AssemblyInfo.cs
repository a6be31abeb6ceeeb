// libtorch's global generator, thread count and determinism flag are process-wide: tests that set them must not
// interleave with tests that draw random numbers.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
