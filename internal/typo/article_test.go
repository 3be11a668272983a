package typo

import (
	"reflect"
	"testing"

	"github.com/offprint/offprint/article"
)

func txt(s string) *article.Text { return &article.Text{Text: s} }

// TestInlineBoundaries checks that quotes are paired across inlines and
// that every piece of refined text stays in its own inline.
func TestInlineBoundaries(t *testing.T) {
	tests := []struct {
		name string
		lang string
		in   []article.Inline
		want []article.Inline
	}{
		{
			name: "quote around emphasis",
			lang: "en",
			in:   []article.Inline{txt(`He said "`), &article.Emphasis{Inlines: []article.Inline{txt("never")}}, txt(`" twice.`)},
			want: []article.Inline{txt(`He said “`), &article.Emphasis{Inlines: []article.Inline{txt("never")}}, txt(`” twice.`)},
		},
		{
			name: "quote inside emphasis closed outside",
			lang: "en",
			in:   []article.Inline{&article.Emphasis{Inlines: []article.Inline{txt(`"Stop`)}}, txt(`," he said.`)},
			want: []article.Inline{&article.Emphasis{Inlines: []article.Inline{txt(`“Stop`)}}, txt(`,” he said.`)},
		},
		{
			name: "quote around a link",
			lang: "ru",
			in: []article.Inline{txt(`Газета "`), &article.Link{URL: `https://example.org/"a"--b...`, Inlines: []article.Inline{txt("Вести")}},
				txt(`" пишет`)},
			want: []article.Inline{txt(`Газета «`), &article.Link{URL: `https://example.org/"a"--b...`, Inlines: []article.Inline{txt("Вести")}},
				txt(`» пишет`)},
		},
		{
			name: "code is a word and stays as it is",
			lang: "en",
			in:   []article.Inline{txt(`Run "`), &article.Code{Text: `echo "hi" -- '...'`}, txt(`" and read `), &article.Code{Text: "os.Args"}, txt(`'s value.`)},
			want: []article.Inline{txt(`Run “`), &article.Code{Text: `echo "hi" -- '...'`}, txt(`” and read `), &article.Code{Text: "os.Args"}, txt(`’s value.`)},
		},
		{
			name: "apostrophe after strong",
			lang: "en",
			in:   []article.Inline{&article.Strong{Inlines: []article.Inline{txt("Putin")}}, txt(`'s statement`)},
			want: []article.Inline{&article.Strong{Inlines: []article.Inline{txt("Putin")}}, txt(`’s statement`)},
		},
		{
			name: "dash split over inlines",
			lang: "en",
			in:   []article.Inline{txt("word -"), &article.Strike{Inlines: []article.Inline{txt("- word")}}},
			want: []article.Inline{txt("word –"), &article.Strike{Inlines: []article.Inline{txt(" word")}}},
		},
		{
			name: "one-letter word before emphasis",
			lang: "ru",
			in:   []article.Inline{txt("Он был в "), &article.Emphasis{Inlines: []article.Inline{txt("Москве")}}},
			want: []article.Inline{txt("Он был в\u00A0"), &article.Emphasis{Inlines: []article.Inline{txt("Москве")}}},
		},
		{
			name: "line break starts a line of dialogue",
			lang: "ru",
			in:   []article.Inline{txt("- Кто там?"), &article.LineBreak{}, txt("- Я.")},
			want: []article.Inline{txt("—\u00A0Кто там?"), &article.LineBreak{}, txt("—\u00A0Я.")},
		},
		{
			name: "footnote reference after a closing quote",
			lang: "en",
			in:   []article.Inline{txt(`the "exhaustion"`), &article.NoteRef{ID: "1"}, txt(` of "security"`)},
			want: []article.Inline{txt(`the “exhaustion”`), &article.NoteRef{ID: "1"}, txt(` of “security”`)},
		},
		{
			name: "French space put in before a mark after emphasis",
			lang: "fr",
			in:   []article.Inline{&article.Emphasis{Inlines: []article.Inline{txt("Vraiment")}}, txt("? Oui: "), &article.Code{Text: "a?"}, txt("!")},
			want: []article.Inline{&article.Emphasis{Inlines: []article.Inline{txt("Vraiment")}}, txt("\u202F? Oui\u00A0: "), &article.Code{Text: "a?"}, txt("!")},
		},
		{
			name: "number bound to a unit in emphasis",
			lang: "en",
			in:   []article.Inline{txt("about 5 "), &article.Strong{Inlines: []article.Inline{txt("km")}}, txt(" away")},
			want: []article.Inline{txt("about 5\u00A0"), &article.Strong{Inlines: []article.Inline{txt("km")}}, txt(" away")},
		},
		{
			name: "single quotes in a Russian quotation across inlines",
			lang: "ru",
			in:   []article.Inline{txt(`"Он сказал '`), &article.Emphasis{Inlines: []article.Inline{txt("привет")}}, txt(`'"`)},
			want: []article.Inline{txt("«Он сказал „"), &article.Emphasis{Inlines: []article.Inline{txt("привет")}}, txt("“»")},
		},
		{
			name: "French spaces moved across inlines",
			lang: "fr",
			in:   []article.Inline{txt(`Il dit " `), &article.Emphasis{Inlines: []article.Inline{txt("oui ")}}, txt(`".`)},
			want: []article.Inline{txt("Il dit «\u202F"), &article.Emphasis{Inlines: []article.Inline{txt("oui")}}, txt("\u202F».")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Inlines(tt.in, tt.lang)
			if !reflect.DeepEqual(tt.in, tt.want) {
				t.Errorf("got  %s\nwant %s", dump(tt.in), dump(tt.want))
			}
			Inlines(tt.in, tt.lang)
			if !reflect.DeepEqual(tt.in, tt.want) {
				t.Errorf("second pass changed it: %s", dump(tt.in))
			}
		})
	}
}

