#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small whole hub on 127.0.0.1 whose event stream can send a burst.

The demo hub cannot send 200,000 alert.created events at once, so the
burst benchmark meets this hub instead. It serves the small hub of
tests/hc-fault-server.py (me, overview, five lists, an event stream with
heartbeats) and two controls:

  POST /_prepare?n=N  makes N alert.created events (ids alr-burst-N-…), keeps
                      them as the exact bytes of the event stream and writes
                      them to DIR/burst-N.sse for the benchmark to parse bare;
                      answers {"path": …, "bytes": …}.
  POST /_fire         writes the prepared burst to the open /events stream in
                      writes of 1 MiB.
  POST /_reset        sends a "reset" event: the console reads the lists
                      again (they never hold the burst) and drops the
                      burst's rows, so each burst starts from the same model.

Prints "listening on URL" and serves until stdin closes.
"""

import importlib.util
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('fault', os.path.join(here, '..', 'hc-fault-server.py'))
fault = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fault)

ALERT = fault.hub_item('alerts', id='@ID@', severity='high', title='Burst alert @N@', state='open')
TEMPLATE = json.dumps(ALERT, ensure_ascii=False)


class Hub:
    def __init__(self, directory):
        self.directory = directory
        self.cond = threading.Condition()
        self.queue = []          # (generation, bytes) handed to streams
        self.generation = 0
        self.prepared = b''
        self.next_id = 1
        self.stopping = False


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        pass

    def send_json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        hub = self.server.hub
        length = int(self.headers.get('Content-Length') or 0)
        if length:
            self.rfile.read(length)
        path, _, query = self.path.partition('?')
        if path == '/_prepare':
            n = int(dict(p.split('=', 1) for p in query.split('&') if '=' in p)['n'])
            parts = []
            ident = hub.next_id
            for i in range(n):
                data = TEMPLATE.replace('@ID@', 'alr-burst-%d-%07d' % (n, i)).replace('@N@', str(i))
                parts.append('id: %d\nevent: alert.created\ndata: %s\n\n' % (ident + i, data))
            hub.next_id += n
            blob = ''.join(parts).encode()
            name = os.path.join(hub.directory, 'burst-%d.sse' % n)
            with open(name, 'wb') as f:
                f.write(blob)
            hub.prepared = blob
            return self.send_json(200, {'path': name, 'bytes': len(blob)})
        if path in ('/_fire', '/_reset'):
            if path == '/_fire':
                blob = hub.prepared
                hub.prepared = b''
            else:
                blob = b'id: %d\nevent: reset\ndata: {}\n\n' % hub.next_id
                hub.next_id += 1
            with hub.cond:
                hub.generation += 1
                hub.queue.append((hub.generation, blob))
                hub.cond.notify_all()
            return self.send_json(200, {})
        return self.send_json(404, {'title': 'Not found'})

    def do_GET(self):
        path = self.path.partition('?')[0]
        if path == '/api/v1/events':
            return self.events()
        if path == '/api/v1/health':
            return self.send_json(200, {'status': 'ok'})
        if path == '/api/v1/me':
            return self.send_json(200, fault.ME)
        if path == '/api/v1/overview':
            return self.send_json(200, fault.hub_overview())
        endpoint = fault.HUB_PATHS.get(path)
        if endpoint in fault.HUB:
            items = fault.HUB[endpoint]
            return self.send_json(200, {'items': items, 'next_cursor': None, 'total': len(items)})
        return self.send_json(404, {'title': 'Not found'})

    def events(self):
        hub = self.server.hub
        with hub.cond:
            seen = hub.generation
        self.send_response(200)
        self.send_header('Content-Type', 'text/event-stream')
        self.send_header('Cache-Control', 'no-cache')
        self.send_header('Connection', 'close')
        self.end_headers()
        try:
            self.wfile.write(b': welcome\n\n')
            self.wfile.flush()
            while not hub.stopping:
                with hub.cond:
                    pending = [b for g, b in hub.queue if g > seen]
                    if not pending:
                        hub.cond.wait(10)
                        pending = [b for g, b in hub.queue if g > seen]
                    seen = hub.generation
                    hub.queue = [(g, b) for g, b in hub.queue if g > seen - 1]
                for blob in pending:
                    view = memoryview(blob)
                    for at in range(0, len(blob), 1 << 20):
                        self.wfile.write(view[at:at + (1 << 20)])
                self.wfile.write(b': heartbeat\n\n')
                self.wfile.flush()
        except OSError:
            pass
        self.close_connection = True


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else '.'
    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    server.hub = Hub(directory)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print('listening on http://127.0.0.1:%d/' % server.server_address[1], flush=True)
    sys.stdin.read()
    server.hub.stopping = True
    server.shutdown()


if __name__ == '__main__':
    main()
