#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Vietnamese catalog follows po/GLOSSARY.md.

Usage: check-glossary.py GLOSSARY.md vi.po

Reads the glossary's three tables (Terms, Kept apart, Not written) and
checks every translated message of the catalog against them; prints each
message that does not follow and exits 1 if there is any.
"""
import re
import sys


def cells(line):
    """The cells of a Markdown table row; '\\|' stays a '|' inside a cell."""
    line = line.strip()
    if not line.startswith('|'):
        return None
    parts = re.split(r'(?<!\\)\|', line.strip('|'))
    return [p.strip().replace('\\|', '|') for p in parts]


def tables(text):
    """Every table of the document, as (header, rows) of cell lists."""
    found = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        head = cells(lines[i])
        if head and i + 1 < len(lines) and re.match(r'^\|[\s:|-]+\|$', lines[i + 1].strip()):
            rows = []
            i += 2
            while i < len(lines) and cells(lines[i]) is not None:
                rows.append(cells(lines[i]))
                i += 1
            found.append((head, rows))
        else:
            i += 1
    return found


def code_spans(cell):
    return re.findall(r'`([^`]+)`', cell)


def split_context(item):
    m = re.match(r'^\{([^}]*)\}(.*)$', item, re.S)
    return (m.group(1), m.group(2)) if m else (None, item)


def unquote(s):
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}
    return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(1)), s)


def read_po(path):
    """Translated, non-fuzzy, non-obsolete entries: dicts of ctxt, id, strs."""
    entries = []
    cur = None
    key = None
    fuzzy = False

    def flush():
        nonlocal cur
        if cur and cur.get('id') and not cur.get('fuzzy'):
            entries.append(cur)
        cur = None

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip():
                flush()
                fuzzy = False
                continue
            if line.startswith('#~'):
                continue
            if line.startswith('#,') and 'fuzzy' in line:
                fuzzy = True
                continue
            if line.startswith('#'):
                continue
            if cur is None:
                cur = {'ctxt': None, 'id': '', 'plural': None, 'strs': {}, 'fuzzy': fuzzy}
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
            if m:
                kw, index, value = m.group(1), m.group(2), unquote(m.group(3))
                if kw == 'msgctxt':
                    key = ('ctxt',)
                    cur['ctxt'] = value
                elif kw == 'msgid':
                    key = ('id',)
                    cur['id'] = value
                elif kw == 'msgid_plural':
                    key = ('plural',)
                    cur['plural'] = value
                else:
                    key = ('str', int(index or 0))
                    cur['strs'][key[1]] = value
            elif line.startswith('"') and key:
                value = unquote(line[1:-1])
                if key[0] == 'str':
                    cur['strs'][key[1]] += value
                else:
                    cur[key[0]] = (cur[key[0]] or '') + value
        flush()
    return [e for e in entries if any(e['strs'].values())]


def label(entry):
    return ('{%s}' % entry['ctxt'] if entry['ctxt'] else '') + entry['id']


def main():
    glossary_path, po_path = sys.argv[1], sys.argv[2]
    with open(glossary_path, encoding='utf-8') as f:
        doc = f.read()

    terms = {}
    kept_apart = []
    not_written = []
    for head, rows in tables(doc):
        name = head[0].lower()
        if name == 'english':
            for row in rows:
                english, vi, _note, messages, except_ = (row + [''] * 5)[:5]
                patterns = []
                for item in code_spans(messages):
                    ctxt, rx = split_context(item)
                    patterns.append((ctxt, re.compile(rx, re.I)))
                terms[english] = {
                    'vi': vi.lower(),
                    'patterns': patterns,
                    'except': set(code_spans(except_)),
                }
        elif name == 'kept apart':
            kept_apart += [(a, b) for a, b, *_ in rows]
        elif name == 'not written':
            not_written += [row[0] for row in rows]

    if not terms or not kept_apart or not not_written:
        print('%s: a table is missing (Terms, Kept apart, Not written)' % glossary_path)
        return 1

    entries = read_po(po_path)
    problems = []

    def matches(term, entry):
        if label(entry) in term['except']:
            return False
        for ctxt, rx in term['patterns']:
            if ctxt is not None and ctxt != entry['ctxt']:
                continue
            if rx.search(entry['id']):
                return True
        return False

    used = {name: 0 for name in terms}
    for entry in entries:
        translations = [s.lower() for s in entry['strs'].values()]
        for name, term in terms.items():
            if not matches(term, entry):
                continue
            used[name] += 1
            # A row may give several Vietnamese terms ("đăng nhập, đăng xuất"):
            # one of them is enough, as the English names both.
            wanted = [w.strip() for w in term['vi'].split(',')]
            for t in translations:
                if not any(w in t for w in wanted):
                    problems.append('%s: “%s” (%s) must use “%s”: %s'
                                    % ('Terms', label(entry), name, term['vi'], t))

    for a, b in kept_apart:
        for x, y in ((a, b), (b, a)):
            if x not in terms or y not in terms:
                problems.append('Kept apart: no term “%s”' % (x if x not in terms else y))
                continue
            for entry in entries:
                if matches(terms[y], entry) and not matches(terms[x], entry):
                    for t in entry['strs'].values():
                        if terms[x]['vi'] in t.lower():
                            problems.append('Kept apart: “%s” says %s, but its translation uses “%s” (%s): %s'
                                            % (label(entry), y, terms[x]['vi'], x, t))

    for phrase in not_written:
        rx = re.compile(r'(?<![\w-])' + re.escape(phrase) + r'(?![\w-])')
        for entry in entries:
            for t in entry['strs'].values():
                if rx.search(t):
                    problems.append('Not written: “%s” in the translation of “%s”: %s'
                                    % (phrase, label(entry), t))

    for name, term in terms.items():
        if term['patterns'] and used[name] == 0:
            problems.append('Terms: “%s” matches no message; fix its pattern or drop the row' % name)

    for p in problems:
        print(p)
    if problems:
        print('%d problems; po/GLOSSARY.md says how each term is translated' % len(problems))
        return 1
    print('glossary: %d terms, %d messages, all follow it' % (len(terms), len(entries)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
