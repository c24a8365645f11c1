#!/usr/bin/env bash
# Regenerates the sample archive's photos from Debian's mate-backgrounds package (GPL-2+
# photographs; credits in media/CREDITS.md), made smaller for the repository with libvips.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download mate-backgrounds >/dev/null && dpkg-deb -x mate-backgrounds_*.deb x)
nature="$work/x/usr/share/backgrounds/mate/nature"
shrink() {  # source, destination: 2000 px wide at most, quality 85, metadata stripped
  vips thumbnail "$nature/$1" "$2[Q=85,strip]" 2000 --size down
}
mkdir -p content/2022/09/typhoon-closes-southern-ports media
shrink Storm.jpg content/2022/09/typhoon-closes-southern-ports/storm-clouds.jpg
shrink RainDrops.jpg content/2022/09/typhoon-closes-southern-ports/raindrops-on-leaves.jpg
shrink Dune.jpg media/dry-dune.jpg
shrink TwoWings.jpg media/two-wings.jpg
