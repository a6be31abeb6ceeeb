// Touchstone's build: each target does one thing; the logic lives in src/ and the `touchstone` CLI.
// Usage: ./build.sh --target=<Target> [--configuration=Release]
#load "build/paths.cake"
#load "build/targets.cake"

RunTarget(Argument("target", "Default"));
