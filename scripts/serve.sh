#!/usr/bin/env bash
# Builds the web game and serves it on http://127.0.0.1:8080.
# Installs what is missing first (the wasm32 target, trunk and
# wasm-bindgen-cli through cargo, wasm-opt from npm's binaryen), from package
# registries only; nothing downloads a prebuilt binary.
#
# Usage: bash scripts/serve.sh          the release bundle (web-release
#                                        profile, fat LTO, wasm-opt -Os):
#                                        what you deploy; a cold build takes
#                                        about 22 minutes on two cores
#        bash scripts/serve.sh --fast   the quicker web-test build the
#                                        browser tests use (larger download)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

mode="--release"
for arg in "$@"; do
  case "$arg" in
    --fast) mode="" ;;
    --release) mode="--release" ;;
    *) echo "unknown option: $arg (use --fast or --release)" >&2; exit 2 ;;
  esac
done

ensure_web_tools
say "building and serving on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --locked $mode
