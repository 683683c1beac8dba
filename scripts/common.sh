# Shared set-up for scripts/test.sh and scripts/serve.sh: installs what is
# missing, from package registries only, and points cargo at a target
# directory outside the clone so that builds are reused between clones.

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/great-leap/target}"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\n== %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (apt)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_node() {
  command -v node >/dev/null 2>&1 || apt_install nodejs npm
}

# npm packages (binaryen's wasm-opt, playwright-core), exactly as locked.
ensure_npm_deps() {
  ensure_node
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  export PATH="$PWD/node_modules/.bin:$PATH"
}

# Trunk, from crates.io, at the version Trunk.toml asks for.
ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.14$'; then
    say "installing trunk 0.21.14 (cargo install; about 25 minutes on 2 cores)"
    cargo install trunk --version 0.21.14 --locked
  fi
}

# wasm-bindgen-cli at exactly the version in Cargo.lock (Trunk would otherwise
# try to download it). Without --locked: a pinned dependency of the CLI's own
# lockfile is missing from the registry.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    say "installing wasm-bindgen-cli $want (cargo install; about 10 minutes)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

# Everything the web build needs.
ensure_web_tools() {
  ensure_wasm_target
  ensure_npm_deps
  ensure_trunk
  ensure_wasm_bindgen
}
