#!/bin/sh
# Runs one libFuzzer target for a short time on a copy of its seed corpus,
# so new inputs it finds never land in the source tree.
# Whatever it finds (crash-*, leak-*, timeout-*) is kept in ARTIFACT-DIR.
# usage: run-fuzzer.sh TARGET CORPUS-DIR ARTIFACT-DIR [SECONDS]
set -eu
# Absolute paths: the fuzzer runs in its scratch directory.
target=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
corpus=$(cd "$2" && pwd)
artifacts=$(cd "$3" && pwd)
seconds=${4:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$corpus"/. "$work"/
cd "$work"
# libFuzzer exits 77 on a finding by default, which meson reads as a
# skipped test: a finding must fail the run.
"$target" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 \
  -error_exitcode=1 -timeout_exitcode=1 \
  -print_final_stats=1 -artifact_prefix="$artifacts/$(basename "$target")-" "$work"
