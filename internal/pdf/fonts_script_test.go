package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/markdown"
	"github.com/offprint/offprint/internal/typeface"
)

// scripts are the characters of Europe's Latin, Greek and Cyrillic
// orthographies that PT lacks or that a careless font misses, a line of
// real words each. alone is the family a document of nothing but the
// line is set in.
var scripts = []struct {
	name, text string
	alone      typeface.Family
}{
	{"romanian", "Știință, școală, țară, Țara Românească; ȘȚ șț ŞŢ şţ Ăă Ââ Îî", typeface.PT},
	{"turkish", "Ağaç, ılık, şeker, İstanbul, Çiğdem, öğrenci, üzüm; Iı İi Ğğ Şş", typeface.PT},
	{"icelandic", "Þórður, Ægir, Óðinn, Íslendingur, Ýmir, Úlfur, Ása, fjörður; Ðð Þþ Ææ", typeface.PT},
	{"lithuanian", "Ąžuolas, čiuožykla, ęsti, ėjimas, įėjimas, šūvis, ųsai, ūkis, žąsis", typeface.PT},
	{"latvian", "Ābols, čūska, ēka, ģimene, īss, ķirbis, ļoti, ņemt, šķūnis, ūdens, žagata", typeface.PT},
	{"maltese", "Ċittadin, ġurnata, ħobż, żebbuġ, Għawdex, Ħamrun, Żejtun, Ġgantija, ċirku", typeface.Noto},
	{"sami", "Sámegiella, guoŋŋa, Ŋuorra, čáhppes, Đuođaid, šaddu, ŧuovvu, žiehtan, ǥ Ǥ ǧ Ǧ ǩ Ǩ ʒ Ʒ ǯ Ǯ", typeface.Noto},
	{"greek", "Η Ελλάδα, προϋπολογισμός, Ϊ ϊ ΐ ΰ, ψυχή, Ωραίο", typeface.Noto},
	{"polytonic", "Ἐν ἀρχῇ ἦν ὁ λόγος, καὶ ὁ λόγος ἦν πρὸς τὸν θεόν· ᾄδω, Ὦ, ῥήτωρ, Ἅιδης, ᾠδή", typeface.Noto},
	{"vietnamese", "Tiếng Việt: ệ, ẩ, ữ, ợ, ặ, Ậ, Ở, Ự, đường, người, Nguyễn", typeface.Noto},
	{"vietnamese-nfd", norm.NFD.String("Tiếng Việt: ệ, ẩ, ữ, ợ, ặ, Ậ, Ở, Ự, đường, người, Nguyễn"), typeface.Noto},
	{"combining", "x̃, ɔ̃, q̇ and n̈", typeface.Noto},
	{"cyrillic", "Ѓорѓи, Љубљана, Њујорк, Џеферсон, Ђорђе, Ћуприја, ґанок, їжак, Ўладзімір", typeface.PT},
}

// englishWith is an English article with s in the title, a heading, plain
// text, italics, bold, bold italics and code, and enough
// English around it to be set in PT.
func englishWith(s string) *article.Article {
	P := func(ins ...article.Inline) *article.Paragraph { return &article.Paragraph{Inlines: ins} }
	T := func(s string) *article.Text { return &article.Text{Text: s} }
	filler := strings.Repeat("The council met on Tuesday to discuss the harbour and the new ferry timetable. ", 12)
	a := &article.Article{
		Meta: article.Meta{Title: "Notes on " + s, Authors: []string{"Ann Lee"}, Section: "Language", Language: "en"},
		Blocks: []article.Block{
			P(T(filler)),
			&article.Heading{Level: 2, Inlines: article.Plain("The words " + s)},
			P(T("Plain: "+s+". "), &article.Emphasis{Inlines: article.Plain("Italic: " + s + ".")}, T(" "),
				&article.Strong{Inlines: article.Plain("Bold: " + s + ".")}, T(" "),
				&article.Strong{Inlines: []article.Inline{&article.Emphasis{Inlines: article.Plain("Bold italic: " + s + ".")}}}),
			&article.CodeBlock{Text: "code := \"" + s + "\""},
			P(T(filler)),
		},
	}
	for fam, _ := typeface.ForCollection(article.Single(a)); fam != typeface.PT; fam, _ = typeface.ForCollection(article.Single(a)) {
		a.Blocks = append(a.Blocks, P(T(filler)))
	}
	return a
}

// alone is an article of nothing but s, in its title and its body.
func alone(s string) *article.Article {
	return &article.Article{
		Meta:   article.Meta{Title: s, Authors: []string{"Ann Lee"}},
		Blocks: []article.Block{&article.Paragraph{Inlines: article.Plain(strings.Repeat(s+" ", 8))}},
	}
}

