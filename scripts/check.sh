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
if [ ${#need[@]} -gt 0 ]; then
  echo "check: installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }

inputs=("$corpus"/*.txt "$corpus"/*.md "$corpus"/*.html "$corpus"/edge/* "$corpus"/web/*/source.html)
i=0
for in in "${inputs[@]}"; do
  i=$((i+1))
  out="$work/$i"
  if ! "$bin" -q -o "$out" "$in"; then bad "$in: offprint failed"; continue; fi
  for epub in "$out"/*.epub; do
    if java -jar /usr/bin/epubcheck -q --failonwarnings "$epub" >"$out/epubcheck.log" 2>&1; then ok
    else bad "$in: epubcheck"; cat "$out/epubcheck.log"; fi
  done
  for pdf in "$out"/*.pdf; do
    if qpdf --check "$pdf" >"$out/qpdf.log" 2>&1; then ok; else bad "$in: qpdf --check"; cat "$out/qpdf.log"; fi
    if pdftotext -enc UTF-8 "$pdf" "$out/text.txt" && grep -q '[[:alnum:]]' "$out/text.txt"; then ok
    else bad "$in: pdftotext found no text"; fi
    # pdffonts: columns "emb" (yes/no) must be yes for every font.
    if pdffonts "$pdf" | awk 'NR>2 && $(NF-4)!="yes" {bad=1} END {exit bad}'; then ok
    else bad "$in: pdffonts shows a font not embedded"; pdffonts "$pdf"; fi
  done
done

for in in "$corpus"/bad/*; do
  out="$work/bad-$(basename "$in")"
  set +e; "$bin" -q -o "$out" "$in" 2>"$work/err"; code=$?; set -e
  lines=$(wc -l <"$work/err")
  if [ "$code" = 1 ] && [ "$lines" = 1 ] && [ -z "$(ls -A "$out" 2>/dev/null)" ]; then ok
  else bad "$in: want exit 1, one line, no output; got exit $code, $lines lines: $(cat "$work/err")"; fi
done

echo "check: $pass passed, $fail failed"
[ "$fail" = 0 ]
