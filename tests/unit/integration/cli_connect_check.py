#!/usr/bin/env python3
"""`leverkit check` and `leverkit connect` end to end against a leverkit-sandbox process (loopback).

usage: cli_connect_check.py LEVERKIT_CLI SANDBOX_BINARY WORKDIR
Starts its own sandbox, plays the user's browser for `connect`, and stops everything it started.
"""
import json, os, re, stat, subprocess, sys, time, urllib.request, urllib.error

cli, sandbox_bin, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
url_file = os.path.join(work, "url")
if os.path.exists(url_file):
    os.remove(url_file)
sandbox = subprocess.Popen([sandbox_bin, "--port", "0", "--opportunities", "30", "--rate-limit", "off",
                            "--port-file", url_file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
connect = None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def run(args, env_extra, expect):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEVER_")}
    env.update(env_extra)
    p = subprocess.run([cli] + args, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == expect, f"{args}: exit {p.returncode}, expected {expect}\n{p.stdout}\n{p.stderr}"
    return p.stdout


try:
    for _ in range(150):
        if os.path.exists(url_file) and os.path.getsize(url_file) > 0:
            break
        time.sleep(0.1)
    base = open(url_file).read().strip()
    api = base + "/v1"

    # Read-only key: every write permission missing, exit status 2.
    text = run(["check", "--base-url", api], {"LEVER_API_KEY": "sandbox-read-only-key"}, 2)
    assert "feedback:write:admin missing — cannot submit feedback" in text, text
    assert "notes:write:admin missing — cannot post AI notes to the candidate profile" in text, text
    print(text)
    report = json.loads(run(["check", "--json", "--base-url", api], {"LEVER_API_KEY": "sandbox-read-only-key"}, 2))
    assert report["allGranted"] is False and len(report["missing"]) == 7, report
    assert report["credential"] == "api key"
    # Full key: all granted, exit 0. A wrong key: exit 1, and the key is not echoed.
    run(["check", "--base-url", api], {"LEVER_API_KEY": "sandbox-full-key"}, 0)
    p = subprocess.run([cli, "check", "--base-url", api], env={"LEVER_API_KEY": "wrong-key-1234567890", "PATH": "/usr/bin"},
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 1 and "wrong-key-1234567890" not in p.stdout + p.stderr, (p.returncode, p.stdout, p.stderr)

    # connect: print the authorize URL, wait on 127.0.0.1:8765, exchange, save the session.
    session = os.path.join(work, "session.json")
    if os.path.exists(session):
        os.remove(session)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEVER_")}
    env.update({"LEVER_CLIENT_ID": "sandbox-client", "LEVER_CLIENT_SECRET": "sandbox-client-secret"})
    connect = subprocess.Popen([cli, "connect", "--sandbox-server", base, "--port", "8765", "--session", session,
                                "--timeout", "30"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    authorize = None
    for line in connect.stdout:
        m = re.search(r"(http://127\.0\.0\.1:\d+/oauth/authorize\?\S+)", line)
        if m:
            authorize = m.group(1)
            break
    assert authorize, "connect printed no authorize URL"
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(authorize)
        raise SystemExit("expected a redirect from /oauth/authorize")
    except urllib.error.HTTPError as e:
        assert e.code == 302, e.code
        location = e.headers["Location"]
    assert location.startswith("http://127.0.0.1:8765/callback?code="), location
    for _ in range(50):  # the CLI may still be binding its port
        try:
            with urllib.request.urlopen(location, timeout=10) as r:
                assert r.status == 200
            break
        except urllib.error.URLError:
            time.sleep(0.1)
    out, err = connect.communicate(timeout=30)
    assert connect.returncode == 0, (connect.returncode, out, err)
    assert "Connected." in out, out
    assert stat.S_IMODE(os.stat(session).st_mode) == 0o600
    saved = json.load(open(session))
    assert saved["refresh_token"] and saved["access_token"] not in out + err
    # check with the OAuth session: everything the integration needs was granted.
    report = json.loads(run(["check", "--json", "--sandbox-server", base, "--session", session],
                            {"LEVER_CLIENT_ID": "sandbox-client", "LEVER_CLIENT_SECRET": "sandbox-client-secret"}, 0))
    assert report["credential"] == "oauth" and report["allGranted"] is True, report
    print("ok: check (text, json, exit codes) and connect (authorize, loopback redirect, exchange, 0600 session)")
finally:
    if connect is not None and connect.poll() is None:
        connect.kill()
        connect.wait()
    sandbox.terminate()
    sandbox.wait(timeout=20)
