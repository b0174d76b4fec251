#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` puts exactly what the Flatpak ships under the prefix:
the two programs, the desktop file, metainfo and GSettings schema named
after the app id, both icons, one catalogue per language in po/LINGUAS,
and the Hub API contract. Nothing missing (a Flatpak without its schema
or symbolic icon still builds, then fails on the desktop) and nothing
extra (headers, static libraries, test programs).

Installs into a temporary DESTDIR without rebuilding: it only reads the
build directory, apart from meson's install log there.

Usage: test-install-set.py BUILD_DIR SOURCE_DIR APP_ID
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile


def meson_command():
    # The meson that configured the build, as `meson test` tells its tests.
    introspect = os.environ.get('MESONINTROSPECT')
    if introspect:
        argv = shlex.split(introspect)
        if argv[-1] == 'introspect':
            return argv[:-1]
    return ['meson']


def expected_files(source_dir, app_id, opts):
    bindir, datadir, localedir = opts['bindir'], opts['datadir'], opts['localedir']
    with open(os.path.join(source_dir, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    files = {
        f'{bindir}/hub-console',
        f'{bindir}/hub-console-demo-hub',
        f'{datadir}/applications/{app_id}.desktop',
        f'{datadir}/metainfo/{app_id}.metainfo.xml',
        f'{datadir}/glib-2.0/schemas/{app_id}.gschema.xml',
        f'{datadir}/icons/hicolor/scalable/apps/{app_id}.svg',
        f'{datadir}/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg',
        f'{datadir}/hub-console/hub-api.yaml',
    }
    files |= {f'{localedir}/{lang}/LC_MESSAGES/hub-console.mo' for lang in languages}
    return files


def main():
    build_dir, source_dir, app_id = sys.argv[1:4]
    meson = meson_command()
    options = json.loads(subprocess.run(meson + ['introspect', '--buildoptions', build_dir],
                                        check=True, capture_output=True, text=True).stdout)
    opts = {o['name']: o['value'] for o in options if o['section'] in ('directory', 'user')}
    prefix = opts['prefix']
    # bindir and friends may be relative to the prefix or absolute under it.
    rel = {k: os.path.relpath(os.path.join(prefix, opts[k]), prefix)
           for k in ('bindir', 'datadir', 'localedir')}

    with tempfile.TemporaryDirectory(prefix='hc-install-') as destdir:
        subprocess.run(meson + ['install', '-C', build_dir, '--destdir', destdir,
                                '--no-rebuild', '--quiet'],
                       check=True, stdout=subprocess.DEVNULL)
        root = os.path.join(destdir, prefix.lstrip('/'))
        installed = set()
        for dirpath, _, names in os.walk(destdir):
            for name in names:
                path = os.path.join(dirpath, name)
                if not path.startswith(root + os.sep):
                    print(f'FAIL installed outside the prefix {prefix}: '
                          f'/{os.path.relpath(path, destdir)}')
                    return 1
                installed.add(os.path.relpath(path, root))
        for program in ('hub-console', 'hub-console-demo-hub'):
            path = os.path.join(root, rel['bindir'], program)
            if os.path.exists(path) and not os.access(path, os.X_OK):
                print(f'FAIL {program} is installed but not executable')
                return 1

    expected = expected_files(source_dir, app_id, rel)
    missing, extra = sorted(expected - installed), sorted(installed - expected)
    for path in missing:
        print(f'FAIL not installed: {path}')
    for path in extra:
        print(f'FAIL installed but not expected: {path}')
    if missing or extra:
        return 1
    print(f'install set: {len(installed)} files under {prefix}, as expected')
    return 0


if __name__ == '__main__':
    sys.exit(main())
