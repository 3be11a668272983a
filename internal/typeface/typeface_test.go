package typeface

import (
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/assets"
)

// TestNeeds checks which characters need Noto: Greek, Vietnamese, Maltese
// ċ ġ, Sámi ŋ ŧ and combining marks do; the rest of Latin and Cyrillic,
// and the Greek letters PT has for mathematics (Δ, Ω, µ), do not.
func TestNeeds(t *testing.T) {
	for _, tc := range []struct {
		chars string
		want  bool
	}{
		{"αβγλόγοςΑΓΛἀᾳῷϊΐ", true},
		{"ơưạảấầẩẫậệữựỹ", true},
		{"ĊċĠġŊŋŦŧǥǧǩʒǯ\u0300\u0303\u0323", true},
		{"aZéèçñßøåœŁłŞşŢţȘșȚțĞğİıÞþÐðĄąĖėĮįŲųĀāĒēĢģĶķĻļŅņ", false},
		{"абвЯЁёЇїҐґЎўЂђЋћЏџЉљЊњ", false},
		{"ΔΩµ0123456789 .,;:!?«»„“”—–…€₽", false},
		{"\u00a0\u2009\u202f\u2007", false}, // spaces: Noto has U+202F, PT not
		{"中😀", false},                       // neither family has them
	} {
		for _, r := range tc.chars {
			if got := Needs(r); got != tc.want {
				t.Errorf("Needs(%q U+%04X) = %v, want %v", r, r, got, tc.want)
			}
		}
	}
}

