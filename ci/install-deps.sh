#!/usr/bin/env bash
# Native and tool dependencies of Touchstone. Idempotent: it checks each one and installs only what is missing.
# As root it installs with apt-get; otherwise it prints the exact command to run and fails.
#   libtorch-dev          libtorch 1.13 (C++ API, CMake config) for the native shim
#   libopenblas0-pthread  fast BLAS for libtorch (without it, an MLP step is ~13x slower)
#   cmake, g++            to build the shim
#   nodejs, npm           to run DuckDB, the independent Parquet reader used by the interop tests
#   @duckdb/node-api      installed from npm into .tools/duckdb (git-ignored)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duckdb_version=1.5.6-r.1

packages=(libtorch-dev libopenblas0-pthread cmake g++ nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  # Node may come from elsewhere than Debian (e.g. a preinstalled /usr/bin/node): accept it.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    filtered=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
    missing=("${filtered[@]+"${filtered[@]}"}")
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    bash -c "$cmd"
  else
    echo "install-deps: missing Debian packages: ${missing[*]}" >&2
    echo "install-deps: run as root:  sudo bash -c '$cmd'" >&2
    exit 1
  fi
else
  echo "install-deps: Debian packages present (${packages[*]})"
fi

duck="$root/.tools/duckdb"
if [ -f "$duck/node_modules/@duckdb/node-api/package.json" ] &&
   grep -q "\"version\": \"$duckdb_version\"" "$duck/node_modules/@duckdb/node-api/package.json"; then
  echo "install-deps: DuckDB for Node $duckdb_version present in .tools/duckdb"
else
  echo "install-deps: installing @duckdb/node-api@$duckdb_version into .tools/duckdb"
  mkdir -p "$duck"
  (cd "$duck" && [ -f package.json ] || echo '{"private": true}' > package.json)
  (cd "$duck" && npm install --no-audit --no-fund --loglevel=error "@duckdb/node-api@$duckdb_version")
fi
