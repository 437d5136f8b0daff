#!/usr/bin/env bash
# Seed corpora of the fuzz targets, drawn from tests/data (plus the hand-written seeds in
# tests/fuzz/seeds/<target>/ and crash reproducers in tests/fuzz/regressions/<target>/).
# Usage: tests/fuzz/seeds.sh TARGET OUT_DIR   — fills OUT_DIR with one seed per file.
# Used by scripts/fuzz (libFuzzer runs) and by the ctest replay of each target (CI smoke).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=$1 out=$2
mkdir -p "$out"
d=$root/tests/data
copy() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$out/$(basename "$(dirname "$f")")_$(basename "$f")"; done; return 0; }
lines() { local f=$1 i=0; while IFS= read -r line; do i=$((i + 1)); printf '%s' "$line" > "$out/$(basename "$f")_$i"; done < "$f"; }
case $target in
  models)     copy $(ls "$d"/lever-samples/*.json | grep -v lever.oas.json) "$d"/match/lever/*.json \
                   "$d"/autofill/cli/*.json ;;
  call_json)  lines "$d/match/cli/calls.jsonl"; lines "$d/match/scenarios.jsonl" ;;
  lever_file) copy "$d"/match/lever/*.json "$d"/lever-samples/list_page_opportunities.json \
                   "$d"/lever-samples/stages.json "$d"/lever-samples/error_404.json ;;
  transcript) copy "$d"/autofill/cli/transcript.vtt "$d"/autofill/cli/bad.srt "$d"/autofill/cli/notes.md \
                   "$d"/autofill/scenarios/*.txt ;;
  form_json)  copy "$d"/autofill/cli/template.json "$d"/autofill/cli/feedback_form.json \
                   "$d"/lever-samples/feedback_template.json "$d"/lever-samples/feedback.json ;;
  webhook)    copy "$d"/lever-samples/webhook_*.json ;;
  conference|phone|pagination|time) ;;
  *) echo "seeds.sh: unknown target $target" >&2; exit 2 ;;
esac
[ -d "$root/tests/fuzz/seeds/$target" ] && cp "$root/tests/fuzz/seeds/$target"/* "$out/" 2>/dev/null || true
[ -d "$root/tests/fuzz/regressions/$target" ] && cp "$root/tests/fuzz/regressions/$target"/* "$out/" 2>/dev/null || true
exit 0
