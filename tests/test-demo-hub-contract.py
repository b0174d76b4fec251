# SPDX-License-Identifier: GPL-3.0-or-later
"""Every endpoint of the demo hub, with every role, success and error,
validated against data/hub-api.yaml by jsonschema (Draft 2020-12)."""

import http.client
import importlib.util
import json
import os
import sys
import urllib.parse

spec = importlib.util.spec_from_file_location('hub_lib', os.path.join(os.path.dirname(__file__), 'test-demo-hub-lib.py'))
lib = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lib)

contract = lib.Contract()
ROLES = ('viewer', 'operator', 'supervisor')


def check_document():
    """The document itself: OpenAPI 3.1, every schema valid Draft 2020-12,
    every $ref resolvable."""
    doc = contract.doc
    assert doc['openapi'].startswith('3.1'), doc['openapi']
    for name, schema in doc['components']['schemas'].items():
        contract.jsonschema.Draft202012Validator.check_schema(schema)
    refs = []

    def walk(node):
        if isinstance(node, dict):
            if '$ref' in node:
                refs.append(node['$ref'])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(doc)
    assert len(refs) > 50
    for ref in set(refs):
        contract.resolver.resolve(ref)
    for path, item in doc['paths'].items():
        for method, op in item.items():
            assert 'operationId' in op and 'responses' in op, (path, method)
            for status, response in op['responses'].items():
                response = contract.resolve(response)
                if int(status) >= 400:
                    assert list(response['content']) == ['application/problem+json'], (path, method, status)
            if path != '/health':
                assert '401' in op['responses'], (path, method)
            if method == 'post':
                names = [contract.resolve(p)['name'] for p in op['parameters']]
                assert 'Idempotency-Key' in names, path


