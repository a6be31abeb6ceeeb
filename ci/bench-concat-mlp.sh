#!/usr/bin/env bash
# One training step of the regression-vs-flow suite's ConcatMLP (batch 32, hidden 256, 3 layers), Touchstone vs
# PyTorch, measured back to back on this machine: each round runs tests/Touchstone.Benchmarks/reference/
# pytorch_concat_mlp.py and then Touchstone's timer for the same step (flow matching and regression); the summary
# takes each side's best round per mode, the least disturbed by other work on the machine.
#   ci/bench-concat-mlp.sh [rounds]      rounds defaults to 3
#   BENCH_BDN=1 ci/bench-concat-mlp.sh   also runs the BenchmarkDotNet class ConcatMlpStepBenchmarks afterwards
#   PYTHON=/path/to/python               an interpreter with torch (default /usr/bin/python3, Debian's python3-torch)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
python=${PYTHON:-/usr/bin/python3}
project="$root/tests/Touchstone.Benchmarks"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

"$python" -c "import torch" 2>/dev/null || { echo "bench-concat-mlp: $python cannot import torch (apt-get install python3-torch, or set PYTHON)" >&2; exit 1; }
dotnet build -c Release "$project" -nologo -v:quiet >/dev/null
dll="$project/bin/Release/net10.0/Touchstone.Benchmarks.dll"

echo "machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "libtorch: $("$python" -c 'import torch; print(torch.__version__)') (PyTorch), threads: 1"
for round in $(seq "$rounds"); do
  "$python" "$project/reference/pytorch_concat_mlp.py" 1 | sed 's/^/pytorch\t/' | tee -a "$log"
  dotnet "$dll" concat-mlp | sed 's/^/touchstone\t/' | tee -a "$log"
done

echo
echo "best of $rounds rounds, microseconds per step:"
awk -F'\t' '
  { us = $4; sub(/ us\/step/, "", us); key = $2; if (!(key in order)) { order[key] = ++n; names[n] = key }
    if (!((key, $1) in best) || us + 0 < best[key, $1]) best[key, $1] = us + 0 }
  END { printf "%-30s %12s %12s %8s\n", "step", "touchstone", "pytorch", "ratio"
        for (i = 1; i <= n; i++) { k = names[i]; t = best[k, "touchstone"]; p = best[k, "pytorch"]
          printf "%-30s %12d %12d %7.2fx\n", k, t, p, t / p } }' "$log"

if [ "${BENCH_BDN:-0}" = 1 ]; then
  (cd "$project" && dotnet "$dll" --filter '*ConcatMlpStep*')
fi