// TestFamilyChoice checks which family documents are set in: the corpus's
// English and Russian articles in PT, its Greek and Vietnamese ones in
// Noto, the sample with a Greek word in PT, and documents of each
// script's line as the table says.
func TestFamilyChoice(t *testing.T) {
	type tc struct {
		name string
		a    *article.Article
		want typeface.Family
	}
	cases := []tc{
		{"csto-summit-bishkek.txt", readCorpus(t, "csto-summit-bishkek.txt"), typeface.PT},
		{"night-library.txt", readCorpus(t, "night-library.txt"), typeface.PT},
		{"el-afalatosi.md", readMarkdown(t, "lang/el-afalatosi.md"), typeface.Noto},
		{"vi-han-man.md", readMarkdown(t, "lang/vi-han-man.md"), typeface.Noto},
	}
	withWord := readCorpus(t, "csto-summit-bishkek.txt")
	withWord.Blocks = append(withWord.Blocks, &article.Paragraph{Inlines: article.Plain("The Greeks called it λόγος.")})
	cases = append(cases, tc{"csto-summit-bishkek.txt+λόγος", withWord, typeface.PT})
	for _, s := range scripts {
		cases = append(cases, tc{s.name + "/alone", alone(s.text), s.alone})
	}
	for _, c := range cases {
		l, err := layoutArticle(c.a, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if l.fonts.family != c.want {
			t.Errorf("%s: set in %v, want %v", c.name, l.fonts.family, c.want)
		}
		serif, sans, foundry := l.typefaces()
		if serif != c.want.Serif() || sans != c.want.Sans() || foundry != c.want.Foundry() {
			t.Errorf("%s: typefaces %q, %q, %q, want %q, %q, %q", c.name, serif, sans, foundry, c.want.Serif(), c.want.Sans(), c.want.Foundry())
		}
	}
}

// readMarkdown reads a Markdown corpus file.
func readMarkdown(t testing.TB, name string) *article.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := markdown.Read(data, markdown.Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

// TestFallbackStyle checks the fallback chain in every family and style: a
// character the document's face lacks is drawn from the other family's
// face of the same style (Noto Serif Bold Italic for a Greek word in bold
// italics in a PT document), every other character from the style's own
// face, and none is a marker.
func TestFallbackStyle(t *testing.T) {
	for _, fam := range []typeface.Family{typeface.PT, typeface.Noto} {
		l := newLayout(newGeometry(A4, 10.5), &fontSet{family: fam})
		for _, s := range scripts {
			for _, sp := range []span{
				{fam: serif}, {fam: serif, italic: true}, {fam: serif, bold: true}, {fam: serif, bold: true, italic: true},
				{fam: sans}, {fam: sans, italic: true}, {fam: sans, bold: true}, {fam: sans, bold: true, italic: true},
				{fam: mono},
			} {
				sp.size = 10
				own := l.fonts.metrics(sp.face())
				for _, run := range l.plainRuns(s.text, sp, true) {
					st := l.styles[run.Style]
					if st.actual != "" {
						t.Errorf("%v %s %+v: %q is a marker", fam, s.name, sp, st.actual)
						continue
					}
					lacks := false
					for _, r := range run.Text {
						lacks = lacks || !own.has(r)
					}
					want := sp.face()
					if lacks {
						want = want.other()
					}
					if st.face != want {
						t.Errorf("%v %s %+v: %q drawn in face %d, want %d", fam, s.name, sp, run.Text, st.face, want)
					}
				}
			}
		}
		if len(l.missingRunes) > 0 {
			t.Errorf("%v: missing %q", fam, string(l.missingRunes))
		}
	}
	// The fallback chain must be able to fail: a character no face has
	// (Ethiopic) is a marker.
	l := newLayout(newGeometry(A4, 10.5), &fontSet{})
	if runs := l.plainRuns("ሀ", span{fam: serif, size: 10}, true); len(runs) != 1 || l.styles[runs[0].Style].actual != "ሀ" {
		t.Errorf("ሀ is not a marker: %+v", runs)
	}
}

// TestScriptsPDF renders each script's line inside an English article (set
// in PT) and alone, and checks that no character is reported missing,
// that every font is embedded, subset and has a ToUnicode map, that the
// faces are the expected family's, and that pdftotext gives back the line,
// in NFC.
func TestScriptsPDF(t *testing.T) {
	tool(t, "pdftotext")
	tool(t, "pdffonts")
	for _, s := range scripts {
		for _, doc := range []struct {
			name string
			a    *article.Article
			fam  typeface.Family
		}{{"english", englishWith(s.text), typeface.PT}, {"alone", alone(s.text), s.alone}} {
			t.Run(s.name+"/"+doc.name, func(t *testing.T) {
				var warns []string
				path, _ := renderFile(t, doc.a, Options{Warn: func(w string) { warns = append(warns, w) }})
				if len(warns) > 0 {
					t.Errorf("warnings: %q", warns)
				}
				checkFonts(t, path, doc.fam)
				if doc.name == "english" && s.alone == typeface.Noto {
					checkFonts(t, path, typeface.Noto) // drawn from Noto
				}
				text := norm.NFC.String(fold(run(t, "pdftotext", "-enc", "UTF-8", path, "-")))
				want := norm.NFC.String(s.text)
				if n := strings.Count(text, want); n == 0 {
					t.Errorf("pdftotext lacks %q:\n%s", want, text)
				} else if doc.name == "english" && n < 5 {
					// the title page, the heading, plain, italic, bold,
					// bold italic and the code (which may be wrapped)
					t.Errorf("pdftotext has %q %d times, want at least 5:\n%s", want, n, text)
				}
			})
		}
	}
}

// checkFonts checks pdffonts' list: every font embedded, subset, with a
// ToUnicode map, and the document's body face in family fam.
func checkFonts(t *testing.T, path string, fam typeface.Family) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(lines, "\n"))
	}
	body := strings.ReplaceAll(fam.Serif(), " ", "") + "-Regular"
	found := false
	for _, ln := range lines[2:] {
		f := strings.Fields(ln)
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded, subset and mapped to Unicode: %s", ln)
		}
		found = found || strings.HasSuffix(f[0], "+"+body)
	}
	if !found {
		t.Errorf("no %s:\n%s", body, strings.Join(lines, "\n"))
	}
}

