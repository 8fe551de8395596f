#!/usr/bin/env bash
# Screenshot an HTML file (such as the isnad report) with headless Chromium, to check the RTL layout.
#
#   scripts/screenshot.sh HTML_FILE PNG_FILE [WIDTH] [HEIGHT]
#
# Headless Chromium captures the window, not the whole page, so the window is made tall
# (HEIGHT, 4000 px by default); raise HEIGHT for long reports. Needs `chromium` on PATH
# (Debian: apt-get install chromium fonts-noto-core fonts-noto-ui-core).
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
  echo "usage: $0 HTML_FILE PNG_FILE [WIDTH] [HEIGHT]" >&2
  exit 2
fi

html_file=$1
png_file=$2
width=${3:-1280}
height=${4:-4000}

if [[ ! -f $html_file ]]; then
  echo "error: no such file: $html_file" >&2
  exit 1
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "error: chromium not found; install it (Debian: apt-get install chromium)" >&2
  exit 1
fi

# A throwaway profile keeps runs independent of each other and of any desktop browser.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

html_url="file://$(realpath "$html_file")"
png_path="$(realpath -m "$png_file")"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars \
  --window-size="${width},${height}" --screenshot="$png_path" "$html_url" 2>/dev/null

if [[ ! -s $png_path ]]; then
  echo "error: chromium wrote no screenshot to $png_path" >&2
  exit 1
fi
echo "$png_path"
