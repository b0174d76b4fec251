#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A misbehaving hub on 127.0.0.1 for the client's fault tests.

The first path segment picks the fault, so a client whose base URL is
http://127.0.0.1:PORT/<fault> meets it on every endpoint:

  ok            a correct answer (health, me, alerts list with ETag, events)
  truncated     JSON cut in the middle
  wrong-types   JSON of the wrong shape
  html          a web page with status 200
  huge          Content-Length of 10 GiB, then silence
  chunked-big   a chunked body of 3 MiB
  slow          one byte per second
  ratelimit     429 with Retry-After: 7
  ratelimit-date 429 with Retry-After as an HTTP date 30 s ahead
  error500      500 with problem+json
  bad-problem   500 with a problem+json body of the wrong types
  unauthorized / forbidden / notfound / conflict / invalid: 401/403/404/409/422
  redirect-http 302 to http://127.0.0.1:<http port>/ok/... (a downgrade on TLS)
  redirect-away 302 to http://hub.example/ok/...
  redirect-ok   302 to /ok/... on the same server
  redirect-port 302 to http on the same host but another port
  reset         the connection is closed without an answer
  silent        the request is read and never answered
  loop          /me answers, every list hands out the same cursor forever
  events        SSE: one "hello" event echoing Last-Event-ID, then silence

