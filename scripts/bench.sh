#!/usr/bin/env bash
# Measures the game's performance and prints the table of docs/performance.md:
# download size, load time, frame cost against a bare Bevy app with the same
# features and profile (crates/bare), frames drawn while nothing changes,
# memory over kiosk cycles, the teacher's view checking a class's reports,
# and the rules core's speed (criterion). Not part of scripts/test.sh: it
# reports figures beside their targets and does not fail on them.
# Installs what is missing first, like the other scripts.
#
# Usage: bash scripts/bench.sh     (about an hour on two cores with a warm
#                                   cache; BENCH_CYCLES=100 for a quicker run)
# Figures also go to bench-results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

ensure_web_tools
ensure_chromium

say "rules core: games and report verifications per second (criterion)"
cargo bench --locked -p great-leap-classroom --bench rules -- --noplot
cargo build --locked --release -p great-leap-classroom --example sample_report

say "release bundles: the game and the bare app (profile web-release, wasm-opt)"
# Both in one cargo run, so that every dependency is built with the same
# features for both (a bare app built alone would get fewer web-sys ones).
cargo build --locked --profile web-release --target wasm32-unknown-unknown -p great-leap -p great-leap-bare
trunk build --release --locked --dist dist-release
# The bare app's page is assembled the way Trunk does it for the game.
rm -rf dist-bare && mkdir -p dist-bare/assets
wasm-bindgen --target web --no-typescript --out-dir dist-bare \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/web-release/great-leap-bare.wasm"
wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-sign-ext --enable-mutable-globals dist-bare/great-leap-bare_bg.wasm -o dist-bare/great-leap-bare_bg.wasm
cp web/bare/index.html dist-bare/
cp -r assets/fonts dist-bare/assets/

say "in headless Chromium"
node tests/bench/bench.mjs --game dist-release --bare dist-bare \
  --report-tool "$CARGO_TARGET_DIR/release/examples/sample_report" \
  --criterion "$CARGO_TARGET_DIR/criterion" --out bench-results.json
