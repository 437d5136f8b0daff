#!/usr/bin/env bash
# `leverkit sync|schedule|users` end to end against a leverkit-sandbox on a free loopback port:
# backfill, a second (incremental) run, JSON output, the schedule window and the users diff.
# Usage: sync_schedule_users.sh LEVERKIT_CLI LEVERKIT_SANDBOX
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

"$sandbox" --port 0 --opportunities 80 --rate-limit off --port-file "$work/url" >/dev/null 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 1 200); do [[ -s $work/url ]] && break; sleep 0.05; done
[[ -s $work/url ]] || fail "sandbox did not start: $(cat "$work/sandbox.err")"
base="$(cat "$work/url")/v1"
export LEVER_API_KEY=sandbox-full-key
store="$work/lever.db"

out=$("$cli" sync --base-url "$base" --store "$store" --json --quiet)
grep -q '"incremental":false' <<<"$out" || fail "first sync is not a backfill: $out"
grep -q '"confidentialIncluded":true' <<<"$out" || fail "confidential not included: $out"
grep -Eq '"opportunities":[1-9]' <<<"$out" || fail "no opportunities: $out"
out=$("$cli" sync --base-url "$base" --store "$store" --json --quiet)
grep -q '"incremental":true' <<<"$out" || fail "second sync is not incremental: $out"

# The sandbox's history ends on 2026-01-01; about one panel in ten is scheduled after it.
out=$("$cli" schedule --store "$store" --from 2026-01-01T00:00:00Z --hours 8760 --json)
grep -q '"change":"created"' <<<"$out" || fail "no created interviews in the schedule: $out"
grep -Eq '"joinUrl"|"phone"' <<<"$out" || fail "no join link or phone: $out"
out=$("$cli" schedule --store "$store" --from 2026-01-01T00:00:00Z --hours 8760 --json)
grep -q '"changes":\[\]' <<<"$out" || fail "changes reported twice: $out"
"$cli" schedule --store "$store" --from 2026-01-01T00:00:00Z --hours 8760 >/dev/null

out=$("$cli" users --base-url "$base" --store "$store" --json)
grep -q '"change":"added"' <<<"$out" || fail "first users run reports no additions: $out"
grep -q '"accessRole":"super admin"' <<<"$out" || fail "no access roles: $out"
out=$("$cli" users --base-url "$base" --store "$store" --json --changes-only)
[[ $out == '{"users":[],"changes":[]}' ]] || fail "second users run reports changes: $out"

# Errors: no key, bad store path.
if LEVER_API_KEY= "$cli" sync --base-url "$base" --store "$store" --quiet 2>"$work/err"; then fail "sync without a key succeeded"; fi
grep -q "LEVER_API_KEY" "$work/err" || fail "missing-key message: $(cat "$work/err")"
if "$cli" schedule --store /nonexistent/dir/x.db 2>"$work/err"; then fail "bad store path accepted"; fi
echo "ok"
