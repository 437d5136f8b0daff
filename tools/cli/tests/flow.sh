#!/usr/bin/env bash
# `leverkit flow` end to end against a leverkit-sandbox on a free loopback port: a dry run writes
# nothing, a scripted review (--yes --reviewer) posts notes and submits the reviewer's feedback,
# a second run writes nothing, and --yes without a reviewer is refused.
# Usage: flow.sh LEVERKIT_CLI LEVERKIT_SANDBOX
set -euo pipefail
cli=$1
sandbox=$2
work=$(mktemp -d)
sandbox_pid=
cleanup() {
  if [[ -n $sandbox_pid ]]; then kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$sandbox" --port 0 --opportunities 120 --rate-limit off --port-file "$work/url" >/dev/null 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 1 200); do [[ -s $work/url ]] && break; sleep 0.05; done
[[ -s $work/url ]] || fail "sandbox did not start: $(cat "$work/sandbox.err")"
base="$(cat "$work/url")/v1"
export LEVER_API_KEY=sandbox-full-key
store="$work/lever.db"
run() { "$cli" flow --base-url "$base" --store "$store" --sandbox-calls 8 "$@"; }

out=$(run --dry-run --json 2>/dev/null)
echo "$out" | grep -q '"dry_run":true' || fail "not a dry run: $out"
echo "$out" | grep -Eq '"matched":[1-9]' || fail "nothing matched: $out"
echo "$out" | grep -q '"notes_created":0' || fail "a dry run wrote notes: $out"
# The reviewer: the interviewer of the first call whose draft filled something.
reviewer=$(echo "$out" | python3 -c '
import json, sys
for c in json.load(sys.stdin)["calls"]:
    if c["draft"] and any(f["decision"] == "filled" for f in c["draft"]["fields"]):
        print(c["interviewer_id"]); break')
[[ -n $reviewer ]] || fail "no interviewer in the dry run: $out"

if run --yes 2>"$work/err" >/dev/null; then fail "--yes without --reviewer succeeded"; fi
grep -q "reviewer" "$work/err" || fail "missing-reviewer message: $(cat "$work/err")"

out=$(run --yes --reviewer "$reviewer" --json 2>/dev/null)
echo "$out" | grep -Eq '"notes_created":[1-9]' || fail "no notes posted: $out"
echo "$out" | grep -Eq '"feedback_created":[1-9]' || fail "the reviewer's feedback was not submitted: $out"
echo "$out" | grep -q '"errors":0' || fail "errors: $out"
echo "$out" | grep -q "\"review\":\"approved by $reviewer\"" || fail "no approval recorded: $out"

out=$(run --yes --reviewer "$reviewer" --json 2>/dev/null)
echo "$out" | grep -q '"notes_created":0' || fail "second run posted notes again: $out"
echo "$out" | grep -q '"feedback_created":0' || fail "second run created feedback again: $out"
echo "$out" | grep -q '"feedback_updated":0' || fail "second run updated feedback: $out"

"$cli" flow --base-url "$base" --store "$store" --no-sync --calls /nonexistent.jsonl 2>"$work/err" && fail "a missing calls file was accepted"
grep -q "nonexistent" "$work/err" || fail "missing-file message: $(cat "$work/err")"
echo "ok"