Three listeners: plain HTTP, TLS with a self-signed certificate for
127.0.0.1, TLS with a certificate for another host name. Certificates are
made with openssl in --dir. Prints one JSON line with the ports and the
certificate paths, then serves until stdin closes.
"""

import argparse
import email.utils
import json
import os
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ME = {
    "user": "an", "display_name": "An", "role": "operator",
    "permissions": ["read", "alerts.acknowledge", "sources.retry"],
    "hub": {"id": "fault", "name": "Fault hub", "site": "Loopback", "version": "0",
            "time": "2026-01-05T08:30:00Z"},
}

ALERT = {
    "id": "al-1", "severity": "high", "category": "brute_force", "title": "Logins",
    "description": "Many failed logins", "asset": "bastion-1", "source_ip": "203.0.113.7",
    "detected_at": "2026-01-05T08:00:00Z", "state": "open", "acknowledged_by": None,
    "acknowledged_at": None, "resolved_by": None, "resolved_at": None, "events_count": 3,
}

PROBLEMS = {
    "unauthorized": (401, "Token expired", "The token expired at 08:00."),
    "forbidden": (403, "Role lacks the action", "Viewers cannot retry sources."),
    "notfound": (404, "No such item", "There is no source src-x."),
    "conflict": (409, "Already resolved", "The alert was resolved by binh."),
    "invalid": (422, "Comment required", "Acknowledging needs a comment."),
    "error500": (500, "Database down", "The store is not answering."),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fault-hub"

    def log_message(self, fmt, *args):
        pass

    def send_body(self, status, body, content_type="application/json", headers=None):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.do_GET()

    def do_GET(self):
        parts = self.path.split("?")[0].split("/")
        fault = parts[1] if len(parts) > 1 else ""
        rest = "/" + "/".join(parts[2:])
        query = self.path.split("?", 1)[1] if "?" in self.path else ""

        if fault == "ok":
            if rest == "/api/v1/health":
                return self.send_body(200, json.dumps({"status": "ok", "version": "fault"}))
            if rest == "/api/v1/me":
                if self.headers.get("Authorization") != "Bearer fault-token":
                    return self.problem(401, "Token missing", "No bearer token.")
                return self.send_body(200, json.dumps(ME))
            if rest == "/api/v1/security/alerts":
                etag = '"alerts-v1"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = {"items": [ALERT], "next_cursor": None, "total": 1, "query": query}
                return self.send_body(200, json.dumps(body), headers={"ETag": etag})
            if rest.startswith("/api/v1/security/alerts/") and rest.endswith("/acknowledge"):
                alert = dict(ALERT, state="acknowledged", acknowledged_by="an",
                             acknowledged_at="2026-01-05T08:10:00Z")
                # The title carries the key back so the test can see it was sent.
                alert["title"] = self.headers.get("Idempotency-Key") or "no key"
                return self.send_body(200, json.dumps(alert))
            return self.problem(404, "Not found", rest)

        if fault == "silent":
            # Accept, read the request, never answer.
            time.sleep(30)
            self.close_connection = True
            return
        if fault == "loop":
            if rest == "/api/v1/me":
                return self.send_body(200, json.dumps(ME))
            if rest.split("/")[-1] in ("sources", "datasets", "pools", "nodes", "alerts"):
                return self.send_body(200, json.dumps({"items": [], "next_cursor": "again", "total": 0}))
            return self.problem(404, "Not found", rest)
        if fault == "reset":
            # Hang up without a word.
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if fault == "truncated":
            return self.send_body(200, '{"user": "an", "display_name": "A')
        if fault == "wrong-types":
            if rest.endswith("/alerts"):
                return self.send_body(200, json.dumps({"items": "none", "next_cursor": 5, "total": "x"}))
            return self.send_body(200, json.dumps(dict(ME, user=42, permissions="all")))
        if fault == "html":
            return self.send_body(200, "<!DOCTYPE html><html><body>Sign in to the portal</body></html>",
                                  "text/html")
        if fault == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(10 * 1024 ** 3))
            self.end_headers()
            self.wfile.write(b'{"items": [')
            self.wfile.flush()
            return self.hold()
        if fault == "chunked-big":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b" " * 65536
            try:
                self.chunk(b'{"items": [')
                for _ in range(48):
                    self.chunk(chunk)
                self.chunk(b'], "next_cursor": null, "total": 0}')
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            return
        if fault == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            return
        if fault == "ratelimit":
            return self.problem(429, "Slow down", "Too many requests.", {"Retry-After": "7"})
        if fault == "ratelimit-date":
            when = email.utils.formatdate(time.time() + 30, usegmt=True)
            return self.problem(429, "Slow down", "Too many requests.", {"Retry-After": when})
        if fault in PROBLEMS:
            status, title, detail = PROBLEMS[fault]
            return self.problem(status, title, detail)
        if fault == "bad-problem":
            body = json.dumps({"type": "about:blank", "title": 5, "status": 500,
                               "detail": "Half a problem"})
            return self.send_body(500, body, "application/problem+json")
        if fault == "redirect-http":
            target = "http://127.0.0.1:%d/ok%s" % (self.server.http_port, rest)
            return self.send_body(302, "", "text/plain", {"Location": target})
        if fault == "redirect-away":
            return self.send_body(302, "", "text/plain", {"Location": "http://hub.example/ok" + rest})
        if fault == "redirect-port":
            target = "http://127.0.0.1:%d/ok%s" % (self.server.http_port + 0, rest)
            if self.server.server_address[1] == self.server.http_port:
                target = "http://127.0.0.1:%d/ok%s" % (self.server.other_port, rest)
            return self.send_body(302, "", "text/plain", {"Location": target})
        if fault == "redirect-ok":
            return self.send_body(302, "", "text/plain", {"Location": "/ok" + rest})
        if fault == "events":
            return self.events()
        return self.problem(404, "Unknown fault", fault)

    def problem(self, status, title, detail, headers=None):
        body = json.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail})
        self.send_body(status, body, "application/problem+json", headers)

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def hold(self):
        # Keep the connection open until the client gives up.
        try:
            for _ in range(60):
                time.sleep(0.5)
                self.wfile.write(b" ")
                self.wfile.flush()
        except OSError:
            pass
        self.close_connection = True

    def events(self):
        with self.server.lock:
            self.server.event_id += 1
            event_id = self.server.event_id
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        data = json.dumps({"last_event_id": self.headers.get("Last-Event-ID"), "connection": event_id})
        try:
            self.wfile.write(b": welcome\n\nid: %d\nevent: hello\ndata: %s\n\n" % (event_id, data.encode()))
            self.wfile.flush()
            # Then nothing, not even a heartbeat, until the client leaves.
            for _ in range(120):
                time.sleep(0.5)
                if self.server.stopping:
                    break
        except OSError:
            pass
        self.close_connection = True


def make_cert(directory, name, cn, san):
    cert = os.path.join(directory, name + ".pem")
    key = os.path.join(directory, name + ".key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
                    "-days", "2", "-subj", "/CN=" + cn, "-addext", "subjectAltName=" + san,
                    "-keyout", key, "-out", cert],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


def serve(context=None):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.lock = threading.Lock()
    server.event_id = 0
    server.stopping = False
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()

    good_cert, good_key = make_cert(args.dir, "good", "127.0.0.1", "IP:127.0.0.1,DNS:localhost")
    wrong_cert, wrong_key = make_cert(args.dir, "wrong", "wrong.example", "DNS:wrong.example")

    servers = []
    plain = serve()
    servers.append(plain)
    for cert, key in ((good_cert, good_key), (wrong_cert, wrong_key)):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        servers.append(serve(context))
    for s in servers:
        s.http_port = plain.server_address[1]
        s.other_port = servers[1].server_address[1]

    print(json.dumps({
        "http": plain.server_address[1],
        "tls": servers[1].server_address[1],
        "tls_wrong": servers[2].server_address[1],
        "cert": good_cert,
        "wrong_cert": wrong_cert,
    }), flush=True)

    # Serve until the test closes our stdin (or dies).
    sys.stdin.read()
    for s in servers:
        s.stopping = True
    os._exit(0)


if __name__ == "__main__":
    main()
