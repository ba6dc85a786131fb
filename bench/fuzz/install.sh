#!/usr/bin/env bash
# Installs the schemathesis CLI (a pinned version) into the tools virtual environment the local
# stack creates (infra/local/lib: ~/.cache/grunderboost/venv). Idempotent: a marker file for the
# pinned version makes a second call return at once, without asking PyPI.
set -euo pipefail

SCHEMATHESIS_VERSION="4.32.5"
GB_CACHE_DIR="${GB_CACHE_DIR:-$HOME/.cache/grunderboost}"
GB_VENV="${GB_VENV:-$GB_CACHE_DIR/venv}"
MARKER="$GB_VENV/.complete-schemathesis-$SCHEMATHESIS_VERSION"

say() { printf '[fuzz] %s\n' "$*" >&2; }

if [[ -f "$MARKER" && -x "$GB_VENV/bin/st" ]]; then
  say "schemathesis $SCHEMATHESIS_VERSION: cached in $GB_VENV"
  exit 0
fi

if [[ ! -x "$GB_VENV/bin/pip" ]]; then
  command -v python3 >/dev/null 2>&1 || {
    say "error: python3 is missing (install Python 3.9 or newer with venv)"
    exit 1
  }
  say "creating the tools virtual environment $GB_VENV"
  python3 -m venv "$GB_VENV"
fi

say "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $GB_VENV (first time only)"
"$GB_VENV/bin/pip" install --quiet --disable-pip-version-check \
  "schemathesis==$SCHEMATHESIS_VERSION"
"$GB_VENV/bin/st" --version >&2
touch "$MARKER"
