#!/usr/bin/env bash
# Benchmarks Touchstone.Parquet and DuckDB on the same 1,000,000 metric rows, back to back on this machine:
# first the BenchmarkDotNet suite (which also leaves the rows in $TMPDIR/touchstone-bench/metrics-1m.parquet),
# then DuckDB timing its own COPY ... TO parquet and read_parquet in-process (tests/tools/duckdb-bench.mjs).
#   bash ci/bench-parquet.sh [duckdb-iterations]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
dotnet run -c Release --project tests/Touchstone.Benchmarks -- --filter '*ParquetMetricsBenchmarks*' --exporters markdown
echo "== DuckDB, load $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$root/.tools/duckdb" && node "$root/tests/tools/duckdb-bench.mjs" "${TMPDIR:-/tmp}/touchstone-bench/metrics-1m.parquet" "${1:-15}")
