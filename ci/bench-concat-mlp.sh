#!/usr/bin/env bash
# One training step of the regression-vs-flow suite's ConcatMLP (batch 32, hidden 256, 3 layers; flow matching and
# regression), Touchstone vs PyTorch back to back: ci/bench-torch.sh's rounds with
# tests/Touchstone.Benchmarks/reference/pytorch_concat_mlp.py and the `concat-mlp` timer.
#   ci/bench-concat-mlp.sh [rounds]      rounds defaults to 3
#   BENCH_BDN=1 ci/bench-concat-mlp.sh   also runs the BenchmarkDotNet class ConcatMlpStepBenchmarks afterwards
set -euo pipefail
BENCH_REFERENCE=pytorch_concat_mlp.py BENCH_TIMER=concat-mlp BENCH_FILTER='*ConcatMlpStep*' \
  exec "$(dirname "$0")/bench-torch.sh" "$@"
