#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest agrees with the build: app id, command, and the
sandbox asks only for what the console needs (network, display); secrets
and notifications go through portals, so no D-Bus names are requested."""
import json
import sys

manifest = json.load(open(sys.argv[1], encoding='utf-8'))
app_id, command = sys.argv[2], sys.argv[3]

assert manifest['id'] == app_id, f"manifest id {manifest['id']} != {app_id}"
assert manifest['command'] == command, f"command {manifest['command']} != {command}"
args = manifest['finish-args']
assert '--share=network' in args, 'the console talks to hubs over the network'
for arg in args:
    assert not arg.startswith('--talk-name'), f'{arg}: use portals, not D-Bus names'
    assert not arg.startswith('--filesystem'), f'{arg}: the file chooser portal is enough'
assert manifest['modules'][-1]['name'] == 'hub-console'
print('flatpak manifest: ok')
