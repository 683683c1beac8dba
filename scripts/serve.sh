#!/usr/bin/env bash
# Builds the web game and serves it on http://127.0.0.1:8080.
# Usage: bash scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

cat <<'MSG'
The playable browser game is not built yet: it arrives with the issue
"Playable browser game". Until then the rules can be played from the
command line, for example:

  cargo run -p great-leap-sim --bin simulate -- --policy historical --seeds 100
  cargo run -p great-leap-sim --bin simulate -- --policy honest --seed 3 --trace
MSG
