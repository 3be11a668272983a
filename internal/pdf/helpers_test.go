package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader/txt"
)

const corpus = "../../testdata/corpus/"

// corpusExtras adds to the metadata the txt reader finds what scraped
// text does not carry, so that title pages and attributions show every
// field.
var corpusExtras = map[string]article.Meta{
	"csto-summit-bishkek.txt": {SiteName: "IA REX", SourceURL: "https://iarex.ru/articles/csto-summit-bishkek.html",
		Date: time.Date(2025, 11, 28, 0, 0, 0, 0, time.UTC)},
	"night-library.txt": {SiteName: "Городские новости", SourceURL: "https://example.ru/news/night-library",
		Date: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)},
}

// readCorpus reads a scraped-text corpus file with the txt reader.
func readCorpus(t testing.TB, name string) *article.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := txt.Read(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if x, ok := corpusExtras[name]; ok {
		a.Meta.SiteName, a.Meta.SourceURL, a.Meta.Date = x.SiteName, x.SourceURL, x.Date
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

// longArticle repeats the sample's paragraphs n times with a heading
// before every k-th paragraph.
func longArticle(t testing.TB, n, k int) *article.Article {
	a := readCorpus(t, "csto-summit-bishkek.txt")
	body := a.Blocks
	a.Blocks = nil
	i := 0
	for range n {
		for _, b := range body {
			if i%k == 0 {
				a.Blocks = append(a.Blocks, &article.Heading{Level: 2, Inlines: article.Plain(fmt.Sprintf("Part %d of the argument", i/k+1))})
			}
			a.Blocks = append(a.Blocks, b)
			i++
		}
	}
	return a
}

// kitchenSink is an article with every kind of block and inline.
func kitchenSink(t testing.TB) *article.Article {
	png, err := os.ReadFile(filepath.Join(corpus, "margin-notes.png"))
	if err != nil {
		t.Fatal(err)
	}
	P := func(ins ...article.Inline) *article.Paragraph { return &article.Paragraph{Inlines: ins} }
	T := func(s string) *article.Text { return &article.Text{Text: s} }
	item := func(bs ...article.Block) article.ListItem { return article.ListItem{Blocks: bs} }
	return &article.Article{
		Meta: article.Meta{
			Title: "Reading Offline: Notes on Keeping the Web", Subtitle: "Why a printed page still matters",
			Authors: []string{"Léa Martin", "Tom Hall"}, Section: "Essays", Language: "en",
			Date:      time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
			SourceURL: "https://example.org/essays/reading-offline?utm_source=x&id=42", SiteName: "The Example Review",
			Rights: "CC BY 4.0", Description: "An essay on saving articles for later, and what a good printout owes its reader.",
			Keywords: []string{"reading", "offline"},
		},
		Blocks: []article.Block{
			P(T("Opening paragraph with "), &article.Emphasis{Inlines: article.Plain("emphasis")}, T(", "),
				&article.Strong{Inlines: article.Plain("strong text")}, T(", "), &article.Strike{Inlines: article.Plain("struck")},
				T(", "), &article.Code{Text: "inline_code()"}, T(" and a "),
				&article.Link{URL: "https://example.org/a/very/long/path/that/goes/on/and/on?with=query&and=more", Inlines: article.Plain("link that runs over a line end perhaps")},
				T("."), &article.NoteRef{ID: "n1"}, T(" More text follows to make the paragraph long enough to wrap several times at every size of paper we support.")),
			P(T("Second paragraph,"), &article.LineBreak{}, T("after a hard line break, with another note."), &article.NoteRef{ID: "n2"}),
			&article.Heading{Level: 2, Inlines: article.Plain("Lists and quotes")},
			&article.List{Items: []article.ListItem{
				item(P(T("Bread is the first item, long enough to wrap onto a second line on the narrow pages of an e-reader."))),
				item(P(T("Second item")), &article.List{Items: []article.ListItem{item(P(T("Nested item one"))), item(P(T("Nested item two")))}}),
			}},
			&article.List{Ordered: true, Start: 2, Items: []article.ListItem{item(P(T("Second"))), item(P(T("Third")))}},
			&article.Quote{Blocks: []article.Block{P(T("Freedom is always the freedom of the one who thinks differently."))},
				Attribution: article.Plain("Rosa Luxemburg")},
			&article.Heading{Level: 4, Inlines: article.Plain("A deeper level")},
			P(T("A paragraph under a level-four heading, which the outline nests one level down.")),
			&article.Heading{Level: 2, Inlines: article.Plain("Code, tables and images")},
			&article.CodeBlock{Language: "go", Text: "package main\n\nfunc main() {\n\tfmt.Println(\"hello, world\")\n\t// a comment that is long enough to be wrapped on a narrow page, because it goes on and on and on\n}\n"},
			&article.Table{
				Header: []article.Cell{{Inlines: article.Plain("Ingredient")}, {Inlines: article.Plain("Quantity")}, {Inlines: article.Plain("Notes")}},
				Rows: [][]article.Cell{
					{{Inlines: article.Plain("Flour")}, {Inlines: article.Plain("500 g")}, {Inlines: article.Plain("Strong white bread flour, sifted twice if you have the time")}},
					{{Inlines: article.Plain("Water")}, {Inlines: article.Plain("350 ml")}, {Inlines: article.Plain("Lukewarm")}},
				},
				Align:   []article.Align{article.AlignLeft, article.AlignRight},
				Caption: article.Plain("Table 1. A loaf"),
			},
			&article.Image{Data: png, MediaType: "image/png", Alt: "Margin notes", Caption: article.Plain("A plain picture caption"), Source: "margin-notes.png"},
			&article.Rule{},
			P(T("The closing paragraph after a rule.")),
		},
		Notes: []article.Note{
			{ID: "n1", Blocks: []article.Block{P(T("A first note, with a "), &article.Link{URL: "https://example.org/source", Inlines: article.Plain("link")}, T("."))}},
			{ID: "n2", Blocks: []article.Block{P(T("A second note."))}},
		},
	}
}

// layoutRecorded lays a out recording its text lines in layout.lines.
func layoutRecorded(a *article.Article, opt Options) (*layout, error) {
	return layoutDoc(article.Single(a), opt, layoutMode{lines: true})
}
