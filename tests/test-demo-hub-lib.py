# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers shared by the demo hub tests: start the built hub on a free
loopback port, call it, read its event stream, validate against the
OpenAPI document. Loaded by the tests with importlib (the name has
dashes, like every test file)."""

import atexit
import http.client
import json
import os
import queue
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

TOKENS = {
    'viewer': 'demo-viewer-token',
    'operator': 'demo-operator-token',
    'supervisor': 'demo-supervisor-token',
}


_running = []


@atexit.register
def _kill_leftovers():
    """A failed assertion must not leave a hub running after the test."""
    for hub in list(_running):
        hub.cleanup()


def hub_binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    return os.environ['HC_DEMO_HUB']


def api_document_path():
    if len(sys.argv) > 2:
        return sys.argv[2]
    return os.path.join(os.environ['HC_SOURCE_DIR'], 'data', 'hub-api.yaml')


class Hub:
    """One demo hub process with its own data directory."""

    def __init__(self, *args, data_dir=None, speed='0', seed='7', stdin=None):
        self.own_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix='hc-demo-hub-')
        self.args = list(args)
        self.speed = speed
        self.seed = seed
        self.stdin = stdin
        self.proc = None
        self.url = None
        self.lines = []

    def start(self, timeout=90):
        cmd = [hub_binary(), '--listen', '127.0.0.1:0', '--data-dir', self.data_dir,
               '--seed', self.seed, '--speed', self.speed] + self.args
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=None,
                                     stdin=self.stdin if self.stdin is not None else subprocess.DEVNULL)
        if self not in _running:
            _running.append(self)
        deadline = time.monotonic() + timeout
        first = self._readline(deadline)
        assert first.startswith('listening on '), 'first line was %r' % first
        self.url = first[len('listening on '):].strip()
        parsed = urllib.parse.urlsplit(self.url)
        assert parsed.hostname == '127.0.0.1' and parsed.port and parsed.port > 0, self.url
        self.host, self.port = parsed.hostname, parsed.port
        self.scheme = parsed.scheme
        # Later lines (tokens) are read in the background so the pipe never fills.
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _readline(self, deadline):
        buf = b''
        fd = self.proc.stdout.fileno()
        while not buf.endswith(b'\n'):
            left = deadline - time.monotonic()
            assert left > 0, 'the hub did not print its URL in time'
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 1)
                assert chunk, 'the hub exited before printing its URL (rc=%r)' % self.proc.poll()
                buf += chunk
        return buf.decode('utf-8')

    def _drain(self):
        for line in self.proc.stdout:
            self.lines.append(line.decode('utf-8', 'replace'))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                rc = self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                raise AssertionError('the hub did not stop on SIGTERM')
            assert rc == 0, 'the hub exited with %r' % rc
        self.proc = None

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(20)
        self.proc = None

    def cleanup(self):
        self.kill()
        if self in _running:
            _running.remove(self)
        if self.own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()

    def connection(self, timeout=30):
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request(self, method, path, role=None, token=None, headers=None, body=None, conn=None):
        """Returns (status, headers with lower-case names, body bytes)."""
        hdrs = dict(headers or {})
        if role is not None:
            token = TOKENS[role]
        if token is not None:
            hdrs['Authorization'] = 'Bearer ' + token
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode('utf-8')
            hdrs.setdefault('Content-Type', 'application/json')
        elif isinstance(body, str):
            body = body.encode('utf-8')
        own = conn is None
        conn = conn or self.connection()
        try:
            conn.request(method, path if path.startswith('/') else '/api/v1/' + path, body=body, headers=hdrs)
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data
        finally:
            if own:
                conn.close()

    def json(self, method, path, role='viewer', expect=200, **kw):
        status, headers, data = self.request(method, path, role=role, **kw)
        assert status == expect, '%s %s as %s: %d %s' % (method, path, role, status, data[:400])
        return json.loads(data) if data else None


class EventStream:
    """Reads /events in a thread; events land in a queue as dicts."""

    def __init__(self, hub, role='viewer', last_event_id=None):
        self.events = queue.Queue()
        self.comments = queue.Queue()
        headers = {'Authorization': 'Bearer ' + TOKENS[role], 'Accept': 'text/event-stream'}
        if last_event_id is not None:
            headers['Last-Event-ID'] = str(last_event_id)
        self.conn = http.client.HTTPConnection(hub.host, hub.port, timeout=60)
        self.conn.request('GET', '/api/v1/events', headers=headers)
        self.resp = self.conn.getresponse()
        assert self.resp.status == 200, self.resp.status
        assert self.resp.getheader('Content-Type', '').startswith('text/event-stream')
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        event = {}
        try:
            while True:
                line = self.resp.readline()
                if not line:
                    break
                line = line.decode('utf-8').rstrip('\r\n')
                if line == '':
                    if 'data' in event or 'event' in event:
                        self.events.put(event)
                    event = {}
                elif line.startswith(':'):
                    self.comments.put(line)
                else:
                    name, _, value = line.partition(':')
                    value = value[1:] if value.startswith(' ') else value
                    if name == 'data':
                        event['data'] = value if 'data' not in event else event['data'] + '\n' + value
                    elif name in ('id', 'event', 'retry'):
                        event[name] = value
        except Exception:  # the hub went away or the test closed the stream
            pass
        finally:
            self.closed.set()

    def next(self, timeout=20, name=None, match=None):
        """The next event (optionally of a name and satisfying match)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, 'no %s event within %ss' % (name or 'such', timeout)
            try:
                ev = self.events.get(timeout=left)
            except queue.Empty:
                raise AssertionError('no %s event within %ss' % (name or 'such', timeout))
            if name is not None and ev.get('event') != name:
                continue
            if match is not None and not match(ev):
                continue
            return ev

    def drain(self, quiet=0.3):
        out = []
        while True:
            try:
                out.append(self.events.get(timeout=quiet))
            except queue.Empty:
                return out

    def close(self):
        try:
            self.conn.sock.shutdown(2)
        except OSError:
            pass
        self.conn.close()
        self.closed.wait(10)


