package epub

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/assets"
)

// A tiny builder of articles for tests, so that the tests do not depend on
// a reader.

func tx(s string) *article.Text                   { return &article.Text{Text: s} }
func em(in ...article.Inline) *article.Emphasis   { return &article.Emphasis{Inlines: in} }
func strong(in ...article.Inline) *article.Strong { return &article.Strong{Inlines: in} }
func strike(in ...article.Inline) *article.Strike { return &article.Strike{Inlines: in} }
func code(s string) *article.Code                 { return &article.Code{Text: s} }
func link(url string, in ...article.Inline) *article.Link {
	return &article.Link{URL: url, Inlines: in}
}
func br() *article.LineBreak                       { return &article.LineBreak{} }
func ref(id string) *article.NoteRef               { return &article.NoteRef{ID: id} }
func para(in ...article.Inline) *article.Paragraph { return &article.Paragraph{Inlines: in} }
func ptext(s string) *article.Paragraph            { return para(tx(s)) }
func heading(level int, s string) *article.Heading {
	return &article.Heading{Level: level, Inlines: article.Plain(s)}
}
func item(blocks ...article.Block) article.ListItem { return article.ListItem{Blocks: blocks} }
func cells(ss ...string) []article.Cell {
	out := make([]article.Cell, len(ss))
	for i, s := range ss {
		out[i] = article.Cell{Inlines: article.Plain(s)}
	}
	return out
}

// sampleArticle builds the sample article (assets.Sample) by hand: the
// title line, the paragraphs between the two share-button lines, and the
// metadata a reader would find.
func sampleArticle(t testing.TB) *article.Article {
	t.Helper()
	lines := strings.Split(string(assets.Sample), "\n")
	a := &article.Article{Meta: article.Meta{
		Title:    strings.TrimSpace(lines[0]),
		Authors:  []string{"Наталья Маркова"},
		Section:  "Politics",
		Language: "en",
	}}
	in := false
	for _, l := range lines[1:] {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "VK X OK") {
			if in {
				break
			}
			in = true
			continue
		}
		if in && l != "" {
			a.Blocks = append(a.Blocks, ptext(l))
		}
	}
	if len(a.Blocks) < 5 {
		t.Fatalf("sample article: %d paragraphs", len(a.Blocks))
	}
	return a
}

// longArticle repeats the sample's body n times, with a heading before
// each copy.
func longArticle(t testing.TB, n int) *article.Article {
	s := sampleArticle(t)
	a := &article.Article{Meta: s.Meta}
	for i := 0; i < n; i++ {
		a.Blocks = append(a.Blocks, heading(2, "Part "+itoa(i+1)))
		a.Blocks = append(a.Blocks, s.Blocks...)
	}
	return a
}

func itoa(n int) string {
	var b []byte
	for n >= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(append([]byte{byte('0' + n)}, b...))
}

// russianArticle is an article in Russian with headings, a quote and a
// list.
func russianArticle() *article.Article {
	return &article.Article{
		Meta: article.Meta{
			Title:       "Ночная библиотека",
			Subtitle:    "Как работает читальный зал после полуночи",
			Authors:     []string{"Ирина Соколова", "Пётр Иванов"},
			Section:     "Общество",
			Date:        time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
			Language:    "ru",
			SourceURL:   "https://example.org/ru/night-library",
			SiteName:    "Городские новости",
			Rights:      "CC BY 4.0",
			Description: "Репортаж о ночной смене городской библиотеки.",
			Keywords:    []string{"библиотека", "город"},
		},
		Blocks: []article.Block{
			ptext("В зале сорок мест, и ночью почти все заняты."),
			heading(2, "Как устроена ночная смена"),
			ptext("Смена начинается в десять вечера."),
			&article.Quote{Blocks: []article.Block{ptext("Тишина здесь особенная.")},
				Attribution: article.Plain("— библиотекарь")},
			heading(3, "Кто приходит"),
			&article.List{Items: []article.ListItem{item(ptext("студенты")), item(ptext("таксисты"))}},
			heading(2, "Что дальше"),
			ptext("Город обещает продлить эксперимент."),
		},
	}
}

