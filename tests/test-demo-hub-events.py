# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo hub's event stream and persistence: an action produces its
event; many clients get it; disconnected clients leave nothing behind;
Last-Event-ID resumes across a hard restart without loss or repeats; an id
outside the window yields `reset`; actions survive a restart."""

import importlib.util
import json
import os
import tempfile
import shutil
import time

spec = importlib.util.spec_from_file_location('hub_lib', os.path.join(os.path.dirname(__file__), 'test-demo-hub-lib.py'))
lib = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lib)


def open_fds(hub):
    return len(os.listdir('/proc/%d/fd' % hub.proc.pid))


def wait_for(predicate, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def actions_and_fanout(hub):
    """Each action is an event, delivered to every connected client."""
    baseline = open_fds(hub)
    clients = [lib.EventStream(hub, role=('viewer', 'operator', 'supervisor')[i % 3]) for i in range(40)]
    assert wait_for(lambda: open_fds(hub) >= baseline + 40), (open_fds(hub), baseline)
    connected = open_fds(hub)
    alert = hub.json('GET', 'security/alerts?state=open&limit=1')['items'][0]['id']
    hub.json('POST', 'security/alerts/%s/acknowledge' % alert, role='operator', body={'comment': 'Đã nhận'})
    ids = set()
    for c in clients:
        ev = c.next(name='alert.updated', match=lambda e: json.loads(e['data'])['id'] == alert)
        assert json.loads(ev['data'])['state'] == 'acknowledged'
        ids.add(ev['id'])
    assert len(ids) == 1, 'clients saw different ids for one event: %s' % ids

    # Retry: 202 with a running run, then the source event with it finished.
    source = hub.json('GET', 'ingestion/sources?status=ok&limit=1')['items'][0]['id']
    run = hub.json('POST', 'ingestion/sources/%s/retry' % source, role='operator', expect=202)
    c = clients[0]
    started = c.next(name='source.updated', match=lambda e: json.loads(e['data'])['id'] == source)
    assert json.loads(started['data'])['last_run']['id'] == run['id']
    assert json.loads(started['data'])['last_run']['outcome'] == 'running'
    finished = c.next(name='source.updated', timeout=30,
                      match=lambda e: json.loads(e['data'])['last_run']['outcome'] != 'running')
    data = json.loads(finished['data'])
    assert data['id'] == source and data['last_run']['id'] == run['id'] and data['last_run']['finished_at']
    assert int(finished['id']) > int(started['id'])

    # Disconnects leak neither connections nor descriptors.
    for c in clients:
        c.close()
    assert wait_for(lambda: open_fds(hub) <= connected - 40), (open_fds(hub), connected)
    hub.json('GET', 'me')  # still serving
    return alert, source, run


def resume_across_restart(data_dir):
    """Kill -9 the hub while events flow; the restarted hub continues the
    same sequence for a client resuming with Last-Event-ID."""
    hub = lib.Hub('--event-window', '150', data_dir=data_dir, speed='40').start()
    stream = lib.EventStream(hub)
    seen = [stream.next(timeout=20) for _ in range(30)]
    ids = [int(e['id']) for e in seen]
    assert ids == list(range(ids[0], ids[0] + 30)), 'ids are not consecutive: %s' % ids
    hub.kill()
    stream.close()

    hub = lib.Hub('--event-window', '150', data_dir=data_dir, speed='40').start()
    try:
        # From an id in the middle of what we saw: the same events again, then more.
        middle = ids[10]
        again = lib.EventStream(hub, last_event_id=middle)
        replay = [again.next(timeout=20) for _ in range(40)]
        again.close()
        got = [int(e['id']) for e in replay]
        assert got == list(range(middle + 1, middle + 41)), 'lost or repeated events: %s' % got
        for old, new in zip(seen[11:], replay):
            assert (old['id'], old['event'], old['data']) == (new['id'], new['event'], new['data']), \
                'event %s changed across the restart' % old['id']

        # Too old for the window (150 events): reset, then live events.
        wait_for(lambda: hub.json('GET', 'me') and False, timeout=0)
        deadline = time.monotonic() + 60
        probe = lib.EventStream(hub)
        while int(probe.next(timeout=20)['id']) < ids[0] + 200:
            assert time.monotonic() < deadline, 'the simulation is too slow to pass the window'
        probe.close()
        old = lib.EventStream(hub, last_event_id=ids[0])
        first = old.next(timeout=10)
        assert first['event'] == 'reset', first
        newest = json.loads(first['data'])['last_event_id']
        assert int(first['id']) == newest
        live = old.next(timeout=20)
        assert int(live['id']) > newest and live['event'] != 'reset'
        old.close()

        # An id from the future, or not a number: reset as well.
        for bogus in ('99999999999', 'abc'):
            s = lib.EventStream(hub, last_event_id=bogus)
            assert s.next(timeout=10)['event'] == 'reset'
            s.close()
    finally:
        hub.cleanup()


def main():
    data_dir = tempfile.mkdtemp(prefix='hc-demo-hub-events-')
    try:
        hub = lib.Hub(data_dir=data_dir, speed='0').start()
        alert, source, run = actions_and_fanout(hub)
        resolved = hub.json('GET', 'security/alerts?state=open&limit=1')['items'][0]['id']
        key = {'Idempotency-Key': 'resolve-once'}
        first = hub.request('POST', '/api/v1/security/alerts/%s/resolve' % resolved, role='supervisor', headers=key,
                            body={'comment': 'Đã khắc phục', 'resolution': 'fixed'})
        assert first[0] == 200
        hub.stop()

        # Acknowledge, resolve, retry and the idempotency record survive a restart.
        hub = lib.Hub(data_dir=data_dir, speed='0').start()
        a = hub.json('GET', 'security/alerts/' + alert)
        assert a['state'] == 'acknowledged' and a['acknowledged_by'] == 'tran.van.minh'
        assert a['timeline'][-1]['comment'] == 'Đã nhận'
        r = hub.json('GET', 'security/alerts/' + resolved)
        assert r['state'] == 'resolved' and r['resolution'] == 'fixed'
        s = hub.json('GET', 'ingestion/sources/' + source)
        assert s['runs'][0]['id'] == run['id'] and s['runs'][0]['outcome'] in ('success', 'failure')
        again = hub.request('POST', '/api/v1/security/alerts/%s/resolve' % resolved, role='supervisor', headers=key,
                            body={'comment': 'Đã khắc phục', 'resolution': 'fixed'})
        assert (again[0], again[2]) == (first[0], first[2]), 'the idempotent answer changed across a restart'
        audit = hub.json('GET', 'audit?limit=5000', role='supervisor')['items']
        assert {(e['action'], e['target']) for e in audit} >= {('alert.acknowledge', alert), ('source.retry', source),
                                                              ('alert.resolve', resolved)}
        hub.stop()

        resume_across_restart(data_dir)

        # A heartbeat comment keeps idle streams alive.
        with lib.Hub('--heartbeat-seconds', '1', speed='0') as quiet:
            s = lib.EventStream(quiet)
            assert s.comments.get(timeout=5) == ': heartbeat'
            s.close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    print('events: ok')


if __name__ == '__main__':
    main()