// TestCorpusScripts renders the corpus's Greek and Vietnamese articles
// (and the Vietnamese one decomposed, NFD) and checks that no character
// is missing, the fonts are Noto's, embedded and subset, and every
// paragraph comes back from pdftotext.
func TestCorpusScripts(t *testing.T) {
	tool(t, "pdftotext")
	for _, tc := range []struct {
		file string
		nfd  bool
	}{{"lang/el-afalatosi.md", false}, {"lang/vi-han-man.md", false}, {"lang/vi-han-man.md", true}} {
		t.Run(fmt.Sprintf("%s/nfd=%v", tc.file, tc.nfd), func(t *testing.T) {
			a := readMarkdown(t, tc.file)
			if tc.nfd {
				a = decomposed(t, tc.file)
			}
			var warns []string
			path, doc := renderFile(t, a, Options{Warn: func(w string) { warns = append(warns, w) }})
			if len(warns) > 0 {
				t.Errorf("warnings: %q", warns)
			}
			if bytes.Contains(doc, []byte("PTSerif")) || bytes.Contains(doc, []byte("PTSans")) {
				t.Errorf("PT fonts in a document set in Noto")
			}
			checkFonts(t, path, typeface.Noto)
			text := norm.NFC.String(fold(run(t, "pdftotext", "-enc", "UTF-8", path, "-")))
			for _, bl := range a.Blocks {
				want := norm.NFC.String(fold(article.BlockText(bl)))
				if !strings.Contains(text, want) {
					t.Errorf("pdftotext lacks %q", want)
				}
			}
			if want := norm.NFC.String(a.Meta.Title); !strings.Contains(text, want) {
				t.Errorf("pdftotext lacks the title %q", want)
			}
		})
	}
}

// decomposed reads a Markdown corpus file in NFD: base letters and
// combining marks, as some editors and file systems write them.
func decomposed(t *testing.T, name string) *article.Article {
	data, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := markdown.Read(norm.NFD.Bytes(data), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if norm.NFC.IsNormalString(a.Meta.Title) {
		t.Fatalf("the reader composed the title %q: the test proves nothing", a.Meta.Title)
	}
	return a
}

// TestFallbackFontLast checks that the user's fallback font comes after
// both families: a Greek letter in a PT document is drawn from Noto even
// when the fallback font has it too, and the fallback font draws what
// neither family has (☀, when the system has DejaVu Sans to test with).
func TestFallbackFontLast(t *testing.T) {
	noto, err := embeddedMetrics(faceAltSerif)
	if err != nil {
		t.Fatal(err)
	}
	data, err := noto.file()
	if err != nil {
		t.Fatal(err)
	}
	fs, err := loadFonts(data, article.Single(englishWith("λ")))
	if err != nil {
		t.Fatal(err)
	}
	if fs.family != typeface.PT {
		t.Fatalf("set in %v", fs.family)
	}
	if f, ok := fs.faceFor(faceSerifItalic, serif, 'λ'); !ok || f != faceAltSerifItalic {
		t.Errorf("λ in PT Serif Italic: face %d, %v; want Noto Serif Italic (%d)", f, ok, faceAltSerifItalic)
	}
	dejavu, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
	if err != nil {
		t.Skip("no DejaVu Sans to test the fallback font with")
	}
	fs, err = loadFonts(dejavu, article.Single(englishWith("λ")))
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := fs.faceFor(faceSerif, serif, '☀'); !ok || f != faceFallback {
		t.Errorf("☀: face %d, %v; want the fallback font", f, ok)
	}
	if f, ok := fs.faceFor(faceSerif, serif, 'λ'); !ok || f != faceAltSerif {
		t.Errorf("λ: face %d, %v; want Noto Serif (%d)", f, ok, faceAltSerif)
	}
}
