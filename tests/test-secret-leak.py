#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A token handed to the console must live in the keyring and in the
process's memory only: never in a file, a log, an argument list or an
environment.

Runs test-secrets (through run-with-keyring.sh, with a private HOME and XDG
directories) with a fresh random token given on stdin and every debug message
enabled, watches /proc of every process of the run while it goes (and at the
checkpoints where the test holds the token), then searches the logs and
every file under that HOME, the keyring files included (encrypted there, so
the plain token must not appear either).

usage: test-secret-leak.py RUN_WITH_KEYRING TEST_SECRETS
"""
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading


def children_of(root):
    """PIDs of root and all its descendants, from /proc/*/stat."""
    parent = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat', 'rb') as f:
                stat = f.read()
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may contain spaces and parentheses
        fields = stat[stat.rfind(b')') + 2:].split()
        parent[int(entry)] = int(fields[1])
    found = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parent.items():
            if ppid in found and pid not in found:
                found.add(pid)
                grew = True
    return found


class ProcWatcher:
    """Reads cmdline and environ of every process of the run, repeatedly."""

    def __init__(self, root, token):
        self.root = root
        self.token = token
        self.hits = []
        self.seen = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def scan(self):
        for pid in children_of(self.root):
            for what in ('cmdline', 'environ'):
                try:
                    with open(f'/proc/{pid}/{what}', 'rb') as f:
                        data = f.read()
                except OSError:
                    continue
                if what == 'cmdline':
                    self.seen[pid] = data.replace(b'\0', b' ').decode(errors='replace')[:120]
                if self.token in data:
                    self.hits.append(f'/proc/{pid}/{what} ({self.seen.get(pid, "?")})')

    def run(self):
        # Sampling, not synchronisation: catches short-lived children such
        # as secret-tool. The checkpoints below are the deterministic part.
        while not self.stop.wait(0.005):
            self.scan()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def run_once(wrapper, test_binary, mode, token, home):
    env = dict(os.environ)
    env['G_MESSAGES_DEBUG'] = 'all'
    env['HC_TEST_TOKEN_FROM_STDIN'] = '1'
    args = [wrapper] + (['--' + mode] if mode != 'keyring' else []) + \
        ['--home', home, '--', test_binary]

    proc = subprocess.Popen(args, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stderr_chunks = []
    reader = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()),
                              daemon=True)
    reader.start()

    proc.stdin.write(token + b'\n')
    proc.stdin.flush()

    stdout = []
    checkpoints = 0
    with ProcWatcher(proc.pid, token) as watcher:
        for line in proc.stdout:
            stdout.append(line)
            if line.strip() == b'# hc-leak-checkpoint':
                checkpoints += 1
                watcher.scan()
                proc.stdin.write(b'go\n')
                proc.stdin.flush()
        status = proc.wait(timeout=300)
    reader.join()
    logs = b''.join(stdout) + b''.join(stderr_chunks)

    failures = []
    if status != 0:
        failures.append(f'{mode}: test-secrets exited with {status}:\n' +
                        logs.decode(errors='replace').replace(token.decode(), '<TOKEN>'))
    if checkpoints < 1:
        failures.append(f'{mode}: the test never reached a checkpoint')
    if len(watcher.seen) < 3:
        failures.append(f'{mode}: only saw {len(watcher.seen)} processes: {watcher.seen}')
    for hit in sorted(set(watcher.hits)):
        failures.append(f'{mode}: token in {hit}')
    if token in logs:
        failures.append(f'{mode}: token in the captured stdout/stderr (G_MESSAGES_DEBUG=all)')
    print(f'# {mode}: {checkpoints} checkpoint(s), {len(watcher.seen)} processes watched, '
          f'{len(logs)} bytes of logs')
    return failures


def search_files(home, token):
    failures = []
    searched = []
    for dirpath, _dirs, files in os.walk(home):
        for name in files:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue  # sockets (the bus, the keyring control)
            with open(path, 'rb') as f:
                data = f.read()
            searched.append(os.path.relpath(path, home))
            if token in data:
                failures.append(f'token in file {path}')
    return searched, failures


def main():
    wrapper, test_binary = sys.argv[1], sys.argv[2]
    # Made up here and given on stdin: never in an argument or the environment.
    token = ('hcleak_' + secrets.token_hex(24)).encode()
    home = tempfile.mkdtemp(prefix='hc-leak.')
    failures = []
    try:
        for mode in ('keyring', 'no-keyring'):
            failures += run_once(wrapper, test_binary, mode, token, home)

        searched, file_failures = search_files(home, token)
        failures += file_failures
        keyring = [p for p in searched if p.endswith('.keyring')]
        # The keyring file must exist (the token was really stored) and hold
        # it only encrypted.
        if not any(p.endswith('keyrings/login.keyring') for p in keyring):
            failures.append(f'no login keyring file under {home}: {searched}')
        print(f'# searched {len(searched)} files: {", ".join(sorted(searched))}')
    finally:
        shutil.rmtree(home, ignore_errors=True)

    for failure in failures:
        print('FAIL:', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
