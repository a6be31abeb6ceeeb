#!/usr/bin/env bash
# Touchstone.Torch vs PyTorch on one Adam training step of three MLPs (tests/Touchstone.Benchmarks), measured back
# to back on this machine. Each round runs PyTorch's script (tests/Touchstone.Benchmarks/reference/pytorch_mlp.py,
# a copy of the project's reference) and then Touchstone's step timer, which times the same steps the same way;
# the summary takes each side's best round per shape, the least disturbed by other work on the machine.
#   ci/bench-torch.sh [rounds]      rounds defaults to 3
#   BENCH_BDN=1 ci/bench-torch.sh   also runs the BenchmarkDotNet class TrainingStepBenchmarks afterwards
#   PYTHON=/path/to/python          an interpreter with torch (default /usr/bin/python3, Debian's python3-torch)
# Other benchmark pairs reuse this loop through BENCH_REFERENCE (the script in reference/), BENCH_TIMER (the
# Touchstone.Benchmarks.dll command printing the same columns) and BENCH_FILTER (the BenchmarkDotNet filter); see
# ci/bench-concat-mlp.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
python=${PYTHON:-/usr/bin/python3}
project="$root/tests/Touchstone.Benchmarks"
reference="$project/reference/${BENCH_REFERENCE:-pytorch_mlp.py}"
timer=${BENCH_TIMER:-steps}
filter=${BENCH_FILTER:-*TrainingStep*}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

"$python" -c "import torch" 2>/dev/null || { echo "bench-torch: $python cannot import torch (apt-get install python3-torch, or set PYTHON)" >&2; exit 1; }
dotnet build -c Release "$project" -nologo -v:quiet >/dev/null
dll="$project/bin/Release/net10.0/Touchstone.Benchmarks.dll"

echo "machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "libtorch: $("$python" -c 'import torch; print(torch.__version__)') (PyTorch), threads: 1"
for round in $(seq "$rounds"); do
  "$python" "$reference" 1 | sed 's/^/pytorch\t/' | tee -a "$log"
  dotnet "$dll" "$timer" | sed 's/^/touchstone\t/' | tee -a "$log"
done

echo
echo "best of $rounds rounds, microseconds per step:"
awk -F'\t' '
  { us = $4; sub(/ us\/step/, "", us); key = $2; if (!(key in order)) { order[key] = ++n; names[n] = key }
    if (!((key, $1) in best) || us + 0 < best[key, $1]) best[key, $1] = us + 0 }
  END { printf "%-30s %12s %12s %8s\n", "shape", "touchstone", "pytorch", "ratio"
        for (i = 1; i <= n; i++) { k = names[i]; t = best[k, "touchstone"]; p = best[k, "pytorch"]
          printf "%-30s %12d %12d %7.2fx\n", k, t, p, t / p } }' "$log"

if [ "${BENCH_BDN:-0}" = 1 ]; then
  (cd "$project" && dotnet "$dll" --filter "$filter")
fi