var (
	testImagesOnce sync.Once
	testImagesData map[string][]byte
	testImagesErr  error
)

// testImages returns encoded images of every kind the renderer handles,
// made once.
func testImages(t testing.TB) map[string][]byte {
	t.Helper()
	testImagesOnce.Do(func() { testImagesData, testImagesErr = makeTestImages() })
	if testImagesErr != nil {
		t.Fatal(testImagesErr)
	}
	return testImagesData
}

func makeTestImages() (map[string][]byte, error) {
	m := image.NewNRGBA(image.Rect(0, 0, 64, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 64; x++ {
			m.Set(x, y, color.NRGBA{uint8(x * 4), uint8(y * 5), 128, 255})
		}
	}
	var pngBuf, jpegBuf, gifBuf, bigBuf bytes.Buffer
	if err := png.Encode(&pngBuf, m); err != nil {
		return nil, err
	}
	if err := jpeg.Encode(&jpegBuf, m, nil); err != nil {
		return nil, err
	}
	if err := gif.Encode(&gifBuf, m, nil); err != nil {
		return nil, err
	}
	big := image.NewRGBA(image.Rect(0, 0, 1800, 900))
	for y := 0; y < 900; y++ {
		for x := 0; x < 1800; x++ {
			i := big.PixOffset(x, y)
			big.Pix[i], big.Pix[i+1], big.Pix[i+2], big.Pix[i+3] = uint8(x/8), uint8(y/4), 160, 255
		}
	}
	if err := jpeg.Encode(&bigBuf, big, &jpeg.Options{Quality: 80}); err != nil {
		return nil, err
	}
	webp, err := os.ReadFile("testdata/images/lossy.webp")
	if err != nil {
		return nil, err
	}
	webpLossless, err := os.ReadFile("testdata/images/lossless-alpha.webp")
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		"png": pngBuf.Bytes(), "jpeg": jpegBuf.Bytes(), "gif": gifBuf.Bytes(), "big": bigBuf.Bytes(),
		"webp": webp, "webp-lossless": webpLossless,
	}, nil
}

