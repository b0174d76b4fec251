#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Never a false all-clear, read as a screen reader reads it.

For each way a hub can keep to the contract only in part (tests/
hc-fault-server.py, hub/<spec>: no /overview, a broken one, lists that
fail), starts hub-console --demo against that hub and reads the text of every
page of the window (each is in the tree, shown or not) over AT-SPI. The hub has
failed feeds, a degraded pool, a failing disk and critical alerts, so no
screen may ever say all is well; and what could not be read must say so.

  test-a11y-partial.py HUB_CONSOLE FAULT_SERVER
"""
import importlib.util
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('a11y', os.path.join(HERE, 'test-a11y.py'))
a11y = importlib.util.module_from_spec(spec)
spec.loader.exec_module(a11y)  # also takes G_DEBUG away from this reader

from gi.repository import Atspi, GLib  # noqa: E402
import subprocess  # noqa: E402

ALL_CLEAR = ['All feeds on time', 'All pools healthy', 'No open alerts']

# spec: (what must be read somewhere in the window, ...)
MODES = [
    ('overview=notfound', ['2 feeds failing', '1 critical alert open', '1 disk failing',
                           'overview could not be read']),
    ('overview=error500', ['2 feeds failing', '1 critical alert open', 'overview could not be read']),
    ('overview=wrong-schema', ['2 feeds failing', '1 disk failing', 'sources.total: missing']),
    ('overview=truncated', ['2 feeds failing', 'overview could not be read']),
    ('overview=slow', ['2 feeds failing', '1 critical alert open']),
    ('overview=lying', ['2 feeds failing', '1 critical alert open', '1 disk failing']),
    ('sources=error500,overview=error500', ['Feeds not known', 'list of feeds could not be read',
                                            'its list of feeds could not be read', '1 critical alert open']),
    ('nodes=notfound,overview=notfound', ['Nodes and disks not known', 'list of storage nodes',
                                          '2 feeds failing']),
]


def texts(window):
    for attempt in range(5):
        try:
            return [node.get_name() or '' for node, _ in a11y.walk(window)
                    if node.get_role() in (Atspi.Role.LABEL, Atspi.Role.STATIC) and a11y.visible(node)]
        except GLib.GError:
            if attempt == 4:
                raise
            time.sleep(2)


def find(root, role, name=None):
    for node, _ in a11y.walk(root):
        if node.get_role() == role and (name is None or node.get_name() == name):
            return node
    return None


def run_mode(exe, server, mode, expected):
    env = dict(os.environ)
    if a11y.APP_G_DEBUG is not None:
        env['G_DEBUG'] = a11y.APP_G_DEBUG
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    env['LANGUAGE'] = 'C'
    env['HC_DEMO_HUB'] = server
    env['HC_FAULT_SPEC'] = mode
    proc = subprocess.Popen([exe, '--demo'], env=env)
    try:
        app = a11y.find_app('hub-console')
        window = None
        deadline = time.monotonic() + 60
        while window is None and time.monotonic() < deadline:
            try:
                window = find(app, Atspi.Role.FRAME)
            except GLib.GError:
                pass
            time.sleep(0.5)
        assert window is not None, 'no window'

        # Read until everything expected is there (the hub settles in a
        # second or two; a sanitizer build is slower).
        deadline = time.monotonic() + 60
        missing = expected
        while time.monotonic() < deadline:
            # Every page is in the tree, shown or not: one read covers the
            # overview and each section's banners and lists.
            text = '\n'.join(texts(window))
            for phrase in ALL_CLEAR:
                assert phrase not in text, f'{mode}: "{phrase}" shown for a hub with failures:\n{text}'
            missing = [e for e in expected if e not in text]
            if not missing:
                break
            time.sleep(2)
        assert not missing, f'{mode}: never read {missing}; the window said:\n{text}'
        print(f'{mode}: read {", ".join(expected)}; no all-clear')
    finally:
        a11y.stop(proc)


def main():
    exe, server = sys.argv[1], sys.argv[2]
    for mode, expected in MODES:
        run_mode(exe, server, mode, expected)
    print(f'{len(MODES)} partial hubs read; none shown as all clear')


if __name__ == '__main__':
    main()
