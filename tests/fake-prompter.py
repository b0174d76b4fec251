#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for gcr-prompter, the program gnome-keyring asks to show its
unlock prompt, so tests can see that a prompt was asked for and answer it
like an operator would, without a display.

  fake-prompter.py dismiss  PASSWORD LOG   every prompt is cancelled
  fake-prompter.py password PASSWORD LOG   the first password prompt of each
                                           session gets PASSWORD, later ones
                                           are cancelled (no retry loops)

Each prompt is appended to LOG as one line: "TYPE<TAB>REPLY<TAB>MESSAGE".
Run by D-Bus activation (run-with-keyring.sh --prompter=...) as
org.gnome.keyring.SystemPrompter.

The protocol is gcr's internal org.gnome.keyring.internal.Prompter with its
secret exchange "sx-aes-1": DH over the 1536-bit IKE MODP group (RFC 3526,
generator 2), HKDF-SHA256 without salt or info to a 16-byte key, AES-128-CBC
with PKCS#7 padding; messages are key files with base64 values.
"""
import base64
import os
import secrets
import sys

from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from gi.repository import Gio, GLib

PRIME = int(
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74'
    '020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437'
    '4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED'
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05'
    '98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB'
    '9ED529077096966D670C354E4ABC9804F1746C08CA237327FFFFFFFFFFFFFFFF', 16)
GENERATOR = 2
PROTOCOL = 'sx-aes-1'

INTERFACE_XML = '''
<node>
  <interface name="org.gnome.keyring.internal.Prompter">
    <method name="BeginPrompting"><arg name="callback" type="o" direction="in"/></method>
    <method name="PerformPrompt">
      <arg name="callback" type="o" direction="in"/>
      <arg name="type" type="s" direction="in"/>
      <arg name="properties" type="a{sv}" direction="in"/>
      <arg name="exchange" type="s" direction="in"/>
    </method>
    <method name="StopPrompting"><arg name="callback" type="o" direction="in"/></method>
  </interface>
</node>
'''


def to_bytes(number):
    return number.to_bytes(max(1, (number.bit_length() + 7) // 8), 'big')


class Exchange:
    def __init__(self):
        self.private = secrets.randbelow(PRIME // 2 - 2) + 2
        self.public = pow(GENERATOR, self.private, PRIME)
        self.key = None

    def _format(self, fields):
        lines = [f'[{PROTOCOL}]'] + [f'{k}={base64.b64encode(v).decode()}' for k, v in fields]
        return '\n'.join(lines) + '\n'

    def begin(self):
        return self._format([('public', to_bytes(self.public))])

    def receive(self, text):
        fields = {}
        for line in text.splitlines():
            if '=' in line and not line.startswith('['):
                key, value = line.split('=', 1)
                fields[key.strip()] = value.strip()
        peer = int.from_bytes(base64.b64decode(fields['public']), 'big')
        shared = to_bytes(pow(peer, self.private, PRIME))
        self.key = HKDF(algorithm=hashes.SHA256(), length=16, salt=None, info=None).derive(shared)

    def send(self, secret=None):
        fields = [('public', to_bytes(self.public))]
        if secret is not None:
            iv = os.urandom(16)
            padder = padding.PKCS7(128).padder()
            padded = padder.update(secret.encode()) + padder.finalize()
            encryptor = Cipher(algorithms.AES(self.key), modes.CBC(iv)).encryptor()
            fields += [('secret', encryptor.update(padded) + encryptor.finalize()), ('iv', iv)]
        return self._format(fields)


class Prompter:
    def __init__(self, connection, mode, password, log):
        self.connection = connection
        self.mode = mode
        self.password = password
        self.log = log
        self.sessions = {}

    def call_back(self, sender, path, method, args):
        # After our reply to the caller: it may be waiting on this call.
        def send():
            self.connection.call(sender, path, 'org.gnome.keyring.internal.Prompter.Callback',
                                 method, args, None, Gio.DBusCallFlags.NONE, -1, None, None)
            return GLib.SOURCE_REMOVE
        GLib.idle_add(send)

    def on_call(self, connection, sender, path, interface, method, params, invocation):
        args = params.unpack()
        callback = args[0]
        key = (sender, callback)
        invocation.return_value(None)

        if method == 'BeginPrompting':
            self.sessions[key] = {'exchange': Exchange(), 'answered': 0}
            self.call_back(sender, callback, 'PromptReady',
                           GLib.Variant('(sa{sv}s)', ('', {}, self.sessions[key]['exchange'].begin())))
        elif method == 'PerformPrompt':
            _, kind, properties, exchange_text = args
            session = self.sessions.setdefault(key, {'exchange': Exchange(), 'answered': 0})
            exchange = session['exchange']
            exchange.receive(exchange_text)
            secret = None
            if self.mode == 'password' and session['answered'] == 0:
                reply = 'yes'
                if kind == 'password':
                    secret = self.password
                session['answered'] += 1
            else:
                reply = 'no'
            message = str(properties.get('message', '')).replace('\t', ' ').replace('\n', ' ')
            with open(self.log, 'a') as f:
                f.write(f'{kind}\t{reply}\t{message}\n')
            self.call_back(sender, callback, 'PromptReady',
                           GLib.Variant('(sa{sv}s)', (reply, {}, exchange.send(secret))))
        elif method == 'StopPrompting':
            self.sessions.pop(key, None)
            self.call_back(sender, callback, 'PromptDone', GLib.Variant('()', ()))


def main():
    mode, password, log = sys.argv[1], sys.argv[2], sys.argv[3]
    loop = GLib.MainLoop()
    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    connection.set_exit_on_close(False)
    connection.connect('closed', lambda *args: loop.quit())
    prompter = Prompter(connection, mode, password, log)
    info = Gio.DBusNodeInfo.new_for_xml(INTERFACE_XML)
    connection.register_object('/org/gnome/keyring/Prompter', info.interfaces[0],
                               prompter.on_call, None, None)
    Gio.bus_own_name_on_connection(connection, 'org.gnome.keyring.SystemPrompter',
                                   Gio.BusNameOwnerFlags.NONE, None, lambda *args: loop.quit())
    loop.run()


if __name__ == '__main__':
    main()
