#!/usr/bin/env bash
# `leverkit flow` end to end against a leverkit-sandbox on a free loopback port: a dry run writes
# nothing, a scripted review (--yes --reviewer) posts notes and submits the reviewer's feedback,
# a second run writes nothing, and --yes without a reviewer is refused.
# Usage: flow.sh LEVERKIT_CLI LEVERKIT_SANDBOX
set -euo pipefail
# `grep -q … <<<"$out"`, never `echo "$out" | grep -q`: grep exits at the first match, echo then
# dies of SIGPIPE on a large report, and pipefail turns that into a spurious failure.
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
grep -q '"dry_run":true' <<<"$out" || fail "not a dry run: $out"
grep -Eq '"matched":[1-9]' <<<"$out" || fail "nothing matched: $out"
grep -q '"notes_created":0' <<<"$out" || fail "a dry run wrote notes: $out"
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
grep -Eq '"notes_created":[1-9]' <<<"$out" || fail "no notes posted: $out"
grep -Eq '"feedback_created":[1-9]' <<<"$out" || fail "the reviewer's feedback was not submitted: $out"
grep -q '"errors":0' <<<"$out" || fail "errors: $out"
grep -q "\"review\":\"approved by $reviewer\"" <<<"$out" || fail "no approval recorded: $out"

out=$(run --yes --reviewer "$reviewer" --json 2>/dev/null)
grep -q '"notes_created":0' <<<"$out" || fail "second run posted notes again: $out"
grep -q '"feedback_created":0' <<<"$out" || fail "second run created feedback again: $out"
grep -q '"feedback_updated":0' <<<"$out" || fail "second run updated feedback: $out"

"$cli" flow --base-url "$base" --store "$store" --no-sync --calls /nonexistent.jsonl 2>"$work/err" && fail "a missing calls file was accepted"
grep -q "nonexistent" "$work/err" || fail "missing-file message: $(cat "$work/err")"
echo "ok"
