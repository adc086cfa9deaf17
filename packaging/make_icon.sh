#!/usr/bin/env bash
# Draws the program's icon (a ledger page with 账) with ImageMagick and the shipped font:
#   resources/icons/logistics-desk.png (the window's icon, 256 px) and packaging/logistics-desk.ico
#   (16-256 px, the Windows executables' icon). Run from anywhere; needs ImageMagick 6 or 7.
set -euo pipefail
cd "$(dirname "$0")/.."
font=resources/fonts/wqy-microhei.ttc
png=resources/icons/logistics-desk.png
mkdir -p resources/icons
convert -size 256x256 xc:none \
  -fill '#1f5f8b' -draw 'roundrectangle 8,8 248,248 40,40' \
  -fill '#ffffff' -draw 'roundrectangle 52,36 204,220 12,12' \
  -fill '#1f5f8b' -draw 'rectangle 52,36 204,70' \
  -fill '#c7d9e6' -draw 'rectangle 68,196 188,202' \
  -font "$font" -pointsize 118 -fill '#1f5f8b' -gravity center -annotate +0+18 '账' \
  -strip "$png"
convert "$png" -define icon:auto-resize=256,128,64,48,32,24,16 packaging/logistics-desk.ico
echo "written: $png packaging/logistics-desk.ico"