def main():
    check_document()
    with lib.Hub(speed='0') as hub:
        def call(method, template, role=None, params=None, body=None, headers=None, token=None, expect=None, **ids):
            path = '/api/v1' + template.format(**ids)
            if params:
                path += '?' + urllib.parse.urlencode(params)
            status, h, data = hub.request(method, path, role=role, token=token, headers=headers, body=body)
            if expect is not None:
                assert status == expect, '%s %s as %s: expected %d, got %d %s' % (method, path, role, expect, status, data[:300])
            return status, h, contract.check(template, method, status, h, data)

        def component(name, status, h, data):
            response = contract.resolve({'$ref': '#/components/responses/' + name})
            for header in response.get('headers', {}):
                assert header.lower() in h, '%s lacks %s' % (name, header)
            ctype = h.get('content-type', '').split(';')[0]
            assert ctype == 'application/problem+json', ctype
            instance = json.loads(data)
            contract.validate_schema(response['content'][ctype]['schema'], instance, name)
            assert instance['status'] == status
            return instance

        events = lib.EventStream(hub, role='viewer')

        # Reads: every role may read; every read validates.
        call('GET', '/health', expect=200)
        ids = {}
        for role in ROLES:
            _, _, me = call('GET', '/me', role=role, expect=200)
            assert me['role'] == role
            call('GET', '/overview', role=role, expect=200)
            _, _, sources = call('GET', '/ingestion/sources', role=role, expect=200)
            _, _, datasets = call('GET', '/quality/datasets', role=role, expect=200)
            call('GET', '/storage/pools', role=role, expect=200)
            call('GET', '/storage/nodes', role=role, expect=200)
            _, _, alerts = call('GET', '/security/alerts', role=role, expect=200)
            ids = {
                'source': sources['items'][1]['id'],
                'paused': next(s['id'] for s in sources['items'] if s['status'] == 'paused'),
                'dataset': datasets['items'][0]['id'],
                'open': [a['id'] for a in alerts['items'] if a['state'] == 'open'],
                'resolved': next(a['id'] for a in alerts['items'] if a['state'] == 'resolved'),
            }
            _, _, source = call('GET', '/ingestion/sources/{id}', role=role, expect=200, id=ids['source'])
            assert 0 < len(source['runs']) <= 50
            _, _, dataset = call('GET', '/quality/datasets/{id}', role=role, expect=200, id=ids['dataset'])
            assert len(dataset['history']) == 90 and len(dataset['rules']) >= 8
            _, _, alert = call('GET', '/security/alerts/{id}', role=role, expect=200, id=ids['resolved'])
            assert alert['timeline'][0]['action'] == 'detected'
            call('GET', '/audit', role=role, expect=200 if role == 'supervisor' else 403)
            _, _, agencies = call('GET', '/quality/agencies', role=role, expect=200)
            assert agencies['period']['days'] == 30 and agencies['total'] == len(agencies['items']) > 0

        # Filters and pages.
        call('GET', '/ingestion/sources', role='viewer', params={'status': 'failed', 'q': 'bo', 'limit': 3}, expect=200)
        call('GET', '/ingestion/sources', role='viewer', params={'agency': 'Bộ Công an'}, expect=200)
        call('GET', '/quality/datasets', role='viewer', params={'below': '95', 'criterion': 'live'}, expect=200)
        call('GET', '/security/alerts', role='viewer', params={'state': 'open', 'severity': 'high', 'category': 'ddos',
                                                              'since': '2020-01-01T00:00:00Z', 'q': 'a'}, expect=200)
        _, _, page = call('GET', '/security/alerts', role='viewer', params={'limit': 2}, expect=200)
        call('GET', '/security/alerts', role='viewer', params={'limit': 2, 'cursor': page['next_cursor']}, expect=200)
        call('GET', '/storage/pools', role='viewer', params={'limit': 1}, expect=200)
        call('GET', '/storage/nodes', role='viewer', params={'limit': 5}, expect=200)
        # The agencies, paged and for each period: every one once, each with
        # its datasets' figures as the list serves them.
        _, _, whole = call('GET', '/quality/agencies', role='viewer',
                           params={'period_days': 7, 'warning_below': 90, 'critical_below': 70}, expect=200)
        walked, cursor = [], None
        while True:
            params = {'period_days': 7, 'limit': 3, 'warning_below': 90, 'critical_below': 70}
            if cursor:
                params['cursor'] = cursor
            _, _, one = call('GET', '/quality/agencies', role='viewer', params=params, expect=200)
            walked += one['items']
            cursor = one['next_cursor']
            if cursor is None:
                break
        assert walked == whole['items'], 'paging the agencies differs from one page'
        names = [a['agency'] for a in walked]
        assert names == sorted(names, key=lambda n: n.encode()) and len(set(names)) == len(names)
        every = []
        cursor = None
        while True:
            _, _, one = call('GET', '/quality/datasets', role='viewer',
                             params={'limit': 5000, **({'cursor': cursor} if cursor else {})}, expect=200)
            every += one['items']
            cursor = one['next_cursor']
            if cursor is None:
                break
        for agency in walked:
            mine = [d for d in every if d['owner_agency'] == agency['agency']]
            assert agency['datasets'] == len(mine) and agency['records'] == sum(d['records'] for d in mine)
            assert agency['below_warning'] == sum(1 for d in mine if d['scores']['overall'] < 90)
            assert agency['below_critical'] == sum(1 for d in mine if d['scores']['overall'] < 70)
            weight = sum(d['records'] for d in mine)
            mean = sum(d['records'] * d['scores']['overall'] for d in mine) / weight
            assert abs(agency['scores']['overall'] - mean) < 1e-9, (agency['agency'], agency['scores'], mean)
            assert len(agency['series']) <= 8 and all(p['weight'] > 0 for p in agency['series'])

        # 304 with the ETag of every list and detail.
        for template, kw in (('/me', {}), ('/overview', {}), ('/ingestion/sources', {}), ('/quality/datasets', {}),
                             ('/storage/pools', {}), ('/storage/nodes', {}), ('/security/alerts', {}),
                             ('/ingestion/sources/{id}', {'id': ids['source']}),
                             ('/quality/datasets/{id}', {'id': ids['dataset']}),
                             ('/security/alerts/{id}', {'id': ids['resolved']}), ('/audit', {}),
                             ('/quality/agencies', {})):
            _, h, _ = call('GET', template, role='supervisor', expect=200, **kw)
            status, _, _ = call('GET', template, role='supervisor', headers={'If-None-Match': h['etag']}, **kw)
            # /me and /overview carry the time; they may change within a second.
            assert status == 304 or template in ('/me', '/overview'), (template, status)

        # 401 without a token and with a wrong one, on every authenticated operation.
        for template, method in contract.operations():
            if template == '/health':
                continue
            path_ids = {'id': ids['open'][0]}
            for token in (None, 'not-a-token'):
                status, h, _ = call(method, template, token=token, body={} if method == 'POST' else None, **path_ids)
                assert status == 401, (template, method, status)
                assert h['www-authenticate'].startswith('Bearer')

        # 400 for bad parameters.
        for template, params in (('/ingestion/sources', {'limit': '0'}), ('/ingestion/sources', {'limit': 'x'}),
                                 ('/ingestion/sources', {'limit': '5001'}), ('/ingestion/sources', {'status': 'on'}),
                                 ('/ingestion/sources', {'cursor': 'garbage!'}), ('/ingestion/sources', {'bogus': '1'}),
                                 ('/quality/datasets', {'below': '101'}), ('/quality/datasets', {'criterion': 'fast'}),
                                 ('/quality/datasets', {'cursor': page['next_cursor']}),
                                 ('/storage/pools', {'limit': '-1'}), ('/storage/nodes', {'cursor': 'eA'}),
                                 ('/security/alerts', {'since': 'yesterday'}), ('/security/alerts', {'state': 'closed'}),
                                 ('/security/alerts', {'severity': 'urgent'}), ('/security/alerts', {'category': 'spam'}),
                                 ('/security/alerts', {'q': ''}), ('/audit', {'limit': '99999'}),
                                 ('/audit', {'action': 'delete'}), ('/audit', {'actor': ''}),
                                 ('/audit', {'since': 'yesterday'}),
                                 ('/quality/agencies', {'period_days': '0'}), ('/quality/agencies', {'period_days': '91'}),
                                 ('/quality/agencies', {'period_days': '7.5'}), ('/quality/agencies', {'warning_below': 'x'}),
                                 ('/quality/agencies', {'cursor': page['next_cursor']})):
            status, _, problem = call('GET', template, role='supervisor', params=params)
            assert status == 400, (template, params, status)
            assert problem['status'] == 400

        # 404 for unknown ids, also on actions.
        call('GET', '/ingestion/sources/{id}', role='viewer', expect=404, id='src-nope')
        call('GET', '/quality/datasets/{id}', role='viewer', expect=404, id='ds-nope')
        call('GET', '/security/alerts/{id}', role='viewer', expect=404, id='alr-nope')
        call('POST', '/ingestion/sources/{id}/retry', role='operator', expect=404, id='src-nope')
        call('POST', '/security/alerts/{id}/acknowledge', role='operator', body={'comment': 'x'}, expect=404, id='alr-nope')
        call('POST', '/security/alerts/{id}/resolve', role='supervisor', body={'comment': 'x', 'resolution': 'fixed'},
             expect=404, id='alr-nope')

        # 403 for roles without the action.
        call('POST', '/ingestion/sources/{id}/retry', role='viewer', expect=403, id=ids['source'])
        call('POST', '/security/alerts/{id}/acknowledge', role='viewer', body={'comment': 'x'}, expect=403, id=ids['open'][0])
        call('POST', '/security/alerts/{id}/resolve', role='viewer', body={'comment': 'x', 'resolution': 'fixed'},
             expect=403, id=ids['open'][0])
        call('POST', '/security/alerts/{id}/resolve', role='operator', body={'comment': 'x', 'resolution': 'fixed'},
             expect=403, id=ids['open'][0])

        # 422 for bad bodies.
        for body in ('not json', '[1]', {}, {'comment': ''}, {'comment': '   '}, {'comment': 5}, {'comment': 'x' * 2001}):
            call('POST', '/security/alerts/{id}/acknowledge', role='operator', body=body, expect=422, id=ids['open'][0])
        for body in ({'comment': 'x'}, {'resolution': 'fixed'}, {'comment': 'x', 'resolution': 'gone'}):
            call('POST', '/security/alerts/{id}/resolve', role='supervisor', body=body, expect=422, id=ids['open'][0])

        # 413 and 411 before the body is read; 400 for a bad Idempotency-Key.
        call('POST', '/security/alerts/{id}/acknowledge', role='operator', body='x' * (70 * 1024), expect=413, id=ids['open'][0])
        conn = hub.connection()
        conn.request('POST', '/api/v1/security/alerts/%s/acknowledge' % ids['open'][0], body=iter([b'{"comment":"x"}']),
                     headers={'Authorization': 'Bearer demo-operator-token'}, encode_chunked=True)
        resp = conn.getresponse()
        contract.check('/security/alerts/{id}/acknowledge', 'POST', resp.status,
                       {k.lower(): v for k, v in resp.getheaders()}, resp.read())
        assert resp.status == 411, resp.status
        conn.close()
        call('POST', '/ingestion/sources/{id}/retry', role='operator', headers={'Idempotency-Key': 'has space'},
             expect=400, id=ids['source'])

        # Successful actions, then their conflicts.
        _, _, run = call('POST', '/ingestion/sources/{id}/retry', role='operator', expect=202, id=ids['source'])
        assert run['outcome'] == 'running' and run['finished_at'] is None
        call('POST', '/ingestion/sources/{id}/retry', role='operator', expect=409, id=ids['source'])
        call('POST', '/ingestion/sources/{id}/retry', role='supervisor', expect=409, id=ids['paused'])
        _, _, alert = call('POST', '/security/alerts/{id}/acknowledge', role='operator', body={'comment': 'Đang kiểm tra.'},
                           expect=200, id=ids['open'][0])
        assert alert['state'] == 'acknowledged' and alert['timeline'][-1]['comment'] == 'Đang kiểm tra.'
        call('POST', '/security/alerts/{id}/acknowledge', role='operator', body={'comment': 'again'}, expect=409, id=ids['open'][0])
        _, _, alert = call('POST', '/security/alerts/{id}/resolve', role='supervisor',
                           body={'comment': 'Đã xử lý.', 'resolution': 'fixed'}, expect=200, id=ids['open'][0])
        assert alert['state'] == 'resolved' and alert['resolution'] == 'fixed'
        call('POST', '/security/alerts/{id}/resolve', role='supervisor', body={'comment': 'x', 'resolution': 'fixed'},
             expect=409, id=ids['open'][0])
        call('POST', '/security/alerts/{id}/acknowledge', role='operator', body={'comment': 'x'}, expect=409, id=ids['resolved'])
        _, _, audit = call('GET', '/audit', role='supervisor', expect=200)
        assert {'alert.acknowledge', 'alert.resolve', 'source.retry'} <= {e['action'] for e in audit['items']}
        # The audit log's filters narrow it to what they name.
        _, _, acks = call('GET', '/audit', role='supervisor', expect=200,
                          params={'action': 'alert.acknowledge', 'actor': 'tran.van.minh', 'since': '2020-01-01T00:00:00Z'})
        assert acks['items'] and all(e['action'] == 'alert.acknowledge' and e['actor'] == 'tran.van.minh'
                                     for e in acks['items'])
        _, _, later = call('GET', '/audit', role='supervisor', expect=200, params={'since': '2999-01-01T00:00:00Z'})
        assert later['items'] == []

        # Every event the actions produced matches its schema.
        seen = set()
        for _ in range(4):
            ev = events.next(timeout=20)
            contract.check_event(ev['event'], ev['data'])
            assert int(ev['id']) > 0
            seen.add(ev['event'])
        assert {'source.updated', 'alert.updated'} <= seen, seen
        contract.check('/events', 'GET', events.resp.status, {k.lower(): v for k, v in events.resp.getheaders()}, b'')
        events.close()
        reset = lib.EventStream(hub, role='viewer', last_event_id=10 ** 12)
        ev = reset.next(timeout=10)
        assert ev['event'] == 'reset'
        contract.check_event('reset', ev['data'])
        reset.close()

        # No HTML anywhere: unknown paths and wrong methods are problem+json too.
        for method, path in (('GET', '/'), ('GET', '/api/v1/nope'), ('GET', '/api/v1/security/alerts/a/b/c'),
                             ('GET', '/api/v2/me'), ('GET', '/api/v1/ingestion/sources/'), ('GET', '/index.html')):
            status, h, data = hub.request(method, path, role='viewer')
            assert status == 404, (path, status)
            component('NotFound', 404, h, data)
        for method, path in (('DELETE', '/api/v1/me'), ('POST', '/api/v1/overview'), ('PUT', '/api/v1/security/alerts'),
                             ('GET', '/api/v1/security/alerts/%s/resolve' % ids['open'][1]), ('POST', '/api/v1/health')):
            status, h, data = hub.request(method, path, role='viewer', body=b'' if method != 'GET' else None)
            assert status == 405, (path, status)
            component('MethodNotAllowed', 405, h, data)

        # Failed sign-ins from one address end in 429 with Retry-After.
        # (the 401 checks above already spent some of the 30 allowed failures)
        statuses = []
        while len(statuses) < 31 and 429 not in statuses:
            statuses.append(call('GET', '/me', token='wrong-%d' % len(statuses))[0])
        assert statuses[-1] == 429 and set(statuses[:-1]) == {401}, statuses
        status, h, _ = call('GET', '/me', role='supervisor')
        assert status == 429 and int(h['retry-after']) >= 1

        # Every operation of the document was answered with success at least once.
        for template, method in contract.operations():
            ok = [s for (t, m, s) in contract.seen if t == template and m == method and 200 <= s < 300]
            assert ok, 'no successful %s %s was checked' % (method, template)

    print('contract: %d (operation, status) pairs validated' % len(contract.seen))


if __name__ == '__main__':
    main()
