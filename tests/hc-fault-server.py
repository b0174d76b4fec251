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
  hub/<spec>    a small but whole hub (HUB below: me, overview, five lists,
                details, an event stream with heartbeats) that fails only
                where <spec> says: "-" for nowhere, else ENDPOINT=MODE
                pairs joined by commas, e.g. "overview=notfound,nodes=error500".
                Endpoints: me, overview, sources, datasets, pools, nodes,
                alerts, events. Modes: notfound, error500, wrong-schema,
                truncated, slow, paged (one row a page: pages smaller than
                asked for), paged-tail (alerts only: 1, 1000 and then 1 row
                a page, 1003 in all, ids al-0000 to al-1002 in order,
                next_cursor the envelope's last member as the demo hub
                writes it: the heavy page is still parsed when the light
                one after it comes), extra (unknown fields everywhere), lying (the
                overview only: all quiet, whatever the lists say).
                Its event stream sends what was injected (below) after
                the client's Last-Event-ID; "events=replay" sends all of
                it on every connection whatever the client asks (a hub
                that replays, to test de-duplication).

Driving a hub/<spec> (each spec is its own hub with its own data):
  POST hub/<spec>/_inject  a JSON list of {"event": NAME, "data": OBJECT}
                (an optional "id"; else the next one, from 1): queued to
                every open /events stream of that hub, and the items in
                "data" replace (or join) the hub's lists by id.
  POST hub/<spec>/_drop    closes every open /events stream of that hub.
  POST hub/<spec>/_restart its events start over from id 1 (a hub whose
                store was replaced) and its streams close: a client that
                comes back with a Last-Event-ID beyond them hears "reset"
                with the newest id.
  POST hub/<spec>/_down    {"down": true}: every request to that hub is
                hung up on (the hub is unreachable) until {"down": false}.

Without --dir, only plain HTTP is served and its port printed. With
--as-demo SPEC (or HC_FAULT_SPEC), plain HTTP only too, printing the demo hub's
"listening on URL" line for hub/SPEC, so `hub-console --demo` with
HC_DEMO_HUB pointing here (and HC_FAULT_SPEC=SPEC) meets that hub.

