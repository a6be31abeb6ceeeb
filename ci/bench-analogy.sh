#!/usr/bin/env bash
# One training step of the analogy suite's model (tests/Touchstone.Benchmarks/AnalogyStepBenchmarks.cs) against
# the PyTorch reference (tests/Touchstone.Benchmarks/reference/pytorch_seq2seq.py, case analogy-gpt, a copy of the
# project's reference), back to back: the reference script, then BenchmarkDotNet, then the script again.
#   ci/bench-analogy.sh
#   PYTHON=/path/to/python          an interpreter with torch (default /usr/bin/python3, Debian's python3-torch)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
project="$root/tests/Touchstone.Benchmarks"

"$python" -c "import torch" 2>/dev/null || { echo "bench-analogy: $python cannot import torch (apt-get install python3-torch, or set PYTHON)" >&2; exit 1; }
dotnet build -c Release "$project" -nologo -v:quiet >/dev/null
dll="$project/bin/Release/net10.0/Touchstone.Benchmarks.dll"

echo "machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "libtorch: $("$python" -c 'import torch; print(torch.__version__)') (PyTorch), threads: 1"
"$python" "$project/reference/pytorch_seq2seq.py" 1 | grep analogy | sed 's/^/pytorch (before)\t/'
(cd "$project" && dotnet "$dll" --filter '*AnalogyStep*')
"$python" "$project/reference/pytorch_seq2seq.py" 1 | grep analogy | sed 's/^/pytorch (after)\t/'
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