// dump shows inlines for a failure message.
func dump(inlines []article.Inline) string {
	s := ""
	for _, in := range inlines {
		switch x := in.(type) {
		case *article.Text:
			s += visible(`"` + x.Text + `" `)
		case *article.Emphasis:
			s += "em(" + dump(x.Inlines) + ") "
		case *article.Strong:
			s += "strong(" + dump(x.Inlines) + ") "
		case *article.Strike:
			s += "strike(" + dump(x.Inlines) + ") "
		case *article.Link:
			s += "link<" + x.URL + ">(" + dump(x.Inlines) + ") "
		case *article.Code:
			s += "code`" + x.Text + "` "
		case *article.LineBreak:
			s += "br "
		case *article.NoteRef:
			s += "note[" + x.ID + "] "
		}
	}
	return s
}

// sampleArticle has straight quotes in every place Refine rewrites and in
// every place it must leave alone.
func sampleArticle(lang string) *article.Article {
	raw := `"Raw" text - with 'quotes'...`
	return &article.Article{
		Meta: article.Meta{
			Title:       raw,
			Subtitle:    raw,
			Authors:     []string{"Sam O'Neil"},
			Section:     "Q&A - \"Tech\"",
			Language:    lang,
			SourceURL:   `https://example.org/a--b?q="x"`,
			SiteName:    `"Site"`,
			Rights:      `(c) "Owner"`,
			Description: raw,
			Keywords:    []string{`"k"`},
		},
		Blocks: []article.Block{
			&article.Heading{Level: 2, Inlines: article.Plain(raw)},
			&article.Paragraph{Inlines: article.Plain(raw)},
			&article.Quote{
				Blocks:      []article.Block{&article.Paragraph{Inlines: article.Plain(raw)}},
				Attribution: article.Plain("- a note pinned above Léa's desk"),
			},
			&article.List{Items: []article.ListItem{{Blocks: []article.Block{&article.Paragraph{Inlines: article.Plain(raw)}}}}},
			&article.CodeBlock{Language: "sh", Text: raw},
			&article.Image{Data: []byte{1}, MediaType: "image/png", Alt: raw, Caption: article.Plain(raw), Source: `"a.png"`},
			&article.Table{
				Header:  []article.Cell{{Inlines: article.Plain(raw)}},
				Rows:    [][]article.Cell{{{Inlines: article.Plain(raw)}}},
				Caption: article.Plain(raw),
			},
			&article.Rule{},
		},
		Notes: []article.Note{{ID: "1", Blocks: []article.Block{&article.Paragraph{Inlines: article.Plain(raw)}}}},
	}
}

