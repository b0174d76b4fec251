# SPDX-License-Identifier: GPL-3.0-or-later
"""Behaviour of the demo hub beyond shapes: roles for every action,
keyset paging that returns each item exactly once, filters that mean
what they say, ETag/304 and idempotency keys."""

import importlib.util
import json
import os
import urllib.parse

spec = importlib.util.spec_from_file_location('hub_lib', os.path.join(os.path.dirname(__file__), 'test-demo-hub-lib.py'))
lib = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lib)


def walk(hub, path, limit, params=None):
    """Every item of a list, page by page, with the total each page reports."""
    items, totals, cursor, pages = [], set(), None, 0
    while True:
        query = dict(params or {}, limit=limit)
        if cursor:
            query['cursor'] = cursor
        page = hub.json('GET', path + '?' + urllib.parse.urlencode(query), role='supervisor')
        assert len(page['items']) <= limit
        items += page['items']
        totals.add(page['total'])
        pages += 1
        cursor = page['next_cursor']
        if cursor is None:
            break
        assert len(page['items']) == limit, 'a page before the last is short'
        assert pages < 10000
    assert len(totals) == 1, totals
    return items, totals.pop()


def check_paging(hub):
    for path, limit, params in (('security/alerts', 137, None), ('security/alerts', 50, {'state': 'open'}),
                                ('security/alerts', 500, {'severity': 'critical', 'q': 'a'}),
                                ('ingestion/sources', 17, None), ('ingestion/sources', 3, {'status': 'lagging'}),
                                ('quality/datasets', 9, None), ('quality/datasets', 7, {'below': '90', 'criterion': 'live'}),
                                ('storage/pools', 1, None), ('storage/nodes', 5, None)):
        items, total = walk(hub, path, limit, params)
        ids = [i['id'] for i in items]
        assert len(ids) == total, (path, params, len(ids), total)
        assert len(set(ids)) == len(ids), 'an item came twice in %s' % path
        assert total > 0, (path, params)
        whole, _ = walk(hub, path, 5000, params)
        assert [i['id'] for i in whole] == ids, 'paging changed the order of %s' % path
    alerts, total = walk(hub, 'security/alerts', 5000)
    assert total == 2000
    times = [a['detected_at'] for a in alerts]
    assert times == sorted(times, reverse=True), 'alerts are not newest first'


def check_filters(hub):
    get = lambda p: hub.json('GET', p, role='viewer')['items']
    assert all(s['status'] == 'failed' for s in get('ingestion/sources?status=failed&limit=5000'))
    assert all(s['agency'] == 'Bộ Y tế' for s in get('ingestion/sources?limit=5000&agency=' + urllib.parse.quote('Bộ Y tế')))
    hanoi = get('ingestion/sources?limit=5000&q=ha%20noi')
    assert hanoi and all('Hà Nội' in s['name'] or 'Hà Nội' in s['agency'] for s in hanoi), [s['name'] for s in hanoi]
    assert get('ingestion/sources?limit=5000&q=' + urllib.parse.quote('HÀ NỘI')) == hanoi
    low = get('quality/datasets?limit=5000&below=90&criterion=live')
    assert low and all(d['scores']['live'] < 90 for d in low)
    overall = get('quality/datasets?limit=5000&below=95')
    assert all(d['scores']['overall'] < 95 for d in overall)
    since = '2026-01-01T00:00:00Z'
    recent = hub.json('GET', 'security/alerts?limit=5000', role='viewer')['items'][10]['detected_at']
    later = get('security/alerts?limit=5000&since=' + urllib.parse.quote(recent))
    assert len(later) == 11 and all(a['detected_at'] >= recent for a in later), len(later)
    assert all(a['severity'] == 'high' and a['category'] == 'malware' and a['state'] == 'open'
               for a in get('security/alerts?limit=5000&severity=high&category=malware&state=open'))
    ssh = get('security/alerts?limit=5000&q=SSH')
    assert ssh and all('SSH' in a['title'] + a['description'] for a in ssh)
    assert since


def check_roles(hub):
    alerts = hub.json('GET', 'security/alerts?state=open&limit=20', role='viewer')['items']
    sources = [s for s in hub.json('GET', 'ingestion/sources?limit=5000', role='viewer')['items'] if s['status'] != 'paused']
    expected = {
        'viewer': {'retry': 403, 'acknowledge': 403, 'resolve': 403, 'audit': 403},
        'operator': {'retry': 202, 'acknowledge': 200, 'resolve': 403, 'audit': 403},
        'supervisor': {'retry': 202, 'acknowledge': 200, 'resolve': 200, 'audit': 200},
    }
    for n, (role, want) in enumerate(expected.items()):
        alert = alerts[n]['id']
        status, _, _ = hub.request('POST', '/api/v1/ingestion/sources/%s/retry' % sources[n]['id'], role=role)
        assert status == want['retry'], (role, 'retry', status)
        status, _, _ = hub.request('POST', '/api/v1/security/alerts/%s/acknowledge' % alert, role=role, body={'comment': 'ok'})
        assert status == want['acknowledge'], (role, 'acknowledge', status)
        status, _, _ = hub.request('POST', '/api/v1/security/alerts/%s/resolve' % alert, role=role,
                                   body={'comment': 'xong', 'resolution': 'false_positive'})
        assert status == want['resolve'], (role, 'resolve', status)
        status, _, _ = hub.request('GET', '/api/v1/audit', role=role)
        assert status == want['audit'], (role, 'audit', status)
        after = hub.json('GET', 'security/alerts/' + alert, role=role)
        if role == 'viewer':
            assert after['state'] == 'open', 'a refused action changed the alert'
    audit = hub.json('GET', 'audit?limit=5000', role='supervisor')['items']
    denied = [e for e in audit if e['status'] == 403]
    assert {e['actor'] for e in denied} >= {'le.thi.hoa', 'tran.van.minh'}, denied
    done = [e for e in audit if e['status'] in (200, 202)]
    assert len(done) == 5, done
    for e in audit:
        assert e['remote_address'] == '127.0.0.1' and e['at'].endswith('Z')
    assert any(e['action'] == 'alert.resolve' and e['actor'] == 'nguyen.thi.lan' and e['comment'] == 'xong' for e in done)


