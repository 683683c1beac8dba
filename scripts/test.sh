#!/usr/bin/env bash
# Runs every test of the project: formatting, the Rust tests (rules core and
# game), and the rules core built for wasm32 replaying the golden runs.
# Installs anything missing first. Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

ensure_wasm_target
ensure_node

say "formatting"
cargo fmt --all --check

say "Rust tests (rules core, game plugins)"
cargo test --workspace --locked

say "rules core in wasm32: golden replays"
cargo build --locked -p great-leap-replay-wasm --target wasm32-unknown-unknown --release
REPLAY_WASM="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/great_leap_replay_wasm.wasm" \
  node --test tests/wasm/