def load_tests_document():
    import yaml
    with open(api_document_path(), encoding='utf-8') as f:
        return yaml.safe_load(f)


class Contract:
    """Validates answers against the OpenAPI document with jsonschema
    (Draft 2020-12, the dialect of OpenAPI 3.1), resolving $refs into the
    document itself."""

    def __init__(self):
        import jsonschema
        self.jsonschema = jsonschema
        self.doc = load_tests_document()
        self.resolver = jsonschema.RefResolver(base_uri='', referrer=self.doc)
        self.seen = set()

    def resolve(self, obj):
        while isinstance(obj, dict) and '$ref' in obj:
            obj = self.resolver.resolve(obj['$ref'])[1]
        return obj

    def validate_schema(self, schema, instance, what):
        cls = self.jsonschema.Draft202012Validator
        validator = cls(schema, resolver=self.resolver, format_checker=cls.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            raise AssertionError('%s: %s at %s (%d errors)' % (what, e.message[:300], list(e.absolute_path), len(errors)))

    def check(self, template, method, status, headers, body):
        """Checks one answer of `method template` against the document."""
        op = self.doc['paths'][template][method.lower()]
        responses = op['responses']
        assert str(status) in responses, '%s %s answered %d, which the document does not list' % (method, template, status)
        response = self.resolve(responses[str(status)])
        self.seen.add((template, method.upper(), status))
        for name in response.get('headers', {}):
            assert name.lower() in headers, '%s %s %d lacks header %s' % (method, template, status, name)
            schema = self.resolve(response['headers'][name]).get('schema')
            if schema:
                value = headers[name.lower()]
                if schema.get('type') == 'integer':
                    value = int(value)
                self.validate_schema(schema, value, '%s header %s' % (template, name))
        content = response.get('content')
        if not content:
            assert not body, '%s %s %d should have no body' % (method, template, status)
            return None
        ctype = headers.get('content-type', '').split(';')[0].strip()
        assert ctype in content, '%s %s %d has Content-Type %r, document says %r' % (method, template, status, ctype, list(content))
        if ctype == 'text/event-stream':
            return None
        instance = json.loads(body)
        self.validate_schema(content[ctype]['schema'], instance, '%s %s %d' % (method, template, status))
        return instance

    def check_event(self, name, data):
        media = self.doc['paths']['/events']['get']['responses']['200']['content']['text/event-stream']
        assert name in media['x-event-data'], 'event %r is not in the document' % name
        instance = json.loads(data)
        self.validate_schema(media['x-event-data'][name], instance, 'event ' + name)
        return instance

    def operations(self):
        for path, item in self.doc['paths'].items():
            for method in item:
                yield path, method.upper()
