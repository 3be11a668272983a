#!/usr/bin/env bash
# bench.sh — offprint's benchmarks: the Go benchmarks of internal/convert, then
# whole processes, offprint against pandoc on the same inputs, printed as a
# Markdown table ready to paste into the README.
#
#   scripts/bench.sh [--quick] [--no-go] [--no-pandoc] [--keep]
#
#   --quick      fewer runs everywhere (a smoke test of the script, not figures)
#   --no-go      skip the Go benchmarks
#   --no-pandoc  skip the pandoc rows
#   --keep       keep the work folder (inputs, outputs, raw results) and print its path
#
# Environment: GO (default go), COUNT (go test -count, default 5), BENCHTIME
# (go test -benchtime, default 1s).
#
# Inputs: sample.md (the embedded sample as Markdown with YAML metadata) and
# long.md (its body repeated 100 times), written by scripts/benchinputs; the
# embedded sample itself is also timed (offprint with no input argument).
# Wall time is the median of several runs (hyperfine -N when installed, else a
# loop over $EPOCHREALTIME); CPU is user+system per run (mean from hyperfine,
# else the median); peak RSS is the maximum over 3 runs under GNU time
# (/usr/bin/time -f %M: the largest single process of the tree, so pandoc's
# figure is the larger of pandoc and xelatex, not their sum).
#
# Exits 0 when a target is missed (it reports; it is not a test) and non-zero
# when something fails to run. pandoc rows need pandoc and texlive-xetex (apt);
# without them they read "not installed".
set -euo pipefail
export LC_ALL=C

GO=${GO:-go}
COUNT=${COUNT:-5}
BENCHTIME=${BENCHTIME:-1s}
QUICK=0 RUN_GO=1 RUN_PANDOC=1 KEEP=0
for arg in "$@"; do
	case $arg in
	--quick) QUICK=1 ;;
	--no-go) RUN_GO=0 ;;
	--no-pandoc) RUN_PANDOC=0 ;;
	--keep) KEEP=1 ;;
	-h | --help)
		sed -n '2,/^set -e/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "bench: unknown argument $arg (see --help)" >&2
		exit 2
		;;
	esac
done
if ((QUICK)); then COUNT=1 BENCHTIME=100ms; fi

# Targets from the issue (ms, and bytes: 60 MB = 60·10^6 bytes).
SAMPLE_WALL_MS=15
LONG_WALL_MS=400
LONG_RSS_BYTES=60000000

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/offprint-bench.XXXXXX")
cleanup() {
	if ((KEEP)); then echo "bench: work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

die() {
	echo "bench: $*" >&2
	exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# median reads numbers, one a line, and prints their median.
median() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# fmt_s prints a duration given in seconds with a sensible unit.
fmt_s() {
	awk -v s="$1" 'BEGIN {
		if (s == "nan" || s == "") { print "n/a"; exit }
		if (s < 1) printf "%.0f ms\n", s * 1000; else printf "%.2f s\n", s }'
}

# fmt_bytes prints a size in kB or MB (powers of ten).
fmt_bytes() {
	awk -v b="$1" 'BEGIN {
		if (b == "" || b == "nan") { print "n/a"; exit }
		if (b < 1e6) printf "%.0f kB\n", b / 1e3; else if (b < 1e7) printf "%.2f MB\n", b / 1e6; else printf "%.1f MB\n", b / 1e6 }'
}

uptime_load() { uptime | sed 's/.*load average/load average/'; }

# ---------------------------------------------------------------- machine --

echo "# offprint benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown CPU), $(uname -sr)"
echo "- $($GO version)"
echo "- offprint: $(git describe --tags --always --dirty 2>/dev/null || echo unknown)"
# PANDOC_OK: pandoc can make the EPUB; XELATEX_OK: and the PDF. The WHY
# strings fill the rows that cannot be measured.
PANDOC_OK=0 XELATEX_OK=0 PANDOC_WHY="" XELATEX_WHY=""
if ((!RUN_PANDOC)); then
	PANDOC_WHY="skipped (--no-pandoc)" XELATEX_WHY=$PANDOC_WHY
