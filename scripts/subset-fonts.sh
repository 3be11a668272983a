#!/bin/sh
# subset-fonts.sh — make the Noto fonts offprint embeds (assets/fonts/Noto*.ttf) from Debian's
# fonts-noto-core and fonts-noto-mono, cut down to the scripts of Europe so that the binary stays small.
#
#   ./scripts/subset-fonts.sh            # writes assets/fonts/Noto*.ttf and assets/fonts/LICENSE-NotoFonts.txt
#   NOTO_DIR=/path/to/ttf ./scripts/subset-fonts.sh
#
# Needs pyftsubset (Debian's fonttools) and the two font packages; it installs them with apt-get when they
# are missing and it runs as root. The result depends only on the source files and fontTools' version, so
# the same packages give the same bytes (pyftsubset writes no time stamp of its own: --no-recalc-timestamp).
#
# What is kept of each font:
#   - the characters of the ranges below: Latin (Basic, Latin-1, Extended-A, -B, IPA for Sámi ʒ, Extended
#     Additional for Vietnamese, Extended-C and -D), spacing modifiers and combining marks, Greek and Greek
#     Extended (monotonic and polytonic), Cyrillic and its supplement, general punctuation, super- and
#     subscripts, currency signs, letterlike symbols, number forms, arrows, mathematical operators, box
#     drawing and geometric shapes (code), and the f-ligatures;
#   - every glyph those need (composites' components, the glyphs GSUB reaches), with their outlines and
#     advance widths unchanged, and the OpenType layout features pyftsubset keeps by default (kerning,
#     mark positioning, ligatures, localised forms);
#   - the whole name table (copyright and licence records).
# Dropped: every other script, and the TrueType hinting instructions (no PDF reader nor the cover's
# rasteriser uses them at the sizes offprint sets), which is a third of each file.
set -eu

NOTO_DIR=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
OUT=${OUT:-$(dirname "$0")/../assets/fonts}

if ! command -v pyftsubset >/dev/null 2>&1 || [ ! -f "$NOTO_DIR/NotoSerif-Regular.ttf" ] || [ ! -f "$NOTO_DIR/NotoSansMono-Regular.ttf" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonttools fonts-noto-core fonts-noto-mono
	else
		echo "subset-fonts.sh: needs pyftsubset (fonttools) and fonts-noto-core, fonts-noto-mono" >&2
		exit 1
	fi
fi

UNICODES=$(printf '%s,' \
	U+0020-007E U+00A0-00FF U+0100-017F U+0180-024F U+0250-02AF U+02B0-02FF U+0300-036F \
	U+0370-03FF U+0400-04FF U+0500-052F U+1DC0-1DFF U+1E00-1EFF U+1F00-1FFF \
	U+2000-206F U+2070-209F U+20A0-20CF U+2100-214F U+2150-218F U+2190-21FF U+2200-22FF \
	U+2500-257F U+25A0-25FF U+2C60-2C7F U+A720-A7FF U+FB00-FB06 U+FFFD)
UNICODES=${UNICODES%,}

for f in NotoSerif-Regular NotoSerif-Italic NotoSerif-Bold NotoSerif-BoldItalic \
	NotoSans-Regular NotoSans-Italic NotoSans-Bold NotoSans-BoldItalic NotoSansMono-Regular; do
	pyftsubset "$NOTO_DIR/$f.ttf" \
		--unicodes="$UNICODES" \
		--no-hinting \
		--name-IDs='*' --name-legacy --name-languages='*' \
		--notdef-outline --recommended-glyphs \
		--no-recalc-timestamp \
		--output-file="$OUT/$f.ttf"
	echo "$OUT/$f.ttf $(wc -c <"$OUT/$f.ttf") bytes (from $(wc -c <"$NOTO_DIR/$f.ttf"))"
done

# The licence travels with the fonts: the SIL Open Font License 1.1 as Debian's copyright file states it.
{
	echo "Noto Serif, Noto Sans and Noto Sans Mono"
	echo "Copyright 2012-2020 Google Inc. and Google LLC. All Rights Reserved."
	echo
	echo "This Font Software is licensed under the SIL Open Font License, Version 1.1."
	echo "The files in this folder are subsets of the fonts of Debian's fonts-noto-core and fonts-noto-mono"
	echo "(made by scripts/subset-fonts.sh); the Font Software's name is unchanged."
	echo
	awk 'prev == "" && /^License: OFL-1.1$/ { on = 1; next }
		{ prev = $0 }
		on && /^[^ ]/ { exit }
		on { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }' /usr/share/doc/fonts-noto-core/copyright
} >"$OUT/LICENSE-NotoFonts.txt"
echo "$OUT/LICENSE-NotoFonts.txt"
