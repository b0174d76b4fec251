# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo hub as a program: its options, its stdout protocol, dying
with its parent's pipe, custom tokens, HTTPS, determinism of --seed."""

import http.client
import importlib.util
import json
import os
import re
import shutil
import ssl
import subprocess
import tempfile
import time

spec = importlib.util.spec_from_file_location('hub_lib', os.path.join(os.path.dirname(__file__), 'test-demo-hub-lib.py'))
lib = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lib)


def check_help():
    out = subprocess.run([lib.hub_binary(), '--help'], capture_output=True, text=True, timeout=30,
                         env=dict(os.environ, LANG='C', LANGUAGE='C', LC_ALL='C'))
    assert out.returncode == 0, out.stderr
    for option in ('--listen', '--data-dir', '--seed', '--scale', '--speed', '--tls-certificate', '--tls-key',
                   '--tokens', '--exit-with-stdin'):
        assert option in out.stdout, option
    assert 'demo-viewer-token' in out.stdout
    for bad in (['--listen', 'nowhere'], ['--listen', '127.0.0.1:99999'], ['--speed', '-1'], ['--tls-key', 'x'],
                ['--no-such-option']):
        r = subprocess.run([lib.hub_binary()] + bad, capture_output=True, text=True, timeout=30)
        assert r.returncode == 2, (bad, r.returncode)


def check_stdout_and_stdin():
    hub = lib.Hub('--exit-with-stdin', stdin=subprocess.PIPE)
    try:
        hub.start()
        assert re.fullmatch(r'http://127\.0\.0\.1:\d+/', hub.url), hub.url
        deadline = time.monotonic() + 10
        while not hub.lines and time.monotonic() < deadline:
            time.sleep(0.05)
        assert hub.lines and 'demo-operator-token (operator)' in hub.lines[0], hub.lines
        hub.proc.stdin.write(b'ignored\n')
        hub.proc.stdin.flush()
        time.sleep(0.2)
        assert hub.proc.poll() is None, 'input that is not EOF stopped the hub'
        hub.proc.stdin.close()
        assert hub.proc.wait(10) == 0
    finally:
        hub.cleanup()


def check_tokens():
    tmp = tempfile.mkdtemp(prefix='hc-demo-hub-tokens-')
    try:
        path = os.path.join(tmp, 'tokens')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('# personal tokens\n\nalpha-secret-1 supervisor pham.an Phạm Văn An\n'
                    'beta-secret-2 viewer vu.binh\n')
        with lib.Hub('--tokens', path) as hub:
            me = hub.json('GET', 'me', token='alpha-secret-1', role=None)
            assert (me['user'], me['display_name'], me['role']) == ('pham.an', 'Phạm Văn An', 'supervisor')
            me = hub.json('GET', 'me', token='beta-secret-2', role=None)
            assert (me['user'], me['display_name'], me['role']) == ('vu.binh', 'vu.binh', 'viewer')
            for token in ('demo-supervisor-token', 'alpha-secret', 'alpha-secret-1x', 'ALPHA-SECRET-1'):
                status, _, _ = hub.request('GET', '/api/v1/me', token=token)
                assert status == 401, token
            assert not any('secret' in line for line in hub.lines), 'a token was printed'
        with open(path, 'w', encoding='utf-8') as f:
            f.write('gamma-secret-3 admin root\n')
        r = subprocess.run([lib.hub_binary(), '--tokens', path, '--data-dir', tmp, '--listen', '127.0.0.1:0'],
                           capture_output=True, text=True, timeout=30)
        assert r.returncode != 0 and 'gamma-secret-3' not in r.stderr + r.stdout, r.stderr
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_tls():
    tmp = tempfile.mkdtemp(prefix='hc-demo-hub-tls-')
    try:
        cert, key = os.path.join(tmp, 'cert.pem'), os.path.join(tmp, 'key.pem')
        subprocess.run(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
                        '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
                        '-keyout', key, '-out', cert], check=True, capture_output=True, timeout=60)
        with lib.Hub('--tls-certificate', cert, '--tls-key', key) as hub:
            assert hub.url.startswith('https://127.0.0.1:'), hub.url
            context = ssl.create_default_context(cafile=cert)
            conn = http.client.HTTPSConnection(hub.host, hub.port, context=context, timeout=30)
            conn.request('GET', '/api/v1/me', headers={'Authorization': 'Bearer demo-viewer-token'})
            resp = conn.getresponse()
            assert resp.status == 200 and json.loads(resp.read())['role'] == 'viewer'
            conn.close()
            # A client that does not trust the certificate fails the handshake.
            conn = http.client.HTTPSConnection(hub.host, hub.port, context=ssl.create_default_context(), timeout=30)
            try:
                conn.request('GET', '/api/v1/health')
                raise AssertionError('an untrusted certificate was accepted')
            except ssl.SSLError:
                pass
            conn.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def snapshot(seed):
    with lib.Hub(seed=seed) as hub:
        def strip(items, keys):
            return [{k: v for k, v in i.items() if k in keys} for i in items]
        return {
            'sources': strip(hub.json('GET', 'ingestion/sources?limit=5000')['items'], ('id', 'name', 'agency', 'status', 'kind')),
            'datasets': strip(hub.json('GET', 'quality/datasets?limit=5000')['items'], ('id', 'name', 'scores', 'records')),
            'alerts': strip(hub.json('GET', 'security/alerts?limit=5000')['items'], ('id', 'title', 'severity', 'state', 'asset')),
            'nodes': hub.json('GET', 'storage/nodes')['items'],
        }


def check_determinism():
    a, b, c = snapshot('11'), snapshot('11'), snapshot('12')
    assert a == b, 'the same seed gave different centers'
    assert a['datasets'] != c['datasets'] and a['alerts'] != c['alerts'], 'another seed gave the same center'
    names = {s['name'] for s in a['sources']} | {s['agency'] for s in a['sources']}
    for place in ('Hà Nội', 'TP. Hồ Chí Minh', 'Huế', 'Cần Thơ', 'Đà Nẵng', 'Hải Phòng', 'An Giang', 'Cà Mau'):
        assert any(place in n for n in names), place
    assert len(a['sources']) >= 60 and len(a['datasets']) >= 40 and len(a['nodes']) == 12


def main():
    check_help()
    check_stdout_and_stdin()
    check_tokens()
    check_tls()
    check_determinism()
    print('cli: ok')


if __name__ == '__main__':
    main()
