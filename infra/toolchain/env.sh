# Sourced by infra/run: makes Node >= 22 and the pinned pnpm available, using only
# the system's node and npm. Node 24 comes from the npm registry's node-linux-<arch>
# package (the official binary), pnpm from the npm registry; both cached outside the clone.

GB_CACHE_DIR="${GB_CACHE_DIR:-$HOME/.cache/grunderboost}"
GB_NODE_VERSION="${GB_NODE_VERSION:-24.21.0}"
GB_NODE_MIN_MAJOR=22

toolchain_say() { printf '\033[1m[toolchain]\033[0m %s\n' "$*" >&2; }
toolchain_die() { printf '\033[31m[toolchain] error: %s\033[0m\n' "$*" >&2; exit 1; }

toolchain_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

toolchain_ensure_node() {
  command -v npm >/dev/null 2>&1 ||
    toolchain_die "npm is missing. Install Node.js and npm (e.g. 'apt-get install nodejs npm'); the project brings its own Node 24 from there."
  if (($(toolchain_node_major) >= GB_NODE_MIN_MAJOR)); then
    return 0
  fi
  local arch
  case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) toolchain_die "no Node $GB_NODE_VERSION package for $(uname -m); install Node >= $GB_NODE_MIN_MAJOR yourself" ;;
  esac
  local dir="$GB_CACHE_DIR/node-$GB_NODE_VERSION"
  local bin="$dir/node_modules/node-linux-$arch/bin"
  if [[ ! -x "$bin/node" ]]; then
    toolchain_say "system Node is $(node --version 2>/dev/null || echo absent); fetching Node $GB_NODE_VERSION from the npm registry (first time only)"
    mkdir -p "$dir"
    npm install --silent --no-save --no-audit --no-fund --prefix "$dir" "node-linux-$arch@$GB_NODE_VERSION" ||
      toolchain_die "could not install node-linux-$arch@$GB_NODE_VERSION from the npm registry"
  fi
  export PATH="$bin:$PATH"
}

toolchain_ensure_pnpm() {
  local root="$1" version
  # The version pinned in package.json's packageManager field ("pnpm@X.Y.Z").
  version="$(node -p "require('$root/package.json').packageManager.split('@')[1]")"
  local dir="$GB_CACHE_DIR/pnpm-$version"
  if [[ ! -x "$dir/node_modules/.bin/pnpm" ]]; then
    toolchain_say "fetching pnpm $version from the npm registry (first time only)"
    mkdir -p "$dir"
    npm install --silent --no-save --no-audit --no-fund --prefix "$dir" "pnpm@$version" ||
      toolchain_die "could not install pnpm@$version from the npm registry"
  fi
  export PATH="$dir/node_modules/.bin:$PATH"
}

toolchain_ensure() {
  toolchain_ensure_node
  toolchain_ensure_pnpm "$1"
}
