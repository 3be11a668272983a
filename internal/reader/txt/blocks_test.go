package txt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

// describe renders blocks compactly: "P:text", "H:text", "L1:a|b" (ordered
// from 1), "L-:a|b" (bullets), "Q:[P:text]".
func describe(blocks []article.Block) []string {
	var out []string
	for _, b := range blocks {
		switch x := b.(type) {
		case *article.Paragraph:
			out = append(out, "P:"+article.InlineText(x.Inlines))
		case *article.Heading:
			out = append(out, fmt.Sprintf("H%d:%s", x.Level, article.InlineText(x.Inlines)))
		case *article.List:
			var items []string
			for _, it := range x.Items {
				items = append(items, strings.Join(describe(it.Blocks), ";"))
			}
			kind := "-"
			if x.Ordered {
				kind = fmt.Sprint(max(x.Start, 1))
			}
			out = append(out, "L"+kind+":"+strings.Join(items, "|"))
		case *article.Quote:
			out = append(out, "Q:["+strings.Join(describe(x.Blocks), " ")+"]")
		default:
			out = append(out, fmt.Sprintf("%T", b))
		}
	}
	return out
}

func TestReadBlocks(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"one paragraph per line",
			"First paragraph.\n\nSecond paragraph.",
			[]string{"P:First paragraph.", "P:Second paragraph."}},
		{"lines without blank lines are paragraphs",
			"First paragraph, a full sentence.\nSecond paragraph, another one.",
			[]string{"P:First paragraph, a full sentence.", "P:Second paragraph, another one."}},
		{"hard-wrapped paragraph is joined",
			"The river rose two metres overnight, and by morning the lower town\nwas under water. Residents who had stayed behind were taken off\nroofs by boat.\n\nNext paragraph.",
			[]string{"P:The river rose two metres overnight, and by morning the lower town was under water. Residents who had stayed behind were taken off roofs by boat.", "P:Next paragraph."}},
		{"a line starting in lower case continues",
			"This sentence was broken\nin the middle by the copy.",
			[]string{"P:This sentence was broken in the middle by the copy."}},
		{"a word broken at a hyphen is joined",
			"The long-\nterm plan of the town council was approved after a debate of many hours.\n\nEnd.",
			[]string{"P:The long-term plan of the town council was approved after a debate of many hours.", "P:End."}},
		{"headings",
			"Intro paragraph.\n\nHow the night shift works\n\nForty seats, free internet.\n\nWhat next\n\nMore text.",
			[]string{"P:Intro paragraph.", "H2:How the night shift works", "P:Forty seats, free internet.", "H2:What next", "P:More text."}},
		{"heading followed directly by its paragraph",
			"Intro paragraph.\n\nWhat next\nIf it works, three more libraries follow.",
			[]string{"P:Intro paragraph.", "H2:What next", "P:If it works, three more libraries follow."}},
		{"short line with closing punctuation is not a heading",
			"Intro paragraph.\n\nHe said no.\n\nMore text.\n\n«Никогда»\n\nMore.",
			[]string{"P:Intro paragraph.", "P:He said no.", "P:More text.", "P:«Никогда»", "P:More."}},
		{"last short line is not a heading",
			"Intro paragraph.\n\nPhoto by the author",
			[]string{"P:Intro paragraph.", "P:Photo by the author"}},
		{"two short lines in a row are not headings",
			"Intro paragraph.\n\nLenin Street 5\nNovosibirsk\n\nMore text.",
			[]string{"P:Intro paragraph.", "P:Lenin Street 5", "P:Novosibirsk", "P:More text."}},
		{"a long line is not a heading",
			"Intro.\n\n" + strings.Repeat("Word ", 13) + "end\n\nMore.",
			[]string{"P:Intro.", "P:" + strings.Repeat("Word ", 13) + "end", "P:More."}},
		{"bulleted list",
			"They said:\n- the spillway held;\n- the left bank is eroded;\n- the road is closed.\n\nEnd.",
			[]string{"P:They said:", "L-:P:the spillway held;|P:the left bank is eroded;|P:the road is closed.", "P:End."}},
		{"bullets with blank lines between",
			"Items:\n\n• one\n\n• two\n\n• three",
			[]string{"P:Items:", "L-:P:one|P:two|P:three"}},
		{"numbered list",
			"Steps:\n1. First step\n2. Second step\n3) not the same marker",
			[]string{"P:Steps:", "L1:P:First step|P:Second step", "P:3) not the same marker"}},
		{"numbered list starting at 3",
			"Steps:\n3. Third\n4. Fourth",
			[]string{"P:Steps:", "L3:P:Third|P:Fourth"}},
		{"numbers out of order are text",
			"Intro.\n\n1. One.\n\n3. Three.",
			[]string{"P:Intro.", "P:1. One.", "P:3. Three."}},
		{"a single item is a paragraph",
			"Intro.\n\n- just one",
			[]string{"P:Intro.", "P:- just one"}},
		{"list item continued on the next line",
			"Items:\n- the first item, which is\n  long enough to wrap\n- second",
			[]string{"P:Items:", "L-:P:the first item, which is long enough to wrap|P:second"}},
		{"dialogue is not a list",
			"— Вы придёте? — спросил он.\n— Нет, — ответила она.",
			[]string{"P:— Вы придёте? — спросил он.", "P:— Нет, — ответила она."}},
		{"dialogue paragraphs are not a list",
			"— Вы придёте?\n\n— Нет.",
			[]string{"P:— Вы придёте?", "P:— Нет."}},
		{"dash list after a colon",
			"В библиотеке есть:\n— сорок мест;\n— бесплатный интернет;\n— розетки у каждого стола.",
			[]string{"P:В библиотеке есть:", "L-:P:сорок мест;|P:бесплатный интернет;|P:розетки у каждого стола."}},
		{"quotation",
			"Intro.\n\n> A quotation line one\n> continues here.\n>\n> Second quote paragraph.\n\nAfter.",
			[]string{"P:Intro.", "Q:[P:A quotation line one continues here. P:Second quote paragraph.]", "P:After."}},
		{"nested quotation",
			"> Outer\n> > Inner\n\nAfter.",
			[]string{"Q:[P:Outer Q:[P:Inner]]", "P:After."}},
		{"markup-looking text stays text",
			"<p>Not HTML</p> & <b>bold</b>\n\n# not a heading either.",
			[]string{"P:<p>Not HTML</p> & <b>bold</b>", "P:# not a heading either."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read([]byte("A Title for the Test\n\n" + tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if err := a.Validate(); err != nil {
				t.Fatal(err)
			}
			got := describe(a.Blocks)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

func TestReadMeta(t *testing.T) {
	tests := []struct {
		name, doc                               string
		title, site, sub, authors, section, day string
		first                                   string // first body block
	}{
		{"site after a bar", "Outcomes of the Summit in Bishkek | The River Times\n\nBody text.",
			"Outcomes of the Summit in Bishkek", "The River Times", "", "", "", "", "P:Body text."},
		{"site after a dash with evidence", "Новая библиотека открылась — Городские новости\n\nТекст.",
			"Новая библиотека открылась", "Городские новости", "", "", "", "", "P:Текст."},
		{"domain after a dash", "Outcomes of the Summit - example.com\n\nBody text.",
			"Outcomes of the Summit", "example.com", "", "", "", "", "P:Body text."},
		{"site first", "BBC News | Outcomes of the summit in Bishkek\n\nBody text.",
			"Outcomes of the summit in Bishkek", "BBC News", "", "", "", "", "P:Body text."},
		{"dash inside a title is kept", "Putin - a possible war in Europe\n\nBody text.",
			"Putin - a possible war in Europe", "", "", "", "", "", "P:Body text."},
		{"part number is not a site", "How to Read Offline | Part 2\n\nBody text.",
			"How to Read Offline | Part 2", "", "", "", "", "", "P:Body text."},
		{"byline over several lines", "A Title\n\nBy Jane Doe\nBusiness\n3 May 2025\n\nBody text.",
			"A Title", "", "", "Jane Doe", "Business", "2025-05-03", "P:Body text."},
		{"standfirst before a byline", "A Title\n\nThe river rose overnight; the town is under water.\n\nBy Jane Doe · 3 May 2025\n\nBody text.",
			"A Title", "", "The river rose overnight; the town is under water.", "Jane Doe", "", "2025-05-03", "P:Body text."},
		{"no byline: the line is body text", "A Title\n\nThe river rose overnight.\n\nBody text.",
			"A Title", "", "", "", "", "", "P:The river rose overnight."},
		{"byline-like body text kept", "A Title\n\nJane Doe said the river rose overnight.\n\nBody text.",
			"A Title", "", "", "", "", "", "P:Jane Doe said the river rose overnight."},
		{"no title: a long first paragraph", strings.Repeat("The river rose overnight and the lower town was under water. ", 6) + "\n\nMore.",
			"The river rose overnight and the lower town was under water", "", "", "", "", "",
			"P:" + strings.TrimSpace(strings.Repeat("The river rose overnight and the lower town was under water. ", 6))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if err := a.Validate(); err != nil {
				t.Fatal(err)
			}
			m := a.Meta
			day := ""
			if m.HasDate() {
				day = m.Date.Format("2006-01-02")
			}
			got := []string{m.Title, m.SiteName, m.Subtitle, strings.Join(m.Authors, "|"), m.Section, day, describe(a.Blocks)[0]}
			want := []string{tt.title, tt.site, tt.sub, tt.authors, tt.section, tt.day, tt.first}
			for i, name := range []string{"title", "site", "subtitle", "authors", "section", "date", "first block"} {
				if got[i] != want[i] {
					t.Errorf("%s %q, want %q", name, got[i], want[i])
				}
			}
		})
	}
}

func TestReadLanguage(t *testing.T) {
	doc := []byte("Заголовок\n\nТекст статьи на русском языке, довольно длинный.")
	a, err := Read(doc)
	if err != nil || a.Meta.Language != "ru" {
		t.Fatalf("detected %q, %v", a.Meta.Language, err)
	}
	a, err = ReadOptions(doc, Options{Language: "uk"})
	if err != nil || a.Meta.Language != "uk" {
		t.Fatalf("Options.Language: %q, %v", a.Meta.Language, err)
	}
	// The byline's Cyrillic name does not make an English text Russian.
	a, err = Read([]byte("A Title\n\nНаталья Маркова Politics\n\nThe river rose overnight."))
	if err != nil || a.Meta.Language != "en" {
		t.Fatalf("detected %q, %v", a.Meta.Language, err)
	}
}

func TestInlines(t *testing.T) {
	tests := []struct {
		in   string
		want string // links in [brackets]
	}{
		{"no links here", "no links here"},
		{"see https://example.com/path?q=1.", "see [https://example.com/path?q=1]."},
		{"(see https://en.wikipedia.org/wiki/Foo_(bar))", "(see [https://en.wikipedia.org/wiki/Foo_(bar)])"},
		{"«https://ru.wikipedia.org/wiki/Новосибирск»", "«[https://ru.wikipedia.org/wiki/Новосибирск]»"},
		{"HTTPS://EXAMPLE.ORG, and http://a.b/c", "[HTTPS://EXAMPLE.ORG], and [http://a.b/c]"},
		{"xhttp://example.com is not a link", "xhttp://example.com is not a link"},
		{"http:// alone", "http:// alone"},
		{"http://localhost has no dot", "http://localhost has no dot"},
		{"two: https://a.io https://b.io!", "two: [https://a.io] [https://b.io]!"},
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, in := range inlines(tt.in) {
			switch x := in.(type) {
			case *article.Text:
				b.WriteString(x.Text)
			case *article.Link:
				if article.InlineText(x.Inlines) != x.URL {
					t.Errorf("link text %q, URL %q", article.InlineText(x.Inlines), x.URL)
				}
				b.WriteString("[" + x.URL + "]")
			}
		}
		if b.String() != tt.want {
			t.Errorf("inlines(%q) = %q, want %q", tt.in, b.String(), tt.want)
		}
	}
}