elif ! have pandoc; then
	PANDOC_WHY="not installed (apt-get install pandoc)"
	XELATEX_WHY="not installed (apt-get install pandoc texlive-xetex)"
else
	PANDOC_OK=1
	echo "- $(pandoc --version | head -n1)"
	if have xelatex; then
		echo "- $(xelatex --version | head -n1)"
		XELATEX_OK=1
	else
		XELATEX_WHY="xelatex not installed (apt-get install texlive-xetex)"
	fi
fi
if have hyperfine; then echo "- wall times by $(hyperfine --version)"; else echo "- wall times by a shell loop (hyperfine not installed)"; fi
if [[ -x /usr/bin/time ]]; then HAVE_TIME=1; else HAVE_TIME=0; echo "- peak RSS: n/a (GNU time not installed: apt-get install time)"; fi
echo "- load at start: $(uptime_load)"
echo

# ---------------------------------------------------------- go benchmarks --

if ((RUN_GO)); then
	echo "## Go benchmarks (internal/convert, median of $COUNT, -benchtime $BENCHTIME)"
	echo
	"$GO" test -run '^$' -bench . -benchmem -count "$COUNT" -benchtime "$BENCHTIME" ./internal/convert >"$WORK/gobench.txt" 2>&1 ||
		{ cat "$WORK/gobench.txt" >&2; die "go test -bench failed"; }
	awk '
	function fmtns(ns) {
		if (ns >= 1e9) return sprintf("%.2f s", ns / 1e9)
		if (ns >= 1e6) return sprintf("%.1f ms", ns / 1e6)
		if (ns >= 1e3) return sprintf("%.1f µs", ns / 1e3)
		return sprintf("%.0f ns", ns)
	}
	function fmtb(b) {
		if (b >= 1e6) return sprintf("%.1f MB", b / 1e6)
		if (b >= 1e3) return sprintf("%.1f kB", b / 1e3)
		return sprintf("%d B", b)
	}
	function med(key,   n, i, j, t, a) {
		n = cnt[key]
		for (i = 1; i <= n; i++) a[i] = val[key, i]
		for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	/^cpu:/ { sub(/^cpu: */, ""); cpu = $0 }
	/^Benchmark/ {
		name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
		if (!(name in seen)) { seen[name] = 1; order[++nn] = name }
		runs[name]++
		for (i = 3; i < NF; i += 2) { k = name SUBSEP $(i + 1); val[k, ++cnt[k]] = $i }
	}
	END {
		if (nn == 0) { print "no benchmark results" > "/dev/stderr"; exit 1 }
		print "| benchmark | time/op | MB/s | allocated/op | allocs/op | runs |"
		print "|---|---:|---:|---:|---:|---:|"
		for (i = 1; i <= nn; i++) {
			n = order[i]
			mbs = ((n SUBSEP "MB/s") in cnt) ? sprintf("%.1f", med(n SUBSEP "MB/s")) : ""
			printf "| %s | %s | %s | %s | %.0f | %d |\n", n, fmtns(med(n SUBSEP "ns/op")), mbs,
				fmtb(med(n SUBSEP "B/op")), med(n SUBSEP "allocs/op"), runs[n]
		}
		if (cpu != "") printf "\n(go test reports cpu: %s)\n", cpu
	}' "$WORK/gobench.txt"
	echo
fi

# ------------------------------------------------------- whole processes --

echo "## Whole processes" >&2
mkdir -p "$WORK/bin" "$WORK/in" "$WORK/out" "$WORK/raw"
CGO_ENABLED=0 "$GO" build -trimpath -ldflags '-s -w' -o "$WORK/bin/offprint" ./cmd/offprint || die "building offprint failed"
"$GO" run ./scripts/benchinputs "$WORK/in" || die "writing the inputs failed"
OFFPRINT=$WORK/bin/offprint
SAMPLE=$WORK/in/sample.md
LONG=$WORK/in/long.md

# The PDF font for pandoc: offprint's own PT Serif when installed (fonts-paratype),
# else DejaVu Serif; LaTeX's default Latin Modern has no Cyrillic (the author's name).
PANDOC_FONT_NOTE=""
PANDOC_FONT_ARGS=()
# (fc-list is asked for the face itself: "fc-list | grep -q" fails under
# pipefail when grep stops reading first.)
hasfont() { have fc-list && [ -n "$(fc-list "$1" 2>/dev/null)" ]; }
if ((XELATEX_OK)); then
	if hasfont 'PT Serif:style=Regular'; then
		PANDOC_FONT_ARGS=(-V "mainfont=PT Serif" -V "sansfont=PT Sans" -V "monofont=PT Mono")
		PANDOC_FONT_NOTE="PT Serif, PT Sans, PT Mono (offprint's typefaces)"
	elif hasfont 'DejaVu Serif:style=Book'; then
		PANDOC_FONT_ARGS=(-V "mainfont=DejaVu Serif" -V "sansfont=DejaVu Sans" -V "monofont=DejaVu Sans Mono")
		PANDOC_FONT_NOTE="DejaVu Serif (PT Serif not installed: apt-get install fonts-paratype)"
	else
		PANDOC_FONT_NOTE="Latin Modern (no PT Serif or DejaVu Serif installed: Cyrillic is missing from the PDF)"
	fi
fi

ROWS=()  # Markdown table rows, in order
NOTES=() # lines printed under the table

# measure ID RUNS CMD... runs CMD (its outputs go to $WORK/out/ID) and sets
# WALL (median s), WMIN, WMAX, CPU (s), RSS (bytes).
measure() {
	local id=$1 runs=$2
	shift 2
	local dir=$WORK/out/$id
	mkdir -p "$dir"
	local cmd=("$@")
	cmd=("${cmd[@]//@OUT@/$dir}")
	echo "bench: $id: ${cmd[*]//$WORK/\$WORK} (runs: $runs)" >&2
	local rssruns=$((runs < 3 ? runs : 3)) i
	RSS="" CPU=""
	# Peak RSS first (these runs also warm the caches).
	if ((HAVE_TIME)); then
		: >"$WORK/raw/$id.time"
		for ((i = 0; i < rssruns; i++)); do
			/usr/bin/time -a -o "$WORK/raw/$id.time" -f '%e %U %S %M' -- "${cmd[@]}" >"$WORK/raw/$id.log" 2>&1 ||
				{ cat "$WORK/raw/$id.log" >&2; die "$id failed: ${cmd[*]}"; }
		done
		RSS=$(awk '$4 ~ /^[0-9]+$/ && $4 > m { m = $4 } END { print m * 1024 }' "$WORK/raw/$id.time")
	else
		"${cmd[@]}" >"$WORK/raw/$id.log" 2>&1 || { cat "$WORK/raw/$id.log" >&2; die "$id failed: ${cmd[*]}"; }
	fi
	if have hyperfine; then
		# -N: no shell in between; the command words are quoted for hyperfine's splitting.
		local q="" w
		for w in "${cmd[@]}"; do q+=" '${w//\'/\'\\\'\'}'"; done
		hyperfine -N --style none --warmup $((runs >= 10 ? 1 : 0)) --runs "$runs" \
			--export-json "$WORK/raw/$id.json" -- "${q# }" >"$WORK/raw/$id.hyperfine" 2>&1 ||
			{ cat "$WORK/raw/$id.hyperfine" >&2; die "$id failed under hyperfine"; }
		read -r WALL WMIN WMAX CPU < <(awk -F': *' '
			/"(median|min|max|user|system)":/ { gsub(/[ ",]/, "", $1); gsub(/[ ,]/, "", $2); v[$1] = $2 }
			END { print v["median"], v["min"], v["max"], v["user"] + v["system"] }' "$WORK/raw/$id.json")
	else
		local s e
		: >"$WORK/raw/$id.wall"
		for ((i = 0; i < runs; i++)); do
			s=${EPOCHREALTIME/[.,]/}
			"${cmd[@]}" >"$WORK/raw/$id.log" 2>&1 || { cat "$WORK/raw/$id.log" >&2; die "$id failed: ${cmd[*]}"; }
			e=${EPOCHREALTIME/[.,]/}
			echo "$(((e - s)))e-6" >>"$WORK/raw/$id.wall"
		done
		WALL=$(median <"$WORK/raw/$id.wall")
		WMIN=$(sort -g "$WORK/raw/$id.wall" | head -n1)
		WMAX=$(sort -g "$WORK/raw/$id.wall" | tail -n1)
		if ((HAVE_TIME)); then CPU=$(awk '$2 ~ /^[0-9.]+$/ { print $2 + $3 }' "$WORK/raw/$id.time" | median); fi
	fi
	echo "bench: $id: median $(fmt_s "$WALL") (min $(fmt_s "$WMIN"), max $(fmt_s "$WMAX")), cpu $(fmt_s "$CPU"), peak RSS $(fmt_bytes "$RSS")" >&2
}

# outsize ID prints the sizes of the outputs of ID (and the PDF's page count).
outsize() {
	local dir=$WORK/out/$1 f parts=() pages
	for f in "$dir"/*.epub "$dir"/*.pdf; do
		[[ -e $f ]] || continue
		local kind=${f##*.}
		local part
		part="${kind^^} $(fmt_bytes "$(stat -c %s "$f")")"
		if [[ $kind == pdf ]] && have pdfinfo; then
			pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
			if [[ -n $pages ]]; then part+=" ($pages pp.)"; fi
		fi
		parts+=("$part")
	done
	((${#parts[@]})) || die "$1 wrote no output in $dir"
	local IFS=,
	echo "${parts[*]}" | sed 's/,/, /g'
}

# row TOOL INPUT OUTPUT ID TARGET_MS TARGET_BYTES adds the table row of the
# last measure (targets empty for none).
row() {
	local tool=$1 input=$2 output=$3 id=$4 tms=$5 tbytes=$6 target="" met="" missed=()
	if [[ -n $tms ]]; then
		target="≤ $tms ms"
		if awk -v w="$WALL" -v t="$tms" 'BEGIN { exit !(w * 1000 > t) }'; then missed+=(time); fi
		if [[ -n $tbytes ]]; then
			target+=", ≤ $(awk -v b="$tbytes" 'BEGIN { printf "%g MB", b / 1e6 }')"
			if [[ -z $RSS ]]; then
				missed+=("memory n/a")
			elif awk -v r="$RSS" -v t="$tbytes" 'BEGIN { exit !(r > t) }'; then
				missed+=(memory)
			fi
		fi
		if ((${#missed[@]} == 0)); then
			met=yes
		else
			met="no ($(IFS=,; echo "${missed[*]}" | sed 's/,/, /g'))"
		fi
	fi
	local size
	size=$(outsize "$id")
	ROWS+=("| $tool | $input | $output | $(fmt_s "$WALL") | $(fmt_s "$CPU") | $(fmt_bytes "$RSS") | $size | $target | $met |")
}

skiprow() { ROWS+=("| $1 | $2 | $3 | $4 | | | | | |"); }

if ((QUICK)); then
	R_FAST=3 R_LONG=2 R_PSAMPLE=2 R_PLONG=1
else
	R_FAST=20 R_LONG=10 R_PSAMPLE=5 R_PLONG=3
fi

OFF=("$OFFPRINT" -o @OUT@ --force -q)
PANDOC_EPUB=(pandoc --from markdown --to epub3 --standalone)
PANDOC_PDF=(pandoc --from markdown --standalone --pdf-engine=xelatex -V papersize=a4)

# The sample.
measure off-embedded $R_FAST "${OFF[@]}"
row offprint "sample (embedded)" "EPUB + cover, PDF" off-embedded $SAMPLE_WALL_MS ""
measure off-sample $R_FAST "${OFF[@]}" "$SAMPLE"
row offprint sample.md "EPUB + cover, PDF" off-sample $SAMPLE_WALL_MS ""
measure off-sample-epub $R_FAST "${OFF[@]}" -f epub "$SAMPLE"
row offprint sample.md "EPUB + cover" off-sample-epub "" ""
measure off-sample-pdf $R_FAST "${OFF[@]}" -f pdf "$SAMPLE"
row offprint sample.md "PDF" off-sample-pdf "" ""
if ((PANDOC_OK)); then
	measure pandoc-sample-epub $R_FAST "${PANDOC_EPUB[@]}" -o @OUT@/sample.epub "$SAMPLE"
	row pandoc sample.md EPUB pandoc-sample-epub "" ""
else
	skiprow pandoc sample.md EPUB "$PANDOC_WHY"
fi
if ((XELATEX_OK)); then
	measure pandoc-sample-pdf $R_PSAMPLE "${PANDOC_PDF[@]}" "${PANDOC_FONT_ARGS[@]}" -o @OUT@/sample.pdf "$SAMPLE"
	row pandoc sample.md "PDF (XeLaTeX)" pandoc-sample-pdf "" ""
else
	skiprow pandoc sample.md "PDF (XeLaTeX)" "$XELATEX_WHY"
fi

# The long article.
measure off-long $R_LONG "${OFF[@]}" "$LONG"
row offprint long.md "EPUB + cover, PDF" off-long $LONG_WALL_MS $LONG_RSS_BYTES
measure off-long-epub $R_LONG "${OFF[@]}" -f epub "$LONG"
row offprint long.md "EPUB + cover" off-long-epub "" ""
measure off-long-pdf $R_LONG "${OFF[@]}" -f pdf "$LONG"
row offprint long.md "PDF" off-long-pdf "" ""
if ((PANDOC_OK)); then
	measure pandoc-long-epub $R_PSAMPLE "${PANDOC_EPUB[@]}" -o @OUT@/long.epub "$LONG"
	row pandoc long.md EPUB pandoc-long-epub "" ""
else
	skiprow pandoc long.md EPUB "$PANDOC_WHY"
fi
if ((XELATEX_OK)); then
	measure pandoc-long-pdf $R_PLONG "${PANDOC_PDF[@]}" "${PANDOC_FONT_ARGS[@]}" -o @OUT@/long.pdf "$LONG"
	row pandoc long.md "PDF (XeLaTeX)" pandoc-long-pdf "" ""
else
	skiprow pandoc long.md "PDF (XeLaTeX)" "$XELATEX_WHY"
fi

# ------------------------------------------------------------------ table --

echo "## Whole processes, offprint vs pandoc"
echo
echo "| tool | input | output | wall (median) | CPU (user+sys) | peak RSS | output size | target | met |"
echo "|---|---|---|---:|---:|---:|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Runs: offprint $R_FAST (sample) / $R_LONG (long); pandoc EPUB $R_FAST / $R_PSAMPLE, PDF $R_PSAMPLE / $R_PLONG."
echo "Peak RSS: the maximum over up to 3 runs (GNU time %M: the largest single process, pandoc's or xelatex's)."
echo "sample.md: the embedded sample as Markdown with YAML metadata ($(fmt_bytes "$(stat -c %s "$SAMPLE")"));" \
	"long.md: its body repeated 100 times ($(fmt_bytes "$(stat -c %s "$LONG")"))."
echo "offprint: \`offprint -o DIR --force -q [-f FORMAT] FILE\` (default: both formats, generated cover; A4)."
if ((PANDOC_OK)); then echo "pandoc EPUB: \`${PANDOC_EPUB[*]} -o OUT.epub FILE\` (no cover)."; fi
if ((XELATEX_OK)); then
	echo "pandoc PDF: \`${PANDOC_PDF[*]} -V mainfont=… -o OUT.pdf FILE\`, font $PANDOC_FONT_NOTE."
fi
echo "Load at end: $(uptime_load) (other work on this machine slows wall times; CPU time is steadier)."
