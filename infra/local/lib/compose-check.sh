# The Compose Specification validator of compose-go (the loader Docker Compose v2 uses),
# built from the Go module proxy: the machines have no compose plugin to run
# 'docker compose config'. Used by infra/test/compose.unit.test.ts.

GB_COMPOSE_GO_VERSION="v2.16.2"
GB_COMPOSE_CHECK_BIN="$GB_CACHE_DIR/bin/compose-spec-$GB_COMPOSE_GO_VERSION"

compose_check_install() {
  if [[ -x "$GB_COMPOSE_CHECK_BIN" ]]; then
    say "compose-spec validator $GB_COMPOSE_GO_VERSION: cached in $GB_COMPOSE_CHECK_BIN"
    return 0
  fi
  require_cmd go "Install Go 1.22 or newer (https://go.dev/doc/install or 'apt-get install golang'); it builds the compose-spec validator."
  say "compose-spec validator $GB_COMPOSE_GO_VERSION: building with Go (first time only)"
  local build="$GB_CACHE_DIR/compose-check-build"
  rm -rf "$build"
  mkdir -p "$build" "$GB_CACHE_DIR/bin"
  printf 'module grunderboost.local/compose-check\n\ngo 1.24\n' >"$build/go.mod"
  (
    set -e
    cd "$build"
    export GOPATH="$GB_CACHE_DIR/go" GOCACHE="$GB_CACHE_DIR/go/build-cache" GOFLAGS=-mod=mod
    go get "github.com/compose-spec/compose-go/v2@$GB_COMPOSE_GO_VERSION"
    go build -trimpath -o "$GB_COMPOSE_CHECK_BIN.tmp" github.com/compose-spec/compose-go/v2/cmd
  ) >"$GB_LOG_DIR/compose-check-build.log" 2>&1 ||
    die "building the compose-spec validator failed; see $GB_LOG_DIR/compose-check-build.log"
  mv "$GB_COMPOSE_CHECK_BIN.tmp" "$GB_COMPOSE_CHECK_BIN"
}
