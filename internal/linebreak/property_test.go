package linebreak

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// vocabulary for generated paragraphs: plain and long words, punctuation,
// hyphens and dashes, abbreviations, numbers, no-break spaces, URLs,
// combining marks, emoji, Cyrillic, soft hyphens and zero-width spaces.
var vocabulary = []string{
	"a", "of", "the", "word", "words,", "typesetting", "paragraph.", "Hyphenation!", "justified?",
	"well-known", "Euro-Atlantic", "—", "-", "–", "word—word", "U.S.", "e.g.", "2026", "10\u00a0km",
	"«quoted»", "(aside)", "\"Collective", "responsibility.\"", "Compiègne", "cafe\u0301",
	"https://example.org/a/very/long/path/index.html?x=1&y=2", "www.example.com/page",
	"👍🏽", "🇺🇦🇷🇺", "ночной", "библиотека", "круглосуточных", "x\u00adylo\u00adphone", "zero\u200bwidth",
	"antidisestablishmentarianism", strings.Repeat("long", 30), "NATO", "mp3player", "\u202f", "\t",
}

// genRuns returns a random paragraph split into runs of random styles at
// random places, with random whitespace and hard breaks.
func genRuns(r *rand.Rand) []Run {
	var b strings.Builder
	n := r.IntN(120)
	for i := 0; i < n; i++ {
		if i > 0 || r.IntN(4) == 0 {
			switch r.IntN(12) {
			case 0:
				b.WriteString("  ")
			case 1:
				b.WriteString(" \u00a0")
			case 2:
				b.WriteString("\n")
			case 3:
				// no space: words run together
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(vocabulary[r.IntN(len(vocabulary))])
	}
	if r.IntN(4) == 0 {
		b.WriteString(" ")
	}
	text := b.String()
	var runs []Run
	for len(text) > 0 {
		cut := len(text)
		if r.IntN(3) > 0 {
			cut = r.IntN(len(text) + 1)
			for cut < len(text) && !utf8.RuneStart(text[cut]) {
				cut++
			}
		}
		runs = append(runs, Run{Text: text[:cut], Style: r.IntN(3), NoHyphenate: r.IntN(8) == 0, Break: r.IntN(15) == 0})
		text = text[cut:]
	}
	return runs
}

// TestProperties lays many generated paragraphs at many widths and
// alignments and checks that the text comes back exactly and no line is too
// wide.
func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	m := &unitMeasurer{}
	n := 1500
	if testing.Short() {
		n = 200
	}
	for i := 0; i < n; i++ {
		runs := genRuns(r)
		opt := Options{
			Width:  20 + r.Float64()*400,
			Align:  Align(r.IntN(4)),
			Indent: float64(r.IntN(3)) * 7,
			Hang:   float64(r.IntN(2)) * 5,
		}
		if r.IntN(2) == 0 {
			opt.Hyphenate = everyOther
		}
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
		if t.Failed() {
			t.Fatalf("paragraph %d: %+v\noptions %+v", i, runs, opt)
		}
	}
}

// FuzzLay checks the same properties on fuzzed text: '*' and '_' switch
// styles (and are kept in the text), '|' ends a run with a hard break.
func FuzzLay(f *testing.F) {
	for _, s := range []string{
		"", " ", "word", "two words", "hello *bold*, world", "well-known Euro-Atlantic — dash",
		"10\u00a0km and 5\u202f%", "a|b||c|", "x\u00adyz\u200bw", strings.Repeat("x", 300),
		"https://example.org/a/b?c=d&e=f_g", "e\u0301\u0301 👍🏽 🇺🇦🇷🇺", "\xff\xfe bad utf8",
	} {
		f.Add(s, uint16(200), uint8(0))
	}
	m := &unitMeasurer{}
	f.Fuzz(func(t *testing.T, text string, width uint16, flags uint8) {
		var runs []Run
		style, start := 0, 0
		for i := 0; i <= len(text); i++ {
			if i < len(text) && text[i] != '*' && text[i] != '_' && text[i] != '|' {
				continue
			}
			brk := i < len(text) && text[i] == '|'
			end := i
			if i < len(text) && !brk {
				end = i + 1
			}
			runs = append(runs, Run{Text: text[start:end], Style: style, Break: brk, NoHyphenate: style == 2})
			if i < len(text) && text[i] == '*' {
				style = (style + 1) % 3
			}
			start = i + 1
		}
		opt := Options{Width: float64(width) / 4, Align: Align(flags % 4), Indent: float64(flags/4%4) * 3}
		if flags&0x80 != 0 {
			opt.Hyphenate = everyOther
		}
		lines := Lay(runs, m, opt)
		checkLines(t, runs, m, opt, lines)
	})
}
