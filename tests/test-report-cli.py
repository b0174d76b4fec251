# SPDX-License-Identifier: GPL-3.0-or-later
"""`hub-console --report=quality` against the demo hub, in English and in
Vietnamese: a valid A4 PDF whose text (pdftotext) holds the hub's name,
every agency, the ten weakest datasets and the hub's own figures; nothing
printed. A hub that cannot be reached, or bad options: a clear error, a
non-zero exit and no file."""

import datetime
import importlib.util
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import urllib.parse

spec = importlib.util.spec_from_file_location('hub_lib', os.path.join(os.path.dirname(__file__), 'test-demo-hub-lib.py'))
lib = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lib)

DEMO_HUB, CONSOLE = sys.argv[1], sys.argv[2]


def walk(hub, path):
    items, cursor = [], None
    while True:
        query = {'limit': 500}
        if cursor:
            query['cursor'] = cursor
        page = hub.json('GET', path + '?' + urllib.parse.urlencode(query), role='operator')
        items += page['items']
        cursor = page['next_cursor']
        if cursor is None:
            return items


def run(args, lang, env_extra):
    env = dict(os.environ, LANGUAGE=lang, **env_extra)
    return subprocess.run([CONSOLE] + args, env=env, capture_output=True, timeout=120)


def score(value, lang):
    text = '%.1f' % value
    return text.replace('.', ',') if lang == 'vi' else text


def utc(stamp):
    """An RFC 3339 time as comparable text in UTC ("...Z")."""
    when = datetime.datetime.fromisoformat(stamp.replace('Z', '+00:00'))
    return when.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def words(text):
    return ' '.join(text.split())


def check_report(work, data_dir, lang):
    output = os.path.join(work, 'report-%s.pdf' % lang)
    result = run(['--report=quality', '--output=' + output, '--period=30', '--demo'], lang,
                 {'HC_DEMO_HUB': os.path.join(work, 'demo-hub.sh')})
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b'', result.stdout
    with open(output, 'rb') as f:
        assert f.read(5) == b'%PDF-'
    assert not os.path.exists(output + '.part')
    info = subprocess.run(['pdfinfo', output], capture_output=True, check=True).stdout.decode()
    assert 'A4' in info, info
    pages = int([l for l in info.splitlines() if l.startswith('Pages:')][0].split()[1])
    assert pages >= 2, info
    text = words(subprocess.run(['pdftotext', '-raw', output, '-'], capture_output=True, check=True).stdout.decode())

    # The same hub, on the same frozen data, read directly.
    hub = lib.Hub(data_dir=data_dir, speed='0', seed='7').start()
    try:
        me = hub.json('GET', 'me', role='operator')
        datasets = walk(hub, 'quality/datasets')
        sources = walk(hub, 'ingestion/sources')
        alerts = walk(hub, 'security/alerts')
    finally:
        hub.stop()

    assert words(me['hub']['name']) in text, me['hub']['name']
    assert ('Trang %d / %d' if lang == 'vi' else 'Page %d of %d') % (pages, pages) in text
    for agency in {d['owner_agency'] for d in datasets} | {s['agency'] for s in sources}:
        assert words(agency) in text, agency
    weakest = sorted(datasets, key=lambda d: d['scores']['overall'])
    tenth = weakest[9]['scores']['overall']
    for d in weakest:
        if d['scores']['overall'] < tenth:
            assert words(d['name']) in text, d['name']
    records = sum(d['records'] for d in datasets)
    for key, label in (('overall', {'C': 'Overall', 'vi': 'Tổng thể'}[lang]),
                       ('correct', {'C': 'Correct', 'vi': 'Đúng'}[lang]),
                       ('live', {'C': 'Live', 'vi': 'Sống'}[lang])):
        mean = sum(d['records'] * d['scores'][key] for d in datasets) / records
        assert '%s: %s' % (label, score(mean, lang)) in text, (label, score(mean, lang))
    # The period: the 30 days ending today (UTC), today included, and the
    # alerts opened and resolved since the start of its first day.
    today = datetime.datetime.now(datetime.timezone.utc).date()
    first = today - datetime.timedelta(days=29)
    if lang == 'vi':
        assert 'Kỳ báo cáo: 30 ngày gần nhất, từ %s đến %s' % (
            first.strftime('%d/%m/%Y'), today.strftime('%d/%m/%Y')) in text, text[:400]
    else:
        assert 'Period: the last 30 days, %d %s to %d %s' % (
            first.day, first.strftime('%b %Y'), today.day, today.strftime('%b %Y')) in text, text[:400]
    since = first.isoformat() + 'T00:00:00Z'
    opened = sum(1 for a in alerts if utc(a['detected_at']) >= since)
    resolved = sum(1 for a in alerts if a['state'] == 'resolved' and utc(a['resolved_at']) >= since)
    critical = sum(1 for a in alerts if a['severity'] == 'critical' and a['state'] != 'resolved')
    if lang == 'vi':
        said = 'Cảnh báo bảo mật trong kỳ: %d phát sinh, %d đã giải quyết' % (opened, resolved)
    else:
        said = 'Security alerts in the period: %d opened, %d resolved' % (opened, resolved)
    assert said in text, (said, text[:1500])
    assert str(critical) in text.split(said, 1)[1][:120], (critical, text)
    failed = sum(1 for s in sources if s['status'] == 'failed')
    lagging = sum(1 for s in sources if s['status'] == 'lagging')
    if lang == 'vi':
        assert 'lỗi: %d; chậm trễ: %d' % (failed, lagging) in text
    else:
        assert 'Feeds: %d; failed: %d; lagging: %d' % (len(sources), failed, lagging) in text


