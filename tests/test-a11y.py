#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read the console's window as a screen reader does (AT-SPI).

Starts hub-console in this display and D-Bus session, finds its window
through the accessibility bus, and checks that every control a person can
reach has a name, and that the five sections are there by name.
"""
import os
import subprocess
import sys
import time

# G_DEBUG=fatal-warnings is for the console under test, not for this
# reader: the AT-SPI client library warns when an application's tree
# changes under it, which is no failure. GLib reads G_DEBUG as it loads.
APP_G_DEBUG = os.environ.pop('G_DEBUG', None)

import gi  # noqa: E402
gi.require_version('Atspi', '2.0')  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402

CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.SPIN_BUTTON, Atspi.Role.ENTRY,
    Atspi.Role.PASSWORD_TEXT, Atspi.Role.COMBO_BOX, Atspi.Role.SLIDER,
    Atspi.Role.LIST_ITEM, Atspi.Role.MENU_ITEM, Atspi.Role.SWITCH
    if hasattr(Atspi.Role, 'SWITCH') else Atspi.Role.CHECK_BOX,
    Atspi.Role.LIST, Atspi.Role.LIST_BOX, Atspi.Role.TABLE, Atspi.Role.TREE_TABLE,
}


def find_app(name, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name and app.get_child_count() > 0:
                return app
        time.sleep(0.2)
    raise AssertionError(f'application {name!r} never appeared on the accessibility bus')


def walk(node, depth=0):
    yield node, depth
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, depth + 1)


def visible(node):
    # GTK 4.8 sets SHOWING only on toplevels; VISIBLE is what it keeps.
    return node.get_state_set().contains(Atspi.StateType.VISIBLE)


def read_controls(window):
    """(role, name, depth) of every visible control. A busy console (a
    sanitizer build, a loaded machine) may not answer a call in time:
    read the tree again then, a few times, before giving up."""
    for attempt in range(5):
        try:
            return [(node.get_role(), node.get_name() or '', depth)
                    for node, depth in walk(window)
                    if node.get_role() in CONTROL_ROLES and visible(node)]
        except GLib.GError as error:
            if attempt == 4:
                raise
            print(f'tree read failed ({error.message}); reading again', file=sys.stderr)
            time.sleep(3)


def stop(proc):
    """Ends the console, by force if it does not end in 10 s."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def count_controls(window):
    return len(read_controls(window))


def activate(window, roles, name):
    """Selects (a sidebar row) or presses (a button, a tab) the visible
    control @name, as a screen reader user does; False if there is none
    yet."""
    for node, _ in walk(window):
        role = node.get_role()
        if role not in roles or node.get_name() != name or not visible(node):
            continue
        parent = node.get_parent()
        selection = parent.get_selection_iface() if parent is not None else None
        if role == Atspi.Role.LIST_ITEM and selection is not None and \
                selection.select_child(node.get_index_in_parent()):
            return True
        action = node.get_action_iface()
        if action is not None and action.get_n_actions() > 0:
            return action.do_action(0)
    return False


def show_storage_nodes(window):
    """The Storage page's nodes: their rows (one per node, one per disk)
    are made when they are first shown."""
    deadline = time.monotonic() + 60
    # GTK 4.8's stack switcher: its buttons are tabs, or toggle buttons.
    tab = {Atspi.Role.PAGE_TAB, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.RADIO_BUTTON}
    for roles, name in (({Atspi.Role.LIST_ITEM}, 'Storage'), (tab, 'Nodes')):
        while True:
            try:
                if activate(window, roles, name):
                    break
            except GLib.GError:
                pass  # busy: ask again
            assert time.monotonic() < deadline, f'no control {name!r} to show the storage nodes'
            time.sleep(0.5)


def main():
    exe = sys.argv[1]
    env = dict(os.environ)
    if APP_G_DEBUG is not None:
        env['G_DEBUG'] = APP_G_DEBUG
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    env['LANGUAGE'] = sys.argv[2] if len(sys.argv) > 2 else 'C'
    demo = '--demo' in sys.argv
    proc = subprocess.Popen([exe, '--demo'] if demo else [exe], env=env)
    try:
        app = find_app('hub-console')
        window = None
        deadline = time.monotonic() + 60
        while window is None and time.monotonic() < deadline:
            try:
                for node, _ in walk(app):
                    if node.get_role() == Atspi.Role.FRAME and node.get_name():
                        window = node
                        break
            except GLib.GError:
                pass  # still starting: ask again
            time.sleep(0.5)
        assert window is not None, 'no named window'
        print(f'window: {window.get_name()!r}')

        if demo:
            # Wait for the live hub to fill the pages (the demo hub's
            # nodes and their disks, sources, datasets and pools make well
            # over 150 controls).
            show_storage_nodes(window)
            deadline = time.monotonic() + 120
            last = 0
            while time.monotonic() < deadline and last <= 150:
                time.sleep(3)
                last = count_controls(window)
            assert last > 150, f'the pages never filled ({last} controls)'

        unnamed = []
        names = []
        for role, name, depth in read_controls(window):
            names.append((role.value_nick, name))
            if not name.strip():
                unnamed.append(f'{role.value_nick} at depth {depth}')
            elif name.startswith('_') or ' _' in name:
                unnamed.append(f'{role.value_nick} {name!r} (mnemonic underscore read aloud)')
        for role, name in names:
            print(f'  {role}: {name!r}')
        assert not unnamed, 'controls without an accessible name: ' + ', '.join(unnamed)
        assert len(names) >= 8, f'too few controls found ({len(names)}): is the tree exposed?'

        expected = sys.argv[3].split(',') if len(sys.argv) > 3 and sys.argv[3] != '--demo' else \
            ['Overview', 'Ingestion', 'Data quality', 'Storage', 'Security']
        items = [n for r, n in names if r == 'list-item']
        for section in expected:
            assert section in items, f'section {section!r} not among list items {items}'
        print(f'{len(names)} named controls, sections: {", ".join(expected)}')
    finally:
        stop(proc)


if __name__ == '__main__':
    main()