Three listeners: plain HTTP, TLS with a self-signed certificate for
127.0.0.1, TLS with a certificate for another host name. Certificates are
made with openssl in --dir. Prints one JSON line with the ports and the
certificate paths, then serves until stdin closes.
"""

import argparse
import copy
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


def hub_item(kind, **fields):
    base = {
        "sources": {"agency": "Bộ Tài chính", "kind": "batch", "schedule": "0 * * * *",
                    "agreed_delay_seconds": 3600, "last_success_at": "2026-01-05T07:00:00Z",
                    "lag_seconds": 60, "records_per_second": 12.5, "last_run": None},
        "datasets": {"owner_agency": "Bộ Tư pháp", "records": 1000, "checked_at": "2026-01-05T08:30:00Z",
                     "rules_failed": 0},
        "pools": {"kind": "object", "capacity_bytes": 1000000000, "used_bytes": 500000000,
                  "replication": {"scheme": "ec-8+3", "degraded_objects": 0, "misplaced_objects": 0},
                  "read_bps": 1048576, "write_bps": 524288, "history": []},
        "nodes": {"rack": "R1"},
        "alerts": {"category": "brute_force", "description": "Many failed logins", "asset": "bastion-1",
                   "source_ip": "203.0.113.7", "detected_at": "2026-01-05T08:00:00Z",
                   "acknowledged_by": None, "acknowledged_at": None, "resolved_by": None,
                   "resolved_at": None, "resolution": None, "events_count": 3},
    }[kind]
    return dict(base, **fields)


def disk(ident, health):
    return {"id": ident, "serial": "S" + ident, "model": "ST16000", "capacity_bytes": 16000000000000,
            "health": health, "temperature_c": 40, "reallocated_sectors": 0, "power_on_hours": 1000}


def scores(value):
    return {"correct": value, "complete": value, "clean": value, "live": value, "overall": value}


# The whole hub: two feeds failing and one lagging, a degraded pool, a failing
# disk, a critical and a high alert open. Nothing here is all quiet.
HUB = {
    "sources": [
        hub_item("sources", id="src-1", name="Dân cư", status="ok"),
        hub_item("sources", id="src-2", name="Thuế", status="failed"),
        hub_item("sources", id="src-3", name="Hải quan", status="failed"),
        hub_item("sources", id="src-4", name="Kho bạc", status="lagging"),
    ],
    "datasets": [
        hub_item("datasets", id="ds-1", name="Hộ tịch", scores=scores(90.0)),
        hub_item("datasets", id="ds-2", name="Đất đai", scores=scores(70.0)),
    ],
    "pools": [
        hub_item("pools", id="pool-a", name="Kho A", state="healthy"),
        hub_item("pools", id="pool-b", name="Kho B", state="degraded"),
    ],
    "nodes": [
        hub_item("nodes", id="node-1", hostname="stor-01", state="up", disks=[disk("d-1", "ok")]),
        hub_item("nodes", id="node-2", hostname="stor-02", state="up",
                 disks=[disk("d-2", "failing"), disk("d-3", "ok")]),
    ],
    "alerts": [
        hub_item("alerts", id="al-1", severity="critical", title="Mã độc trên máy chủ", state="open"),
        hub_item("alerts", id="al-2", severity="high", title="Đăng nhập thất bại", state="open"),
        hub_item("alerts", id="al-3", severity="medium", title="Quét cổng", state="acknowledged",
                 acknowledged_by="an", acknowledged_at="2026-01-05T08:10:00Z"),
    ],
}

# Which list an event's item belongs to.
EVENT_LISTS = {
    "source.updated": "sources", "dataset.updated": "datasets", "pool.updated": "pools",
    "node.updated": "nodes", "alert.created": "alerts", "alert.updated": "alerts",
}

HUB_PATHS = {
    "/api/v1/me": "me", "/api/v1/overview": "overview", "/api/v1/events": "events",
    "/api/v1/ingestion/sources": "sources", "/api/v1/quality/datasets": "datasets",
    "/api/v1/storage/pools": "pools", "/api/v1/storage/nodes": "nodes",
    "/api/v1/security/alerts": "alerts",
}


def hub_overview(lying=False, data=None):
    HUB = data or globals()["HUB"]  # noqa: N806 (the hub's own data)

    def count(kind, key, value):
        return 0 if lying else sum(1 for i in HUB[kind] if i[key] == value)
    return {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "sources": {"total": len(HUB["sources"]),
                    "by_status": {s: (len(HUB["sources"]) if lying and s == "ok" else count("sources", "status", s))
                                  for s in ("ok", "lagging", "failed", "paused")}},
        "quality": {"datasets": len(HUB["datasets"]), "mean": scores(80.0),
                    "weights": {"correct": 0.25, "complete": 0.25, "clean": 0.25, "live": 0.25}},
        "storage": {"used_bytes": 1000000000, "capacity_bytes": 2000000000,
                    "pools_by_state": {s: (2 if lying and s == "healthy" else count("pools", "state", s))
                                       for s in ("healthy", "degraded", "critical")},
                    "nodes_by_state": {"up": 2, "down": 0, "maintenance": 0},
                    "disks_by_health": {"ok": 3 if lying else 2, "warning": 0, "failing": 0 if lying else 1}},
        "alerts": {"open_by_severity": {s: 0 if lying else sum(1 for i in HUB["alerts"]
                                                               if i["severity"] == s and i["state"] == "open")
                                        for s in ("critical", "high", "medium", "low")},
                   "acknowledged_by_severity": {"critical": 0, "high": 0, "medium": 0 if lying else 1, "low": 0},
                   "open_total": 0 if lying else 2, "acknowledged_total": 0 if lying else 1},
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
        self.post_body = self.rfile.read(length) if length else b""
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

        if fault == "hub" and len(parts) > 2:
            spec = parts[2]
            rest = "/" + "/".join(parts[3:])
            return self.hub(spec, rest, query)

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
            return self.drip()
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

    def hub(self, spec, rest, query):
        faults = dict(pair.split("=", 1) for pair in spec.split(",") if "=" in pair)
        if rest in ("/_inject", "/_drop", "/_restart", "/_down"):
            return self.hub_control(spec, rest[1:])
        if spec in self.server.down:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        data = self.server.hubs.get(spec, HUB)
        endpoint = HUB_PATHS.get(rest)
        detail_of = None
        if endpoint is None:
            for path, name in HUB_PATHS.items():
                if name in HUB and rest.startswith(path + "/"):
                    endpoint, detail_of = name, rest[len(path) + 1:]
        mode = faults.get(endpoint, "ok")
        if endpoint is None:
            return self.problem(404, "Not found", rest)
        if mode == "notfound":
            return self.problem(404, "Not found", "This hub has no " + rest + ".")
        if mode == "error500":
            return self.problem(500, "Database down", "The store is not answering.")
        if mode == "truncated":
            return self.send_body(200, '{"items": [{"id": "x", "na')
        if mode == "slow":
            return self.drip()
        if endpoint == "events":
            return self.hub_events(spec, replay=mode == "replay")
        if endpoint == "me":
            if mode == "wrong-schema":
                return self.send_body(200, json.dumps(dict(ME, user=42)))
            return self.send_body(200, json.dumps(ME))
        if endpoint == "overview":
            if mode == "wrong-schema":
                body = hub_overview(data=data)
                del body["sources"]["total"]
                body["alerts"]["open_by_severity"] = "many"
                return self.send_body(200, json.dumps(body))
            body = hub_overview(lying=mode == "lying", data=data)
            if mode == "extra":
                body["x_vendor"] = {"build": 7}
            return self.send_body(200, json.dumps(body))
        items = data[endpoint]
        if mode == "extra":
            items = [dict(i, x_vendor_field={"any": [1, 2]}) for i in items]
        if detail_of is not None:
            for item in items:
                if item["id"] == detail_of:
                    return self.send_body(200, json.dumps(item))
            return self.problem(404, "No such item", detail_of)
        if mode == "wrong-schema":
            return self.send_body(200, json.dumps({"items": [{"id": 5, "name": None}], "next_cursor": None,
                                                   "total": "x"}))
        if mode == "paged-tail":
            params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
            index = int(params.get("cursor", "0"))
            sizes = [1, 1000, 1, 1]
            start = sum(sizes[:index])
            page = [hub_item("alerts", id="al-%04d" % n, severity="low", state="open",
                             title="Alert %d" % n, description="x" * 4000)
                    for n in range(start, start + sizes[index])]
            following = str(index + 1) if index + 1 < len(sizes) else None
            return self.send_body(200, json.dumps({"items": page, "total": sum(sizes),
                                                   "next_cursor": following}))
        if mode == "paged":
            params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
            index = int(params.get("cursor", "0"))
            page = items[index:index + 1]
            following = str(index + 1) if index + 1 < len(items) else None
            return self.send_body(200, json.dumps({"items": page, "next_cursor": following,
                                                   "total": len(items)}))
        return self.send_body(200, json.dumps({"items": items, "next_cursor": None, "total": len(items)}))

    def hub_control(self, spec, command):
        body = json.loads(self.post_body or b"null")
        with self.server.cond:
            if command == "_inject":
                log = self.server.logs.setdefault(spec, [])
                data = self.server.hubs.setdefault(spec, copy.deepcopy(HUB))
                ids = []
                for event in body:
                    ident = event.get("id") or (log[-1][0] + 1 if log else 1)
                    log.append((ident, event["event"], json.dumps(event["data"])))
                    ids.append(ident)
                    kind = EVENT_LISTS.get(event["event"])
                    if kind is not None:
                        items = data[kind]
                        for i, item in enumerate(items):
                            if item["id"] == event["data"]["id"]:
                                items[i] = event["data"]
                                break
                        else:
                            items.append(event["data"])
                self.server.cond.notify_all()
                answer = {"ids": ids}
            elif command == "_restart":
                # The hub's store was replaced: its events count from 1 again.
                self.server.logs[spec] = []
                self.server.generation[spec] = self.server.generation.get(spec, 0) + 1
                self.server.cond.notify_all()
                answer = {}
            elif command == "_drop":
                self.server.generation[spec] = self.server.generation.get(spec, 0) + 1
                self.server.cond.notify_all()
                answer = {}
            else:
                if body.get("down"):
                    self.server.down.add(spec)
                    self.server.generation[spec] = self.server.generation.get(spec, 0) + 1
                else:
                    self.server.down.discard(spec)
                self.server.cond.notify_all()
                answer = {}
        return self.send_body(200, json.dumps(answer))

    def hub_events(self, spec, replay=False):
        try:
            sent = int(self.headers.get("Last-Event-ID") or "")
        except ValueError:
            sent = None
        with self.server.cond:
            log = self.server.logs.get(spec, [])
            generation = self.server.generation.get(spec, 0)
            newest = log[-1][0] if log else 0
            reset = False
            if replay:
                sent = 0
            elif sent is None:
                # A new client hears what happens from now on.
                sent = newest
            elif sent > newest:
                # Its resume point is beyond what we have (our log started
                # over): "reset", with our newest id.
                reset = True
                sent = newest
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(b": welcome\n\n")
            if reset:
                self.wfile.write(b"id: %d\nevent: reset\ndata: {\"last_event_id\": %d}\n\n" % (sent, sent))
            self.wfile.flush()
            while not self.server.stopping:
                with self.server.cond:
                    pending = [e for e in self.server.logs.get(spec, []) if e[0] > sent]
                    if not pending:
                        self.server.cond.wait(5)
                        pending = [e for e in self.server.logs.get(spec, []) if e[0] > sent]
                    if self.server.generation.get(spec, 0) != generation:
                        break
                for ident, name, data in pending:
                    self.wfile.write(b"id: %d\nevent: %s\ndata: %s\n\n" % (ident, name.encode(), data.encode()))
                    sent = ident
                self.wfile.write(b": heartbeat\n\n")
                self.wfile.flush()
        except OSError:
            pass
        self.close_connection = True

    def drip(self):
        # One byte a second: an answer that never quite arrives.
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
    # hub/<spec>: injected events, the data they changed, dropped streams.
    server.cond = threading.Condition()
    server.logs = {}
    server.hubs = {}
    server.generation = {}
    server.down = set()
    server.event_id = 0
    server.stopping = False
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir")
    parser.add_argument("--as-demo", metavar="SPEC", default=os.environ.get("HC_FAULT_SPEC"))
    # What hub-console --demo passes to a demo hub; the fault hub takes
    # any port, always exits with stdin and keeps nothing on disk.
    parser.add_argument("--listen")
    parser.add_argument("--exit-with-stdin", action="store_true")
    parser.add_argument("--data-dir")
    args = parser.parse_args()

    if args.dir is None:
        # Plain HTTP only: no certificates needed.
        plain = serve()
        plain.http_port = plain.other_port = plain.server_address[1]
        if args.as_demo is not None:
            print("listening on http://127.0.0.1:%d/hub/%s" % (plain.server_address[1], args.as_demo), flush=True)
        else:
            print(json.dumps({"http": plain.server_address[1]}), flush=True)
        sys.stdin.read()
        plain.stopping = True
        os._exit(0)

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