// TestTally checks the word counts and the family they choose.
func TestTally(t *testing.T) {
	english := strings.Repeat("The council met on Tuesday to discuss the harbour. ", 10) // 90 words
	for _, tc := range []struct {
		name           string
		text           []string
		words, needing int
		want           Family
	}{
		{"empty", nil, 0, 0, PT},
		{"english", []string{english}, 90, 0, PT},
		{"russian", []string{"Совет собрался во вторник, чтобы обсудить гавань."}, 7, 0, PT},
		{"one greek word in 91", []string{english, "λόγος"}, 91, 1, PT},
		{"two greek words in 92", []string{english, "λόγος ψυχή"}, 92, 2, Noto},
		{"greek", []string{"Νέα μονάδα αφαλάτωσης δίνει ανάσα στη Σίφνο"}, 7, 7, Noto},
		{"vietnamese", []string{"Nông dân ven biển miền Tây chủ động sống chung với hạn mặn"}, 13, 8, Noto},
		{"vietnamese nfd", []string{norm.NFD.String("Nông dân ven biển miền Tây")}, 6, 2, Noto},
		{"french nfd is PT", []string{norm.NFD.String("À la fenêtre, très élégant, où")}, 6, 0, PT},
		{"words end between calls", []string{"abc", "λόγος"}, 2, 1, Noto},
		{"digits and marks", []string{"2026 — 4‰, 12.000 km"}, 1, 0, PT},
	} {
		var tl Tally
		for _, s := range tc.text {
			tl.Add(s)
		}
		if tl.Words != tc.words || tl.Needing != tc.needing {
			t.Errorf("%s: %d words, %d needing; want %d, %d", tc.name, tl.Words, tl.Needing, tc.words, tc.needing)
		}
		if got := tl.Family(); got != tc.want {
			t.Errorf("%s: family %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestForCollection checks that every text a document draws is counted:
// the metadata and every kind of block, of every article and its notes.
func TestForCollection(t *testing.T) {
	greek := "λόγος"
	P := func(s string) *article.Paragraph { return &article.Paragraph{Inlines: article.Plain(s)} }
	blocks := map[string]func() ([]article.Block, article.Meta){
		"title":    func() ([]article.Block, article.Meta) { return nil, article.Meta{Title: greek} },
		"subtitle": func() ([]article.Block, article.Meta) { return nil, article.Meta{Subtitle: greek} },
		"author":   func() ([]article.Block, article.Meta) { return nil, article.Meta{Authors: []string{greek}} },
		"heading": func() ([]article.Block, article.Meta) {
			return []article.Block{&article.Heading{Level: 2, Inlines: article.Plain(greek)}}, article.Meta{}
		},
		"emphasis": func() ([]article.Block, article.Meta) {
			return []article.Block{&article.Paragraph{Inlines: []article.Inline{&article.Emphasis{Inlines: []article.Inline{&article.Strong{Inlines: article.Plain(greek)}}}}}}, article.Meta{}
		},
		"link": func() ([]article.Block, article.Meta) {
			return []article.Block{&article.Paragraph{Inlines: []article.Inline{&article.Link{URL: "https://example.org/", Inlines: article.Plain(greek)}}}}, article.Meta{}
		},
		"code": func() ([]article.Block, article.Meta) {
			return []article.Block{&article.CodeBlock{Text: greek}}, article.Meta{}
		},
		"quote": func() ([]article.Block, article.Meta) {
			return []article.Block{&article.Quote{Blocks: []article.Block{P(greek)}}}, article.Meta{}
		},
		"list": func() ([]article.Block, article.Meta) {
			return []article.Block{&article.List{Items: []article.ListItem{{Blocks: []article.Block{P(greek)}}}}}, article.Meta{}
		},
		"table": func() ([]article.Block, article.Meta) {
			return []article.Block{&article.Table{Rows: [][]article.Cell{{{Inlines: article.Plain(greek)}}}}}, article.Meta{}
		},
		"caption": func() ([]article.Block, article.Meta) {
			return []article.Block{&article.Image{Caption: article.Plain(greek)}}, article.Meta{}
		},
	}
	for name, mk := range blocks {
		b, m := mk()
		m.Title += " Title"
		a := &article.Article{Meta: m, Blocks: append(b, P("Some English words."))}
		if fam, tl := ForCollection(article.Single(a)); fam != Noto || tl.Needing != 1 {
			t.Errorf("%s: %v, %+v; want Noto and one word needing it", name, fam, tl)
		}
	}
	note := &article.Article{Meta: article.Meta{Title: "Title"}, Blocks: []article.Block{P("Text.")},
		Notes: []article.Note{{ID: "n", Blocks: []article.Block{P(greek)}}}}
	if fam, _ := ForCollection(article.Single(note)); fam != Noto {
		t.Errorf("a note: %v, want Noto", fam)
	}
	coll := &article.Collection{Meta: article.Meta{Title: greek}, Articles: []*article.Article{
		{Meta: article.Meta{Title: "One"}, Blocks: []article.Block{P("Text.")}},
		{Meta: article.Meta{Title: "Two"}, Blocks: []article.Block{P("Text.")}},
	}}
	if fam, tl := ForCollection(coll); fam != Noto || tl.Words != 5 {
		t.Errorf("a collection titled in Greek: %v, %+v", fam, tl)
	}
	if fam, _ := ForCollection(nil); fam != PT {
		t.Errorf("nil: %v", fam)
	}
}

// TestCoverage checks the character map walk against sfnt's look-ups for
// every family's every file, and that each file exists.
func TestCoverage(t *testing.T) {
	for _, fam := range []Family{PT, Noto} {
		for r := range NumRoles {
			name := fam.File(r)
			bits, err := fileCoverage(name)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := assets.Font(name)
			f, err := sfnt.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			var buf sfnt.Buffer
			n := 0
			for c := rune(1); c < 0xFFFF; c++ {
				gi, _ := f.GlyphIndex(&buf, c)
				if (gi != 0) != bits.has(c) {
					t.Fatalf("%s U+%04X: sfnt glyph %d, coverage %v", name, c, gi, bits.has(c))
				}
				if gi != 0 {
					n++
				}
			}
			if n < 500 {
				t.Errorf("%s: %d characters", name, n)
			}
		}
		if _, err := assets.Font(fam.License()); err != nil {
			t.Error(err)
		}
	}
}

// TestCoverageDamaged feeds the walk cut and scribbled-on fonts: an error
// or a coverage, never a panic.
func TestCoverageDamaged(t *testing.T) {
	data, err := assets.Font(Noto.File(SerifRegular))
	if err != nil {
		t.Fatal(err)
	}
	var bits runeBits
	for _, n := range []int{0, 5, 12, 40, 200, 400, len(data) / 3, len(data) / 2} {
		cmapCoverage(data[:n], &bits)
	}
	for i := range 32 {
		d := append([]byte(nil), data...)
		for k := 12 + i; k < 6000 && k < len(d); k += 32 {
			d[k] ^= 0xFF
		}
		cmapCoverage(d, &bits)
	}
}

// TestNames checks the names the colophon and the EPUB's stylesheet use.
func TestNames(t *testing.T) {
	if PT.Serif() != "PT Serif" || PT.Sans() != "PT Sans" || PT.Mono() != "PT Mono" || PT.Foundry() != "ParaType" {
		t.Errorf("PT: %s, %s, %s, %s", PT.Serif(), PT.Sans(), PT.Mono(), PT.Foundry())
	}
	if Noto.Serif() != "Noto Serif" || Noto.Sans() != "Noto Sans" || Noto.Mono() != "Noto Sans Mono" || Noto.Foundry() != "Google" {
		t.Errorf("Noto: %s, %s, %s, %s", Noto.Serif(), Noto.Sans(), Noto.Mono(), Noto.Foundry())
	}
	if PT.Other() != Noto || Noto.Other() != PT || PT.String() != "PT" || Noto.String() != "Noto" {
		t.Error("Other or String")
	}
}