func TestRefineArticle(t *testing.T) {
	a := sampleArticle("en")
	Refine(a)
	const want = `“Raw” text – with ‘quotes’…`
	plain := func(in []article.Inline) string { return article.InlineText(in) }
	got := map[string]string{
		"title":       a.Meta.Title,
		"subtitle":    a.Meta.Subtitle,
		"description": a.Meta.Description,
		"heading":     plain(a.Blocks[0].(*article.Heading).Inlines),
		"paragraph":   plain(a.Blocks[1].(*article.Paragraph).Inlines),
		"quote":       plain(a.Blocks[2].(*article.Quote).Blocks[0].(*article.Paragraph).Inlines),
		"list item":   plain(a.Blocks[3].(*article.List).Items[0].Blocks[0].(*article.Paragraph).Inlines),
		"alt":         a.Blocks[5].(*article.Image).Alt,
		"caption":     plain(a.Blocks[5].(*article.Image).Caption),
		"header cell": plain(a.Blocks[6].(*article.Table).Header[0].Inlines),
		"body cell":   plain(a.Blocks[6].(*article.Table).Rows[0][0].Inlines),
		"table title": plain(a.Blocks[6].(*article.Table).Caption),
		"footnote":    plain(a.Notes[0].Blocks[0].(*article.Paragraph).Inlines),
	}
	for where, s := range got {
		if s != want {
			t.Errorf("%s: %q, want %q", where, s, want)
		}
	}
	if got := plain(a.Blocks[2].(*article.Quote).Attribution); got != "— a note pinned above Léa’s desk" {
		t.Errorf("attribution: %q", got)
	}
	// Untouched: code, addresses, names and other metadata.
	orig := sampleArticle("en")
	if !reflect.DeepEqual(a.Blocks[4], orig.Blocks[4]) {
		t.Errorf("code block changed: %q", a.Blocks[4].(*article.CodeBlock).Text)
	}
	if a.Blocks[5].(*article.Image).Source != orig.Blocks[5].(*article.Image).Source {
		t.Error("image source changed")
	}
	m, om := a.Meta, orig.Meta
	m.Title, m.Subtitle, m.Description = om.Title, om.Subtitle, om.Description
	if !reflect.DeepEqual(m, om) {
		t.Errorf("other metadata changed:\n got %#v\nwant %#v", m, om)
	}
	// Idempotent on the whole article.
	before := dumpArticle(a)
	Refine(a)
	if after := dumpArticle(a); after != before {
		t.Errorf("second Refine changed the article:\n%s\n%s", before, after)
	}
	Refine(nil) // no panic
}

func dumpArticle(a *article.Article) string {
	s := a.Meta.Title + "|" + a.Meta.Subtitle + "|" + a.Meta.Description + "|" + a.BodyText()
	for _, n := range a.Notes {
		for _, b := range n.Blocks {
			s += "|" + article.BlockText(b)
		}
	}
	return s
}

func TestRefineLanguage(t *testing.T) {
	a := sampleArticle("ru-RU")
	Refine(a)
	if got, want := a.Meta.Title, "«Raw» text\u00A0— with ‘quotes’…"; got != want {
		t.Errorf("ru title = %q, want %q", got, want)
	}
	if got, want := article.InlineText(a.Blocks[2].(*article.Quote).Attribution), "—\u00A0a note pinned above Léa’s desk"; got != want {
		t.Errorf("ru attribution = %q, want %q", got, want)
	}
}

func TestUntouchedWithoutTriggers(t *testing.T) {
	// Prose with nothing to refine keeps its very strings.
	s := "Plain words only"
	p := &article.Paragraph{Inlines: article.Plain(s)}
	a := &article.Article{Meta: article.Meta{Title: "T", Language: "en"}, Blocks: []article.Block{p}}
	Refine(a)
	if got := p.Inlines[0].(*article.Text).Text; got != s {
		t.Errorf("changed to %q", got)
	}
	if n := testing.AllocsPerRun(20, func() { Refine(a) }); n > 1 {
		t.Errorf("Refine on plain prose: %v allocations", n)
	}
}
