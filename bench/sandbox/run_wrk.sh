#!/usr/bin/env bash
# Load test of leverkit-sandbox with wrk on 127.0.0.1, against a minimal cpp-httplib server as
# the baseline, in the same run. Usage: bench/sandbox/run_wrk.sh <build-dir> [seconds]
# Needs -DLEVERKIT_BUILD_BENCH=ON (httplib_hello) and wrk (Debian package).
set -euo pipefail
build=${1:?build dir}
secs=${2:-10}
sandbox=$build/sandbox/leverkit-sandbox
hello=$build/bench/sandbox/httplib_hello
tmp=$(mktemp -d)
cleanup() { for p in "$tmp"/*.pid; do [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

start() {  # name, command...
  local name=$1; shift
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  echo $! >"$tmp/$name.pid"
  for _ in $(seq 1 100); do [ -s "$tmp/$name.out" ] && break; sleep 0.05; done
  head -1 "$tmp/$name.out"
}

auth="Authorization: Basic $(printf 'sandbox-full-key:' | base64)"
hello_url=$(start hello "$hello")
sbx_url=$(start sandbox "$sandbox" --port 0 --opportunities 5000 --rate-limit off)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run() { echo "\$ wrk -t2 -c8 -d${secs}s $*"; wrk -t2 -c8 -d"${secs}s" "$@" | grep -E "Requests/sec|Latency|requests in"; }
run "$hello_url/hello"
run -H "$auth" "$sbx_url/v1/stages"
run -H "$auth" "$sbx_url/v1/users?limit=5"
run -H "$auth" "$sbx_url/v1/opportunities?limit=1"
run "$sbx_url/__sandbox/health"
