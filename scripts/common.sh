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
