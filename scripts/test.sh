#!/usr/bin/env bash
# Runs every test of the project: formatting, the Rust tests (rules core and
# game), the rules core built for wasm32 replaying the golden runs, and the
# browser tests (the game built by Trunk, played in headless Chromium).
# Installs anything missing first, from package registries only.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

ensure_web_tools
ensure_chromium

say "formatting"
cargo fmt --all --check

say "Rust tests (rules core, game screens, saves, strings)"
cargo test --workspace --locked

say "rules core in wasm32 (for the replay checks)"
cargo build --locked -p great-leap-replay-wasm --target wasm32-unknown-unknown --release
export REPLAY_WASM="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/great_leap_replay_wasm.wasm"

say "web build for the browser tests (profile web-test, no wasm-opt)"
trunk build --locked --dist dist

say "golden replays in wasm, and the game in headless Chromium"
rm -rf tests/e2e/artifacts
node --test --test-concurrency=1 tests/wasm/ tests/e2e/
say "all tests passed; screenshots in tests/e2e/artifacts/"
