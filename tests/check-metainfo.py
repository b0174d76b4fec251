#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What appstreamcli does not check about the built metainfo: it describes
this version, names its gettext domain, carries an OARS rating, and every
screenshot has an English and a Vietnamese image that exist in this tree.

Usage: check-metainfo.py METAINFO SOURCE_DIR VERSION GETTEXT_DOMAIN
"""
import os
import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
# Screenshot URLs point at the repository's main branch.
URL_PREFIX = 'https://raw.githubusercontent.com/hubconsole/hub-console/main/'
LANGUAGES = ('vi',)

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


def main():
    path, source_dir, version, domain = sys.argv[1:5]
    root = ET.parse(path).getroot()

    releases = root.findall('releases/release')
    check(releases, 'no <release>')
    if releases:
        newest = releases[0]
        check(newest.get('version') == version,
              f"the newest <release> is {newest.get('version')}, the project is {version}")
        check(newest.get('date'), 'the newest <release> has no date')
        check(newest.find('description/p') is not None,
              'the newest <release> has no <description> with release notes')

    rating = root.find('content_rating')
    check(rating is not None and rating.get('type') == 'oars-1.1', 'no <content_rating type="oars-1.1">')

    translation = root.find('translation')
    check(translation is not None and translation.get('type') == 'gettext'
          and translation.text == domain, f'no <translation type="gettext">{domain}</translation>')

    screenshots = root.findall('screenshots/screenshot')
    check(screenshots, 'no screenshots')
    for i, shot in enumerate(screenshots, 1):
        images = {img.get(XML_LANG): img.text.strip() for img in shot.findall('image')}
        check(None in images, f'screenshot {i} has no default (English) image')
        for lang in LANGUAGES:
            check(lang in images, f'screenshot {i} has no image for {lang}')
            check(shot.find(f"caption[@{XML_LANG}='{lang}']") is not None,
                  f'screenshot {i} has no caption in {lang} (is it in po/{lang}.po?)')
        for lang, url in images.items():
            check(url.startswith(URL_PREFIX), f'screenshot {i}: {url} is not in this repository')
            local = os.path.join(source_dir, url[len(URL_PREFIX):])
            check(os.path.isfile(local), f'screenshot {i}: {url}: no such file in the tree')

    if failures:
        for f in failures:
            print('FAIL', f)
        sys.exit(1)
    print(f'metainfo: release {version}, {len(screenshots)} screenshots in English and '
          + ', '.join(LANGUAGES))


if __name__ == '__main__':
    main()