def check_etags(hub):
    status, h, body = hub.request('GET', '/api/v1/security/alerts?limit=10', role='viewer')
    etag = h['etag']
    status, h2, body2 = hub.request('GET', '/api/v1/security/alerts?limit=10', role='viewer', headers={'If-None-Match': etag})
    assert status == 304 and body2 == b'' and h2['etag'] == etag
    status, _, _ = hub.request('GET', '/api/v1/security/alerts?limit=10', role='viewer', headers={'If-None-Match': '"other", ' + etag})
    assert status == 304
    status, _, _ = hub.request('GET', '/api/v1/security/alerts?limit=11', role='viewer', headers={'If-None-Match': etag})
    assert status == 200, 'another page must not match'
    first = json.loads(body)['items'][0]
    if first['state'] != 'resolved':
        hub.json('POST', 'security/alerts/%s/resolve' % first['id'], role='supervisor', body={'comment': 'x', 'resolution': 'fixed'})
        status, h3, _ = hub.request('GET', '/api/v1/security/alerts?limit=10', role='viewer', headers={'If-None-Match': etag})
        assert status == 200 and h3['etag'] != etag, 'a changed list kept its ETag'
    status, h, _ = hub.request('GET', '/api/v1/security/alerts/%s' % first['id'], role='viewer')
    status, _, _ = hub.request('GET', '/api/v1/security/alerts/%s' % first['id'], role='viewer', headers={'If-None-Match': h['etag']})
    assert status == 304


def check_idempotency(hub):
    alerts = hub.json('GET', 'security/alerts?state=open&limit=50', role='viewer')['items']
    target, other = alerts[-1]['id'], alerts[-2]['id']
    key = {'Idempotency-Key': 'ack-%s-1' % target}
    s1, h1, b1 = hub.request('POST', '/api/v1/security/alerts/%s/acknowledge' % target, role='operator', headers=key, body={'comment': 'một lần'})
    assert s1 == 200
    s2, h2, b2 = hub.request('POST', '/api/v1/security/alerts/%s/acknowledge' % target, role='operator', headers=key, body={'comment': 'một lần'})
    assert (s2, b2) == (s1, b1) and h2.get('idempotent-replayed') == 'true'
    timeline = hub.json('GET', 'security/alerts/' + target)['timeline']
    assert [t['action'] for t in timeline].count('acknowledged') == 1
    # Without the key the same request is a new one, and conflicts.
    s3, _, _ = hub.request('POST', '/api/v1/security/alerts/%s/acknowledge' % target, role='operator', body={'comment': 'một lần'})
    assert s3 == 409
    # The same key for a different request is refused.
    s4, _, _ = hub.request('POST', '/api/v1/security/alerts/%s/acknowledge' % other, role='operator', headers=key, body={'comment': 'một lần'})
    assert s4 == 422
    assert hub.json('GET', 'security/alerts/' + other)['state'] == 'open'
    # Keys belong to a user: the supervisor's identical key is a new request.
    s5, _, _ = hub.request('POST', '/api/v1/security/alerts/%s/acknowledge' % target, role='supervisor', headers=key, body={'comment': 'một lần'})
    assert s5 == 409
    # A first answer that was an error is replayed as that error.
    s6, _, b6 = hub.request('POST', '/api/v1/security/alerts/%s/acknowledge' % target, role='supervisor', headers=key, body={'comment': 'một lần'})
    assert s6 == 409
    # A retry repeated with its key starts one run only.
    source = next(s for s in hub.json('GET', 'ingestion/sources?status=ok&limit=50')['items'])['id']
    runs_before = len(hub.json('GET', 'ingestion/sources/' + source)['runs'])
    rk = {'Idempotency-Key': 'retry-' + source}
    r1 = hub.json('POST', 'ingestion/sources/%s/retry' % source, role='operator', expect=202, headers=rk)
    r2 = hub.json('POST', 'ingestion/sources/%s/retry' % source, role='operator', expect=202, headers=rk)
    assert r1 == r2
    runs = hub.json('GET', 'ingestion/sources/' + source)['runs']
    assert runs[0]['id'] == r1['id'] and len(runs) == min(runs_before + 1, 50)


def main():
    with lib.Hub('--scale', '2000', speed='0') as hub:
        check_paging(hub)
        check_filters(hub)
        check_roles(hub)
        check_etags(hub)
        check_idempotency(hub)
    print('api: ok')


if __name__ == '__main__':
    main()
