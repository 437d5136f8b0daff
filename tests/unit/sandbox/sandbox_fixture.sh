#!/usr/bin/env bash
# ctest fixture for the leverkit-sandbox binary: start | check | stop <binary> <dir>.
# start writes <dir>/url (the base URL, also the first stdout line) and <dir>/pid.
set -euo pipefail
action=$1 bin=$2 dir=$3
case "$action" in
  start)
    mkdir -p "$dir"
    rm -f "$dir/url" "$dir/pid" "$dir/stdout" "$dir/stderr"
    "$bin" --port 0 --seed 42 --opportunities 500 --rate-limit off --port-file "$dir/url" \
      >"$dir/stdout" 2>"$dir/stderr" &
    echo $! >"$dir/pid"
    for _ in $(seq 1 150); do
      [ -s "$dir/url" ] && { echo "sandbox at $(cat "$dir/url")"; exit 0; }
      sleep 0.1
    done
    echo "sandbox did not start" >&2; cat "$dir/stderr" >&2; exit 1 ;;
  check)
    url=$(cat "$dir/url")
    first=$(head -1 "$dir/stdout")
    [ "$first" = "$url" ] || { echo "first stdout line '$first' != '$url'" >&2; exit 1; }
    python3 - "$url" <<'PY'
import base64, json, sys, urllib.request, urllib.error
url = sys.argv[1]
auth = "Basic " + base64.b64encode(b"sandbox-full-key:").decode()
with urllib.request.urlopen(urllib.request.Request(url + "/v1/stages", headers={"Authorization": auth})) as r:
    body = json.load(r)
    assert r.status == 200 and body["hasNext"] is False, body
    assert any(s["id"] == "lead-new" for s in body["data"]), body
try:
    urllib.request.urlopen(url + "/v1/stages")
    raise SystemExit("expected 401 without a key")
except urllib.error.HTTPError as e:
    assert e.code == 401 and json.load(e)["code"] == "Unauthorized"
print("ok", url)
PY
    ;;
  stop)
    [ -f "$dir/pid" ] || exit 0
    pid=$(cat "$dir/pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      if ! kill -0 "$pid" 2>/dev/null; then
        # A clean shutdown removes the URL file on its way out.
        [ ! -e "$dir/url" ] || { echo "sandbox exited without cleaning up" >&2; exit 1; }
        echo "sandbox stopped"; exit 0
      fi
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    echo "sandbox did not stop on SIGTERM" >&2; exit 1 ;;
esac
