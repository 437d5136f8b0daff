#!/usr/bin/env bash
# Replays one fuzz target's seed corpus and crash reproducers (the CI smoke run; see CMakeLists).
# Usage: replay.sh BINARY TARGET WORK_DIR
set -euo pipefail
bin=$1 target=$2 work=$3/$2
rm -rf "$work"
bash "$(dirname "$0")/seeds.sh" "$target" "$work"
if [ -z "$(ls -A "$work")" ]; then echo "no seeds for $target" >&2; exit 1; fi
exec "$bin" "$work"