def check_failures(work):
    # Nothing listens on this port: the hub is down.
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        port = s.getsockname()[1]
    down = os.path.join(work, 'down.sh')
    with open(down, 'w') as f:
        f.write('#!/bin/sh\necho "listening on http://127.0.0.1:%d/"\nexec sleep 600\n' % port)
    os.chmod(down, stat.S_IRWXU)
    output = os.path.join(work, 'down.pdf')
    result = run(['--report=quality', '--output=' + output, '--demo'], 'C', {'HC_DEMO_HUB': down})
    assert result.returncode != 0
    assert result.stdout == b''
    assert b'cannot be reached' in result.stderr, result.stderr
    assert not os.path.exists(output) and not os.path.exists(output + '.part')

    # A hub that was never set up has no token in the keyring.
    result = run(['--report=quality', '--output=' + output, '--hub=https://hub.example.org/'], 'C', {})
    assert result.returncode != 0
    assert b'no token' in result.stderr, result.stderr
    assert not os.path.exists(output)

    # Options that make no sense are named.
    result = run(['--report=quality', '--demo'], 'C', {})
    assert result.returncode != 0 and b'--output' in result.stderr, result.stderr
    result = run(['--report=quality', '--output=' + output, '--demo', '--period=365'], 'C', {})
    assert result.returncode != 0 and b'365' in result.stderr, result.stderr
    assert not os.path.exists(output)


def main():
    work = tempfile.mkdtemp(prefix='hc-report-')
    try:
        data_dir = os.path.join(work, 'hub-data')
        os.mkdir(data_dir)
        wrapper = os.path.join(work, 'demo-hub.sh')
        with open(wrapper, 'w') as f:
            f.write('#!/bin/sh\nexec "%s" "$@" --speed 0 --seed 7 --data-dir "%s"\n' % (DEMO_HUB, data_dir))
        os.chmod(wrapper, stat.S_IRWXU)
        for lang in ('C', 'vi'):
            check_report(work, data_dir, lang)
        check_failures(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('ok')


if __name__ == '__main__':
    main()
