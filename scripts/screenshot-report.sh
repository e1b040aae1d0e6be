#!/usr/bin/env bash
# Renders a report page to PNG with headless Chromium, to check the layout by eye.
# usage: scripts/screenshot-report.sh reports/nms-staged/index.html shot.png [width] [height]
set -euo pipefail
page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
command -v chromium >/dev/null || { echo "chromium is not installed: apt-get install -y chromium" >&2; exit 1; }
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --screenshot="$out" --window-size="${3:-1100},${4:-4000}" "file://$page" 2>/dev/null
echo "wrote $out"
