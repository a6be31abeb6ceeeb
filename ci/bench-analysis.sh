#!/usr/bin/env bash
# Times `touchstone compare` and `touchstone query` over many runs: writes synthetic run folders (100 runs, 10,000
# curve rows each by default, through Touchstone.Parquet) once, then times each command a few times, end to end
# (process start, DuckDB views over every folder, the query, the output).
#   bash ci/bench-analysis.sh [runs] [curve rows per run] [repeats]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-100}; rows=${2:-10000}; repeats=${3:-5}
data="${TMPDIR:-/tmp}/touchstone-bench/runs-${runs}x${rows}"
cli="dotnet $root/src/Touchstone.Cli/bin/Release/net10.0/touchstone.dll"
if [ ! -d "$data" ]; then
  dotnet run -c Release --project tests/Touchstone.Benchmarks -- synthetic-runs "$data" "$runs" "$rows"
fi
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "== data: $runs runs x $rows curve rows in $data ($(du -sh "$data" | cut -f1))"
time_it() {
  local label=$1; shift
  for i in $(seq "$repeats"); do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$label run $i: $(awk "BEGIN{printf \"%.2f\", $end - $start}") s (load $(cut -d' ' -f1 /proc/loadavg))"
  done
}
time_it "query: avg of every curve per run and metric" \
  $cli query "SELECT run_id, metric, avg(value), count(*) FROM curves GROUP BY ALL" --runs "$data/*" --format csv
time_it "query: last curve point of every series" \
  $cli query "SELECT run_id, variant, seed, metric, arg_max(value, step) FROM curves GROUP BY ALL" --runs "$data/*" --format csv
time_it "compare: all $runs runs, every metric" \
  $cli compare "$data"/* --format csv
time_it "compare: 2 runs" \
  $cli compare "$data/synthetic-000" "$data/synthetic-001"
