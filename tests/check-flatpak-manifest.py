#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifests agree with the build, checked statically because
the runtime cannot be downloaded where the tests run.

- the release manifest: app id, a supported GNOME runtime, the command;
  the sandbox asks only for what the console needs (network, display,
  GPU); secrets and notifications go through portals, so no D-Bus names;
  no module for a library the GNOME runtime already ships; the app module
  builds this tree with meson.
- the development manifest: the same, except the `.Devel` id, the
  development profile and the tests run in the build sandbox (only suites
  that need neither a display nor a keyring daemon).
- if flatpak-builder is installed, it reads both without complaint.

Usage: check-flatpak-manifest.py MANIFEST DEVEL_MANIFEST APP_ID COMMAND
"""
import json
import os
import shlex
import shutil
import subprocess
import sys

RUNTIME, SDK, MIN_RUNTIME_VERSION = 'org.gnome.Platform', 'org.gnome.Sdk', 50
FINISH_ARGS = {
    '--share=network',      # the hubs
    '--share=ipc',          # X11 shared memory
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',         # GL rendering
}
# What org.gnome.Platform 50 and later ship (gnome-build-meta,
# elements/sdk-platform.bst; sqlite comes with libsoup): a module for any
# of these would shadow the runtime's copy.
IN_RUNTIME = {'gtk', 'gtk4', 'libadwaita', 'libsoup', 'libsoup3', 'json-glib',
              'libsecret', 'libnotify', 'sqlite', 'sqlite3', 'glib'}
# Suites that need something the GNOME SDK does not have.
SANDBOX_UNFIT_SUITES = {
    'ui': 'a display (Xvfb)',
    'secrets': 'gnome-keyring-daemon',
    'demo-hub': 'PyYAML and jsonschema',
}
DEVEL_ONLY_KEYS = {'run-tests', 'test-rule', 'test-commands'}

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def app_module(manifest, name):
    modules = manifest.get('modules', [])
    if not check(modules and isinstance(modules[-1], dict)
                 and modules[-1].get('name') == 'hub-console',
                 f'{name}: the last module is not hub-console'):
        return {}
    return modules[-1]


def check_manifest(manifest, name, app_id, command, profile):
    check(manifest.get('id') == app_id, f"{name}: id {manifest.get('id')!r} != {app_id!r}")
    check(manifest.get('runtime') == RUNTIME, f"{name}: runtime {manifest.get('runtime')!r} != {RUNTIME}")
    check(manifest.get('sdk') == SDK, f"{name}: sdk {manifest.get('sdk')!r} != {SDK}")
    version = str(manifest.get('runtime-version', ''))
    check(version.isdigit() and int(version) >= MIN_RUNTIME_VERSION,
          f'{name}: runtime-version {version!r}: a supported GNOME runtime, '
          f'{MIN_RUNTIME_VERSION} or later, not a moving branch')
    check(manifest.get('command') == command, f"{name}: command {manifest.get('command')!r} != {command}")

    args = manifest.get('finish-args', [])
    check(len(args) == len(set(args)), f'{name}: finish-args repeat an entry')
    check(set(args) == FINISH_ARGS,
          f'{name}: finish-args: unexpected {sorted(set(args) - FINISH_ARGS)}, '
          f'missing {sorted(FINISH_ARGS - set(args))} (secrets and notifications '
          'use portals: no --talk-name; files use the file chooser portal: no --filesystem)')

    for module in manifest.get('modules', [])[:-1]:
        mod_name = module.get('name') if isinstance(module, dict) else module
        check(str(mod_name).lower() not in IN_RUNTIME,
              f'{name}: module {mod_name} is already in {RUNTIME} {version}')

    app = app_module(manifest, name)
    if not app:
        return app
    check(app.get('buildsystem') == 'meson', f'{name}: hub-console is not built with meson')
    check(f'-Dprofile={profile}' in app.get('config-opts', []),
          f'{name}: hub-console is not configured with -Dprofile={profile}')
    sources = app.get('sources', [])
    check(len(sources) == 1 and sources[0].get('type') == 'dir' and sources[0].get('path') == '..',
          f'{name}: hub-console must build this tree (one source, type dir, path ..)')
    return app


def check_sandbox_tests(app, name, known_suites):
    check(app.get('run-tests') is True, f'{name}: run-tests is not on')
    commands = app.get('test-commands', [])
    check(app.get('test-rule') == '' and len(commands) == 1,
          f'{name}: the tests run through one meson test command (test-rule "" '
          'so `ninja test` does not run every suite)')
    for cmd in commands:
        argv = shlex.split(cmd)
        check(argv[:2] == ['meson', 'test'] and '--no-rebuild' in argv,
              f'{name}: test command {cmd!r} is not `meson test --no-rebuild ...`')
        suites = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == '--suite']
        check(suites, f'{name}: {cmd!r} names no suite, so it would run them all')
        for suite in suites:
            check(suite not in SANDBOX_UNFIT_SUITES,
                  f'{name}: suite {suite} needs {SANDBOX_UNFIT_SUITES.get(suite)}, '
                  'which the GNOME SDK does not have')
            if known_suites is not None:
                check(suite in known_suites, f'{name}: no test suite named {suite}')


def known_test_suites():
    """The suites this build defines, when run under `meson test`."""
    introspect = os.environ.get('MESONINTROSPECT')
    build_dir = os.environ.get('HC_BUILD_DIR')
    if not introspect or not build_dir:
        return None
    out = subprocess.run(shlex.split(introspect) + ['--tests', build_dir],
                         check=True, capture_output=True, text=True).stdout
    return {s.split(':', 1)[-1] for t in json.loads(out) for s in t['suite']}


def check_consistent(main, devel, main_name, devel_name):
    """The development manifest differs only where it has to."""
    def strip(manifest):
        m = json.loads(json.dumps(manifest))
        m.pop('id', None)
        if m.get('modules') and isinstance(m['modules'][-1], dict):
            app = m['modules'][-1]
            for key in DEVEL_ONLY_KEYS:
                app.pop(key, None)
            app['config-opts'] = [o for o in app.get('config-opts', [])
                                  if not o.startswith('-Dprofile=')]
        return m
    a, b = strip(main), strip(devel)
    for key in sorted(set(a) | set(b)):
        check(a.get(key) == b.get(key),
              f'{devel_name}: {key} differs from {main_name}:\n  {a.get(key)!r}\n  {b.get(key)!r}')


def check_flatpak_builder_reads(path):
    """flatpak-builder only warns about a key it does not know; here that
    is an error (a misspelt key is a setting silently not applied)."""
    fb = shutil.which('flatpak-builder')
    if fb is None:
        return
    # Without the suite's G_DEBUG/G_ENABLE_DIAGNOSTIC: flatpak-builder's own
    # deprecations are not ours.
    env = {k: v for k, v in os.environ.items() if k not in ('G_DEBUG', 'G_ENABLE_DIAGNOSTIC')}
    res = subprocess.run([fb, '--show-manifest', path], capture_output=True, text=True, env=env)
    check(res.returncode == 0 and 'Unknown property' not in res.stderr,
          f'flatpak-builder --show-manifest {path}: {res.stderr.strip()}')


def main():
    main_path, devel_path, app_id, command = sys.argv[1:5]
    main_name, devel_name = os.path.basename(main_path), os.path.basename(devel_path)
    main, devel = load(main_path), load(devel_path)

    check(main_name == app_id + '.json', f'{main_name}: not named after {app_id}')
    check(devel_name == app_id + '.Devel.json', f'{devel_name}: not named after {app_id}.Devel')
    check_manifest(main, main_name, app_id, command, 'default')
    devel_app = check_manifest(devel, devel_name, app_id + '.Devel', command, 'development')
    check_sandbox_tests(devel_app, devel_name, known_test_suites())
    check_consistent(main, devel, main_name, devel_name)
    for path in (main_path, devel_path):
        check_flatpak_builder_reads(path)

    if failures:
        for f in failures:
            print('FAIL', f)
        sys.exit(1)
    print('flatpak manifests: ok')


if __name__ == '__main__':
    main()