// fullArticle holds every block and inline kind of the model, images of
// every kind, footnotes, a table, and hostile text.
func fullArticle(t testing.TB) *article.Article {
	imgs := testImages(t)
	img := func(kind, mediaType, alt string, caption ...article.Inline) *article.Image {
		return &article.Image{Data: imgs[kind], MediaType: mediaType, Alt: alt, Caption: caption, Source: kind}
	}
	long := strings.Repeat("Donaudampfschiff", 1250) // 20,000 letters
	return &article.Article{
		Meta: article.Meta{
			Title:       `Why <script>alert("x")</script> & "Quotes" Break Naive Exporters`,
			Subtitle:    "</p><p class=\"evil\"> and <![CDATA[ x ]]>",
			Authors:     []string{"Sam O'Neil", "Ана Ли"},
			Section:     "Technology",
			Date:        time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC),
			Language:    "en",
			SourceURL:   "https://example.org/essays/exporters?a=1&b=2",
			SiteName:    "Example & Co",
			Rights:      "CC BY 4.0",
			Description: "An article that holds every kind of block & inline.",
			Keywords:    []string{"xml", "escaping", "<tags>"},
		},
		Blocks: []article.Block{
			para(tx("Markup-looking text: </p><p class=\"evil\">, <![CDATA[ x ]]>, &amp; &nbsp; &#x41; & < 3."), ref("1")),
			para(tx("Controls \x00\x01\x08\x0b\x0c\x1b\x7f\u0085\ufffe\uffff\ufdd0 gone; tab\tkept; CR\r\nLF; emoji 📚, CJK 书, RTL שלום עולם.")),
			heading(2, "Inline kinds"),
			para(em(tx("emphasis")), tx(", "), strong(tx("strong")), tx(", "), strike(tx("struck")), tx(", "),
				code("x := <-ch && y"), tx(", "), link("https://example.org/a?b=1&c=2", tx("a link")),
				tx(", "), link("#inline-kinds", tx("a fragment link")), tx(", "),
				link("#nowhere", tx("a broken fragment")), tx(", "), link("javascript:alert(1)", tx("a script")),
				tx(","), br(), tx("after a break"), ref("note-b"), tx(" and "), link("https://example.org/empty")),
			heading(4, "A heading that skips a level"),
			heading(3, "Lists"),
			&article.List{Items: []article.ListItem{
				item(ptext("one")),
				item(ptext("two"), &article.List{Ordered: true, Start: 3, Items: []article.ListItem{
					item(ptext("three")), item(ptext("four"), ptext("second paragraph")),
				}}),
			}},
			&article.List{Ordered: true, Items: []article.ListItem{item(ptext("first"))}},
			heading(3, "Quote"),
			&article.Quote{Blocks: []article.Block{ptext("A quote."), ptext("Its second paragraph.")},
				Attribution: []article.Inline{tx("— a note pinned above "), em(tx("Léa's")), tx(" desk")}},
			&article.Quote{Blocks: []article.Block{ptext("A quote without attribution.")}},
			heading(2, "Code"),
			&article.CodeBlock{Language: "go", Text: "func main() {\n\tif a < b && c > d {\n\t\tfmt.Println(\"<p>\")\n\t}\n}\n"},
			&article.CodeBlock{Text: "]]> <![CDATA[ plain"},
			heading(2, "Images"),
			img("png", "image/png", "A small PNG gradient", tx("A PNG "), em(tx("caption"))),
			img("jpeg", "image/jpeg", "A small JPEG gradient"),
			img("gif", "image/gif", "A small GIF"),
			img("webp", "image/webp", "A lossy WebP", tx("Converted to JPEG")),
			img("webp-lossless", "image/webp", "A lossless WebP with alpha", tx("Converted to PNG")),
			img("big", "image/jpeg", "A large JPEG scaled down", tx("1800 × 900 scaled to 1600 × 800")),
			img("png", "image/png", "The same PNG again"),
			&article.Image{Data: []byte("<svg xmlns='http://www.w3.org/2000/svg'/>"), MediaType: "image/svg+xml",
				Alt: "An SVG offprint cannot embed", Caption: article.Plain("Its caption stays"), Source: "drawing.svg"},
			heading(2, "Table"),
			&article.Table{
				Caption: article.Plain("Prices & sizes"),
				Header:  cells("Item", "Size", "Price"),
				Rows:    [][]article.Cell{cells("Tea", "<small>", "1.50"), cells("Coffee", "large")},
				Align:   []article.Align{article.AlignLeft, article.AlignCenter, article.AlignRight},
			},
			&article.Table{Rows: [][]article.Cell{cells("no", "header")}},
			&article.Table{Header: cells("", "Count"), Rows: [][]article.Cell{cells("Apples", "3")}},
			&article.Table{Header: cells("", " "), Rows: [][]article.Cell{cells("blank", "header")}},
			&article.Rule{},
			heading(2, "A 20,000-letter word"),
			ptext(long),
			heading(2, "Right to left"),
			ptext("שלום עולם, זהו משפט בעברית."),
			heading(2, "   "),
		},
		Notes: []article.Note{
			{ID: "1", Blocks: []article.Block{ptext("The first note, with <markup> & an ampersand.")}},
			{ID: "note-b", Blocks: []article.Block{ptext("A second note."), ptext("Its second paragraph, then a reference."),
				&article.CodeBlock{Text: "code in a note"}}},
			{ID: "unreferenced note", Blocks: []article.Block{heading(2, "Heading in a note"), ptext("Nobody refers to this note.")}},
		},
	}
}
