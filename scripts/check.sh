#!/usr/bin/env bash
# Runs the external validators on offprint's outputs for every corpus file.
# Installs the validators with apt-get when they are missing.
set -euo pipefail
bin=${1:-bin/offprint}
corpus=testdata/corpus

need=()
command -v java >/dev/null && [ -f /usr/bin/epubcheck ] || need+=(epubcheck)
command -v qpdf >/dev/null || need+=(qpdf)
command -v pdftotext >/dev/null && command -v pdffonts >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v ebook-convert >/dev/null || need+=(calibre)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "check: installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Ace by DAISY (accessibility) from npm, driven by Debian's chromium: the
# plain `ace` command wants Electron, which cannot be downloaded here.
ace_dir=${ACE_DIR:-$HOME/.cache/offprint/ace}
ace=$ace_dir/node_modules/.bin/ace-puppeteer
if [ ! -x "$ace" ]; then
  echo "check: installing @daisy/ace 1.4.6 into $ace_dir"
  mkdir -p "$ace_dir"
  (cd "$ace_dir" && ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
    npm install --silent --no-audit --no-fund --ignore-scripts @daisy/ace@1.4.6 >/dev/null)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Each input is checked by a job of its own, as many at a time as there are
# cores; a job counts its results in $res.pass and $res.fail.
ok()   { echo . >>"$res.pass"; }
bad()  { echo "FAIL: $*" | tee -a "$res.fail"; }

inputs=("$corpus"/*.txt "$corpus"/*.md "$corpus"/*.html "$corpus"/edge/* "$corpus"/lang/*-*.md "$corpus"/lang/*.html "$corpus"/web/*/source.html)

# check_input N INPUT converts INPUT (--bundle: every input bound into one
# book) into $work/N and runs the validators on the outputs.
check_input() {
  local in=$2 out="$work/$1" res="$work/res-$1" args
  if [ "$in" = --bundle ]; then
    args=(--bundle --title "Corpus" "${inputs[@]}")
  else
    args=("$in")
  fi
  if ! "$bin" -q -o "$out" "${args[@]}"; then bad "$in: offprint failed"; return; fi
  for epub in "$out"/*.epub; do
    if java -jar /usr/bin/epubcheck -q --failonwarnings "$epub" >"$out/epubcheck.log" 2>&1; then ok
    else bad "$in: epubcheck"; cat "$out/epubcheck.log"; fi
  done
  for epub in "$out"/*.epub; do
    # Ace: 0 violations (it exits 0 even when it finds some: read the report).
    # Ace drives a headless browser, which can time out on a loaded machine:
    # a run that writes no report is tried again, up to three times.
    for try in 1 2 3; do
      rm -rf "$out/ace"
      PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium "$ace" -f -s -o "$out/ace" "$epub" >"$out/ace.log" 2>&1 &&
        [ -f "$out/ace/report.json" ] && break
    done
    if [ -f "$out/ace/report.json" ] &&
      node -e '
        const r = require(process.argv[1]);
        const fails = (r.assertions || []).flatMap(a => a.assertions || [])
          .filter(a => a["earl:result"]["earl:outcome"] === "fail");
        fails.forEach(a => console.log(a["earl:test"]["dct:title"], "-", a["earl:result"]["dct:description"]));
        process.exit(fails.length ? 1 : 0);' "$out/ace/report.json" >"$out/ace-violations.log"; then ok
    else bad "$in: Ace reports violations or failed"; cat "$out/ace.log" "$out/ace-violations.log" 2>/dev/null || true; fi
    # calibre: the EPUB converts to AZW3, the Kindle format.
    if ebook-convert "$epub" "$out/book.azw3" >"$out/calibre.log" 2>&1; then ok
    else bad "$in: ebook-convert to AZW3 failed"; tail -20 "$out/calibre.log"; fi
  done
  for pdf in "$out"/*.pdf; do
    if qpdf --check "$pdf" >"$out/qpdf.log" 2>&1; then ok; else bad "$in: qpdf --check"; cat "$out/qpdf.log"; fi
    if pdftotext -enc UTF-8 "$pdf" "$out/text.txt" && grep -q '[[:alnum:]]' "$out/text.txt"; then ok
    else bad "$in: pdftotext found no text"; fi
    # pdffonts: columns "emb" (yes/no) must be yes for every font.
    if pdffonts "$pdf" | awk 'NR>2 && $(NF-4)!="yes" {bad=1} END {exit bad}'; then ok
    else bad "$in: pdffonts shows a font not embedded"; pdffonts "$pdf"; fi
  done
}

i=0
for in in --bundle "${inputs[@]}"; do # the bundle, the longest, first
  i=$((i+1))
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do wait -n || true; done
  check_input "$i" "$in" &
done
wait

for in in "$corpus"/bad/*; do
  out="$work/bad-$(basename "$in")" res="$work/res-bad"
  set +e; "$bin" -q -o "$out" "$in" 2>"$work/err"; code=$?; set -e
  lines=$(wc -l <"$work/err")
  if [ "$code" = 1 ] && [ "$lines" = 1 ] && [ -z "$(ls -A "$out" 2>/dev/null)" ]; then ok
  else bad "$in: want exit 1, one line, no output; got exit $code, $lines lines: $(cat "$work/err")"; fi
done

# (a pattern that matches no file, no failures, is no error)
pass=$(find "$work" -maxdepth 1 -name 'res-*.pass' -exec cat {} + | wc -l)
fail=$(find "$work" -maxdepth 1 -name 'res-*.fail' -exec cat {} + | wc -l)
echo "check: $pass passed, $fail failed"
[ "$fail" = 0 ]
