#!/usr/bin/env bash
# Renders the app icon from its SVG sources into every size the installers and the window use.
# Usage: icons/generate.sh   (needs rsvg-convert from librsvg2-bin, convert from imagemagick, png2icns from icnsutils)
# riddance-small.svg is the same mark drawn for 16-32 px (thicker handle, no bristle lines); riddance.svg the rest.
# The outputs are committed: the build does not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 2; }
done
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  source=riddance.svg
  [ "$size" -le 32 ] && source=riddance-small.svg
  rsvg-convert -w "$size" -h "$size" "$source" -o "png/riddance-$size.png"
done
# Windows: one .ico with every size Explorer and the taskbar ask for (256 stored as PNG).
convert png/riddance-{16,24,32,48,64,128,256}.png riddance.ico
# macOS: .icns (png2icns keeps the sizes it has slots for: 16, 32, 48, 128, 256, 512, 1024).
png2icns riddance.icns png/riddance-{16,32,48,128,256,512,1024}.png >/dev/null
# The window's own icons (Stage.getIcons()): the sizes a desktop picks from.
resources=../src/main/resources/org/riddance/ui/icons
mkdir -p "$resources"
for size in 16 24 32 48 64 128 256; do
  cp "png/riddance-$size.png" "$resources/riddance-$size.png"
done
echo "icons written: $(ls png | wc -l) PNGs, riddance.ico, riddance.icns, window icons in $resources"
