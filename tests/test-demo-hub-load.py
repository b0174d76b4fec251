# SPDX-License-Identifier: GPL-3.0-or-later
"""Load: 50 concurrent keep-alive clients make 10,000 requests in total
against a living hub without a single error; and a hub seeded with
100,000 alerts starts in seconds and pages through them quickly."""

import http.client
import importlib.util
import json
import os
import threading
import time
import urllib.parse

spec = importlib.util.spec_from_file_location('hub_lib', os.path.join(os.path.dirname(__file__), 'test-demo-hub-lib.py'))
lib = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lib)

CLIENTS = 50
REQUESTS = 10000


def concurrent_clients(hub):
    sources = hub.json('GET', 'ingestion/sources?limit=5')['items']
    datasets = hub.json('GET', 'quality/datasets?limit=5')['items']
    alerts = hub.json('GET', 'security/alerts?limit=5')['items']
    paths = ['/api/v1/me', '/api/v1/overview', '/api/v1/ingestion/sources?limit=50', '/api/v1/quality/datasets?limit=20',
             '/api/v1/storage/pools', '/api/v1/storage/nodes', '/api/v1/security/alerts?limit=100',
             '/api/v1/security/alerts?state=open&limit=20', '/api/v1/health']
    paths += ['/api/v1/ingestion/sources/' + s['id'] for s in sources]
    paths += ['/api/v1/quality/datasets/' + d['id'] for d in datasets]
    paths += ['/api/v1/security/alerts/' + a['id'] for a in alerts]
    errors, done = [], [0] * CLIENTS
    per_client = REQUESTS // CLIENTS

    def client(n):
        role = ('viewer', 'operator', 'supervisor')[n % 3]
        headers = {'Authorization': 'Bearer ' + lib.TOKENS[role]}
        conn = http.client.HTTPConnection(hub.host, hub.port, timeout=60)
        try:
            for i in range(per_client):
                path = paths[(n * 7 + i) % len(paths)]
                try:
                    conn.request('GET', path, headers=headers)
                    resp = conn.getresponse()
                    body = resp.read()
                    if resp.status != 200:
                        errors.append((path, resp.status, body[:200]))
                    else:
                        json.loads(body)
                        done[n] += 1
                except Exception as e:  # any failure is an error of the hub under load
                    errors.append((path, repr(e)))
                    conn.close()
                    conn = http.client.HTTPConnection(hub.host, hub.port, timeout=60)
        finally:
            conn.close()

    start = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    elapsed = time.monotonic() - start
    assert not any(t.is_alive() for t in threads), 'clients still running after 120 s'
    assert not errors, '%d errors, first: %r' % (len(errors), errors[:3])
    assert sum(done) == REQUESTS, sum(done)
    print('load: %d requests from %d clients in %.1f s (%.0f/s)' % (REQUESTS, CLIENTS, elapsed, REQUESTS / elapsed))


def large_center():
    start = time.monotonic()
    with lib.Hub('--scale', '100000', speed='1') as hub:
        startup = time.monotonic() - start
        assert startup < 60, 'seeding 100,000 alerts took %.1f s' % startup

        def timed(path, role='viewer'):
            t = time.monotonic()
            body = hub.json('GET', path, role=role)
            return body, time.monotonic() - t

        page, t = timed('security/alerts?limit=500')
        assert page['total'] >= 100000 and len(page['items']) == 500
        assert t < 3, 'first page took %.2f s' % t
        cursor, seen = page['next_cursor'], {a['id'] for a in page['items']}
        for _ in range(5):
            page, t = timed('security/alerts?limit=500&cursor=' + urllib.parse.quote(cursor))
            assert t < 3, 'a later page took %.2f s' % t
            seen |= {a['id'] for a in page['items']}
            cursor = page['next_cursor']
        assert len(seen) == 3000
        for path in ('security/alerts?state=open&severity=critical&limit=100', 'security/alerts?q=ssh&limit=100',
                     'overview', 'ingestion/sources?limit=1000', 'quality/datasets?below=80&limit=1000',
                     'security/alerts/alr-0050000'):
            body, t = timed(path)
            assert t < 3, '%s took %.2f s' % (path, t)
        total = hub.json('GET', 'ingestion/sources?limit=1')['total']
        assert total == 10000, total
    print('load: 100,000 alerts ready in %.1f s' % startup)


def main():
    with lib.Hub(speed='1') as hub:
        concurrent_clients(hub)
    large_center()


if __name__ == '__main__':
    main()
