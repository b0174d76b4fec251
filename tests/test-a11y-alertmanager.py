#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real Prometheus Alertmanager's alerts, read as a screen reader reads them.

Starts Debian's prometheus-alertmanager on a free loopback port with a
temporary storage path, posts two alerts to its API (one critical with a
summary, one warning without), then starts hub-console with one hub profile
of kind `alertmanager` at that address, written beforehand into a keyfile
GSettings backend as the console itself would store it (an Alertmanager
needs no token, so no keyring). Over AT-SPI it selects Security in the
sidebar and checks that each alert's row reads its title with the mapped
severity word (critical: Critical; warning: Medium), and that the
Overview's security card counts the critical alert.

  test-a11y-alertmanager.py HUB_CONSOLE APP_ID
"""
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('a11y', os.path.join(HERE, 'test-a11y.py'))
a11y = importlib.util.module_from_spec(spec)
spec.loader.exec_module(a11y)  # also takes G_DEBUG away from this reader

from gi.repository import Atspi, GLib  # noqa: E402

ALERTMANAGER = '/usr/bin/prometheus-alertmanager'
PROFILE_ID = 'prometheus-dc1'

ALERTS = [
    {'labels': {'alertname': 'DiskFull', 'severity': 'critical', 'instance': 'db1:9100'},
     'annotations': {'summary': 'Disk full on db1', 'description': '/var is 99% full'}},
    {'labels': {'alertname': 'HighLoad', 'severity': 'warning', 'instance': 'web2:9100'}},
]
# Title as the console must read it (summary, else alertname), and the
# severity word it maps the label to.
EXPECTED_ROWS = [('Disk full on db1', 'Critical'), ('HighLoad', 'Medium')]
OVERVIEW_CRITICAL = '1 critical alert open'


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def request(url, method='GET', body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={'Content-Type': 'application/json'})
    # The loopback Alertmanager only: no proxy from the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(req, timeout=5) as answer:
        return answer.status, answer.read()


def start_alertmanager(workdir):
    port = free_port()
    config = os.path.join(workdir, 'alertmanager.yml')
    with open(config, 'w') as f:
        f.write('route:\n  receiver: none\n  group_wait: 1s\nreceivers:\n- name: none\n')
    log = open(os.path.join(workdir, 'alertmanager.log'), 'w')
    proc = subprocess.Popen([ALERTMANAGER, f'--config.file={config}',
                             f'--storage.path={os.path.join(workdir, "data")}',
                             f'--web.listen-address=127.0.0.1:{port}',
                             '--cluster.listen-address=', '--log.level=warn'],
                            stdout=log, stderr=subprocess.STDOUT)
    url = f'http://127.0.0.1:{port}'
    deadline = time.monotonic() + 20
    while True:
        try:
            if request(url + '/api/v2/status')[0] == 200:
                return proc, url
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            with open(os.path.join(workdir, 'alertmanager.log')) as f:
                raise AssertionError('Alertmanager never answered:\n' + f.read())
        time.sleep(0.1)


def write_profile(config_home, app_id, url):
    """The profile as the console stores it (data/*.gschema.xml: the `hubs`
    key lists the ids, each profile is the relocatable APP_ID.Hub schema at
    APP_PATH/hubs/ID/), in the keyfile backend's file."""
    path = app_id.replace('.', '/')
    settings = os.path.join(config_home, 'glib-2.0', 'settings')
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, 'keyfile'), 'w') as f:
        f.write(f"[{path}]\nhubs=['{PROFILE_ID}']\n\n"
                f"[{path}/hubs/{PROFILE_ID}]\n"
                f"name='Prometheus DC1'\nurl='{url}'\nusername='operator1'\n"
                "kind='alertmanager'\npoll-interval=uint32 2\n")


def nodes(root, attempts=5):
    """(node, role, name) of everything visible under @root; a busy console
    may not answer in time, so read again a few times."""
    for attempt in range(attempts):
        try:
            return [(node, node.get_role(), node.get_name() or '')
                    for node, _ in a11y.walk(root) if a11y.visible(node)]
        except GLib.GError:
            if attempt == attempts - 1:
                raise
            time.sleep(1)


def label_texts(root):
    return [name for _, role, name in nodes(root) if role in (Atspi.Role.LABEL, Atspi.Role.STATIC)]


def find_window(console):
    """The console's named window; fails at once if the console ends."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if console.poll() is not None:
            raise AssertionError(f'hub-console ended ({console.returncode}) before showing a window')
        app = None
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_name() == 'hub-console':
                app = child
        if app is None:
            time.sleep(0.2)
            continue
        try:
            for node, _ in a11y.walk(app):
                if node.get_role() == Atspi.Role.FRAME and node.get_name():
                    return node
        except GLib.GError:
            pass  # still starting: ask again
        time.sleep(0.5)
    raise AssertionError('no named window')


def go_to_security(window):
    """Selects Security in the sidebar as a screen reader user does: through
    the list's Selection interface (or the row's own action)."""
    for node, role, name in nodes(window):
        if role != Atspi.Role.LIST_ITEM or name != 'Security':
            continue
        parent = node.get_parent()
        selection = parent.get_selection_iface() if parent is not None else None
        if selection is not None and selection.select_child(node.get_index_in_parent()):
            return
        action = node.get_action_iface()
        if action is not None and action.get_n_actions() > 0:
            action.do_action(0)
            return
        raise AssertionError('the sidebar row Security can be neither selected nor activated')
    raise AssertionError('no sidebar row named Security')


def page(window, name):
    """The window's page (a stack child named as its section)."""
    for node, role, node_name in nodes(window):
        if role == Atspi.Role.PANEL and node_name == name and \
                any(child_role == Atspi.Role.PANEL for _, child_role, _ in nodes(node)[1:2]):
            return node
    raise AssertionError(f'no page named {name!r} in the window')


def security_rows(window):
    """The text of each row of the Security page's list: its labels, joined."""
    rows = []
    for node, role, _ in nodes(page(window, 'Security')):
        if role in (Atspi.Role.TABLE_ROW, Atspi.Role.LIST_ITEM):
            rows.append(' | '.join(t for t in label_texts(node) if t))
    return rows


def sidebar_selected(window, name):
    for node, role, node_name in nodes(window):
        if role == Atspi.Role.LIST_ITEM and node_name == name:
            return node.get_state_set().contains(Atspi.StateType.SELECTED)
    return False


def main():
    exe, app_id = sys.argv[1], sys.argv[2]
    if not os.access(ALERTMANAGER, os.X_OK):
        print(f'{ALERTMANAGER} is not installed (the README test command installs it)')
        sys.exit(77)
    workdir = tempfile.mkdtemp(prefix='hc-a11y-am-')
    am = console = None
    try:
        am, url = start_alertmanager(workdir)
        status, _ = request(url + '/api/v2/alerts', 'POST', ALERTS)
        assert status == 200, f'posting the alerts answered {status}'

        write_profile(os.path.join(workdir, 'config'), app_id, url)
        env = dict(os.environ)
        if a11y.APP_G_DEBUG is not None:
            env['G_DEBUG'] = a11y.APP_G_DEBUG
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GTK_A11Y', None)
        env['LANGUAGE'] = 'C'
        env['GSETTINGS_BACKEND'] = 'keyfile'
        env['XDG_CONFIG_HOME'] = os.path.join(workdir, 'config')
        env['XDG_DATA_HOME'] = os.path.join(workdir, 'data-home')
        env['XDG_CACHE_HOME'] = os.path.join(workdir, 'cache')
        console = subprocess.Popen([exe], env=env)
        window = find_window(console)
        print(f'window: {window.get_name()!r}')

        go_to_security(window)
        assert sidebar_selected(window, 'Security'), 'Security was not selected in the sidebar'

        # Poll every 2 s: the alerts come within a few seconds.
        deadline = time.monotonic() + 30
        missing = EXPECTED_ROWS
        while time.monotonic() < deadline:
            rows = security_rows(window)
            missing = [(title, severity) for title, severity in EXPECTED_ROWS
                       if not any(title in row and severity in row for row in rows)]
            if not missing:
                break
            time.sleep(1)
        assert not missing, (f'Security never read {missing} (title with its severity); '
                             'rows read:\n' + '\n'.join(rows))
        for title, severity in EXPECTED_ROWS:
            print(f'Security reads: {title!r} with {severity!r}')

        # The Overview is in the tree, shown or not: its security card
        # counts the critical alert, and the warning is not counted as one.
        deadline = time.monotonic() + 10
        while True:
            text = '\n'.join(label_texts(page(window, 'Overview')))
            if OVERVIEW_CRITICAL in text or time.monotonic() > deadline:
                break
            time.sleep(1)
        assert OVERVIEW_CRITICAL in text, f'the Overview never read {OVERVIEW_CRITICAL!r}:\n{text}'
        assert '2 critical alerts' not in text, f'the warning was counted as critical:\n{text}'
        print(f'Overview reads: {OVERVIEW_CRITICAL!r}')
    finally:
        if console is not None:
            a11y.stop(console)
        if am is not None:
            am.terminate()
            try:
                am.wait(10)
            except subprocess.TimeoutExpired:
                am.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    main()
