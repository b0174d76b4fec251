#!/bin/sh
# Translations are part of the product: POTFILES lists every file with
# translatable strings, and vi.po translates every message, none fuzzy.
set -eu
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"

status=0

# 1. Every source that marks strings for translation is listed in POTFILES.
listed=$(grep -v '^#' po/POTFILES | sed '/^$/d' | sort)
marked=$( (grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\(' app ui --include='*.c' 2>/dev/null || true;
           grep -rl 'translatable="yes"' ui resources --include='*.ui' 2>/dev/null || true;
           ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml.in) | sort -u)
for f in $marked; do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "po/POTFILES misses $f"; status=1
  fi
done
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES lists missing file $f"; status=1; }
done

# 2. A fresh template from the sources, the way meson's i18n module makes it.
grep -v '^#' po/POTFILES | sed '/^$/d' > "$work/files"
xgettext --files-from="$work/files" --directory="$src" --output="$work/hub-console.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --package-name=hub-console 2>"$work/xgettext.log" || { cat "$work/xgettext.log"; exit 1; }

# 3. Every language: merged with the fresh template, nothing untranslated,
#    nothing fuzzy, and msgfmt --check clean.
for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$work/hub-console.pot" -o "$work/$lang.po"
  if ! msgfmt --check --output-file=/dev/null "po/$lang.po"; then
    echo "po/$lang.po: msgfmt --check failed"; status=1
  fi
  untranslated=$(msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when anything is printed.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "po/$lang.po: $untranslated untranslated, $fuzzy fuzzy against the sources:"
    msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep '^msgid ' | tail -n +2 | head -40
    msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep '^msgid ' | tail -n +2 | head -40
    status=1
  fi
  obsolete=$(msgattrib --only-obsolete "$work/$lang.po" | grep -c '^#~ msgid' || true)
  if [ "$obsolete" -ne 0 ]; then
    echo "po/$lang.po: $obsolete messages no longer in the sources; run 'ninja -C build hub-console-update-po'"
    status=1
  fi
done

[ $status -eq 0 ] && echo "translations: POTFILES complete, every language complete"
exit $status
