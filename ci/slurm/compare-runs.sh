#!/usr/bin/env bash
# Checks that two runs hold the same results: every row of metrics.parquet and curves.parquet equal (suite, variant,
# seed, profile, split, metric, step and the value exactly; the run id aside), and every cell of cells.parquet with
# the same status and config/data hashes. REFERENCE_RUN may hold more suites than MERGED_RUN: only the suites that
# MERGED_RUN ran are compared. Read by DuckDB, an independent Parquet reader. Exit 0 equal, 1 not.
#   ci/slurm/compare-runs.sh MERGED_RUN REFERENCE_RUN
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 MERGED_RUN REFERENCE_RUN" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/../.." && pwd)
a=$(cd "$1" && pwd) b=$(cd "$2" && pwd)
[[ -d $repo/.tools/duckdb/node_modules ]] || { echo "compare-runs: DuckDB is missing: run ./build.sh --target=Deps" >&2; exit 2; }

# Rows of one side that the other lacks, counted with multiplicity (EXCEPT ALL), in both directions; the reference's
# rows only for the suites the merged run ran.
differ() {
  local table=$1 columns=$2
  local ran="suite IN (SELECT DISTINCT suite FROM read_parquet('$a/cells.parquet'))"
  echo "(SELECT count(*) FROM (SELECT $columns FROM read_parquet('$a/$table') EXCEPT ALL SELECT $columns FROM read_parquet('$b/$table') WHERE $ran))
      + (SELECT count(*) FROM (SELECT $columns FROM read_parquet('$b/$table') WHERE $ran EXCEPT ALL SELECT $columns FROM read_parquet('$a/$table')))"
}
values="suite, variant, seed, profile, split, metric, step, value"
sql="SELECT $(differ metrics.parquet "$values") AS metrics, $(differ curves.parquet "$values") AS curves,
       $(differ cells.parquet "suite, variant, seed, status, config_hash, data_hash") AS cells,
       (SELECT count(*) FROM read_parquet('$a/metrics.parquet')) AS metric_rows,
       (SELECT count(*) FROM read_parquet('$a/curves.parquet')) AS curve_rows,
       (SELECT count(*) FROM read_parquet('$a/cells.parquet')) AS cell_rows"
result=$(cd "$repo/.tools/duckdb" && node "$repo/tests/tools/duckdb-query.mjs" "$sql")
# {"columns":[...],"rows":[[m, c, k, nm, nc, nk]]}: the first three are the differing rows.
read -r metrics curves cells metric_rows curve_rows cell_rows < <(node -e 'console.log(JSON.parse(process.argv[1]).rows[0].join(" "))' "$result")
echo "compare-runs: $a vs $b: $metric_rows metric rows, $curve_rows curve points, $cell_rows cells;" \
     "differing rows: metrics $metrics, curves $curves, cells $cells"
[[ $metrics == 0 && $curves == 0 && $cells == 0 && $cell_rows -gt 0 ]]
