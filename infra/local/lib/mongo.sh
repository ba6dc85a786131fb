# The MongoDB-compatible server: a real mongod when GB_MONGOD names one or one is on
# the PATH; otherwise FerretDB 1.x (SQLite backend) built from the Go module proxy.

mongo_flavour() {
  if [[ -n "$GB_MONGOD" ]]; then echo mongod; else echo ferretdb; fi
}

ferretdb_installed() { [[ -x "$GB_FERRETDB_BIN" ]]; }

mongo_install() {
  if [[ "$(mongo_flavour)" == mongod ]]; then
    [[ -x "$GB_MONGOD" ]] || die "GB_MONGOD=$GB_MONGOD is not an executable mongod"
    say "mongodb: using $GB_MONGOD"
    return 0
  fi
  if ferretdb_installed; then
    say "ferretdb $GB_FERRETDB_VERSION: cached in $GB_FERRETDB_BIN"
    return 0
  fi
  require_cmd go "Install Go 1.22 or newer (https://go.dev/doc/install or 'apt-get install golang'); it builds FerretDB. Or set GB_MONGOD to a mongod binary."
  say "ferretdb $GB_FERRETDB_VERSION: building with Go (first time only, a few minutes)"
  # Built from a throwaway module rather than 'go install pkg@version': 'go install' also
  # asks the module proxy for FerretDB's version list (a deprecation check), which the
  # proxy refuses. And the module zip lacks build/version/version.txt, which FerretDB's
  # own build generates from git and without which the binary panics at start; so the
  # module is copied to a writable place, the file written, and the copy built.
  local build="$GB_CACHE_DIR/ferretdb-build"
  local module="github.com/FerretDB/FerretDB"
  rm -rf "$build"
  mkdir -p "$build" "$GB_CACHE_DIR/bin"
  printf 'module grunderboost.local/ferretdb-build\n\ngo 1.22\n' >"$build/go.mod"
  (
    set -e
    cd "$build"
    export GOPATH="$GB_CACHE_DIR/go" GOCACHE="$GB_CACHE_DIR/go/build-cache" GOFLAGS=-mod=mod
    go mod download -json "$module@$GB_FERRETDB_VERSION" >download.json
    src="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' download.json)"
    cp -r "$src" source
    chmod -R u+w source
    echo "$GB_FERRETDB_VERSION" >source/build/version/version.txt
    echo "local" >source/build/version/package.txt
    cd source
    go build -trimpath -o "$GB_FERRETDB_BIN.tmp" ./cmd/ferretdb
  ) >"$GB_LOG_DIR/ferretdb-build.log" 2>&1 ||
    die "building FerretDB failed; see $GB_LOG_DIR/ferretdb-build.log"
  mv "$GB_FERRETDB_BIN.tmp" "$GB_FERRETDB_BIN"
}

mongo_url() { echo "mongodb://127.0.0.1:$GB_MONGO_PORT/"; }

mongo_healthy() {
  # A real client: pymongo runs 'ping' against the server.
  "$GB_VENV/bin/python" - "$(mongo_url)" <<'PY'
import sys
from pymongo import MongoClient
client = MongoClient(sys.argv[1], serverSelectionTimeoutMS=2000)
client.admin.command("ping")
PY
}

# FerretDB 1.24 on SQLite was seen to crash (SIGBUS) while a database was being dropped or
# created under load, leaving a database file without FerretDB's own catalogue table; FerretDB
# then refuses to start at all. Such files (and their -wal/-shm) are moved aside, named, so the
# other databases come back; nothing is deleted.
ferretdb_quarantine_broken() {
  local dir="$1" broken python="$GB_VENV/bin/python"
  [[ -x "$python" ]] || python=python3
  broken="$("$python" - "$dir" <<'PY'
import pathlib, sqlite3, sys
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.sqlite")):
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            db.execute("select count(*) from _ferretdb_collections").fetchone()
    except sqlite3.Error:
        print(path.name)
PY
)"
  [[ -z "$broken" ]] && return 0
  local aside="$dir/broken-$(date +%Y%m%d%H%M%S)"
  mkdir -p "$aside"
  local name
  for name in $broken; do
    mv "$dir/$name" "$aside/" && mv "$dir/$name"-wal "$dir/$name"-shm "$aside/" 2>/dev/null || true
    say "mongo: $name has no FerretDB catalogue (left by a crash); moved aside to $aside"
  done
}

mongo_up() {
  if is_running mongo; then
    say "mongo: already running (pid $(cat "$(pid_file mongo)"))"
    return 0
  fi
  port_busy "$GB_MONGO_PORT" && die "port $GB_MONGO_PORT is taken by another process; set GB_MONGO_PORT"
  local dir="$GB_DATA_DIR/mongo-$(mongo_flavour)"
  mkdir -p "$dir"
  say "mongo: starting $(mongo_flavour) on 127.0.0.1:$GB_MONGO_PORT"
  if [[ "$(mongo_flavour)" == mongod ]]; then
    start_process mongo "$GB_LOG_DIR/mongo.log" \
      "$GB_MONGOD" --dbpath "$dir" --bind_ip 127.0.0.1 --port "$GB_MONGO_PORT"
  else
    ferretdb_quarantine_broken "$dir"
    start_process mongo "$GB_LOG_DIR/mongo.log" \
      "$GB_FERRETDB_BIN" --handler=sqlite --sqlite-url="file:$dir/" \
      --listen-addr="127.0.0.1:$GB_MONGO_PORT" --state-dir="$dir" \
      --telemetry=disable --debug-addr=- --log-level=warn
  fi
  wait_healthy mongo 60 mongo_healthy
  say "mongo: healthy"
}

mongo_status() { mongo_healthy; }
