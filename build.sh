#!/usr/bin/env bash
# Touchstone bootstrapper: restore the pinned Cake tool, check (or install) native dependencies, run Cake.
#   ./build.sh --target=Smoke     the main job: every suite's smoke profile on CPU, then the gate
#   ./build.sh --target=Test      all tests
set -euo pipefail
cd "$(dirname "$0")"
bash ci/install-deps.sh
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
