package convert

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/picture"
)

func TestFitImages(t *testing.T) {
	enc := func(w, h int) []byte {
		m := image.NewGray(image.Rect(0, 0, w, h))
		for i := range m.Pix {
			m.Pix[i] = uint8(i)
		}
		var b bytes.Buffer
		if err := png.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	big := enc(3000, 100)
	small := enc(30, 20)
	// A readable header, too large to keep: decoded, and cut. Each use
	// but the last has data of its own, all the same bytes: one image,
	// tried and warned about once.
	broken := func() []byte { return bytes.Clone(big[:len(big)/2]) }
	shared := broken()
	img := func(data []byte, alt string, caption ...article.Inline) *article.Image {
		return &article.Image{Data: data, MediaType: "image/png", Alt: alt, Caption: caption, Source: alt + ".png"}
	}
	para := func(s string) *article.Paragraph { return &article.Paragraph{Inlines: article.Plain(s)} }
	a := &article.Article{
		Meta: article.Meta{Title: "T"},
		Blocks: []article.Block{
			img(big, "first"),
			img(small, "small"),
			img(big, "again"), // the same data: fitted once
			&article.Quote{Blocks: []article.Block{img(shared, "quoted", article.Plain("A caption")...)}},
			&article.List{Items: []article.ListItem{{Blocks: []article.Block{img(broken(), "listed")}}}},
			para("Press the gear button to go on."),
			img(broken(), "gear button"), // hoisted from the sentence: its alt is there already
			img(broken(), ""),
			&article.Rule{},
			img(shared, "alone"), // warned about once, with "quoted" and the others
		},
		Notes: []article.Note{{ID: "1", Blocks: []article.Block{para("Note."), img(big, "noted")}}},
	}
	var warnings []string
	fitImages(a, func(m string) { warnings = append(warnings, m) })

	var got []string
	walk := func(b article.Block) bool {
		switch x := b.(type) {
		case *article.Image:
			got = append(got, x.Alt+" "+x.MediaType)
			if max(x.Width, x.Height) > picture.DefaultMaxEdge {
				t.Errorf("%s: %d×%d", x.Alt, x.Width, x.Height)
			}
		case *article.Paragraph:
			got = append(got, "¶ "+article.InlineText(x.Inlines))
		case *article.Quote:
			got = append(got, "quote")
		case *article.List:
			got = append(got, "list")
		}
		return true
	}
	article.WalkBlocks(a.Blocks, walk)
	article.WalkBlocks(a.Notes[0].Blocks, walk)
	// Left out, an image leaves its caption and nothing of its alt text:
	// the list whose only item held one goes with it.
	want := []string{"first image/png", "small image/png", "again image/png", "quote", "¶ A caption",
		"¶ Press the gear button to go on.", "¶ Note.", "noted image/png"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
	first, again := a.Blocks[0].(*article.Image), a.Blocks[2].(*article.Image)
	if first.Width != 2400 || first.Height != 80 || &first.Data[0] != &again.Data[0] {
		t.Errorf("first %d×%d, the second use not shared", first.Width, first.Height)
	}
	if !bytes.Equal(a.Blocks[1].(*article.Image).Data, small) {
		t.Error("a small image was changed")
	}
	if len(warnings) != 1 {
		t.Fatalf("warnings %q, want 1", warnings)
	}
	for _, w := range warnings {
		if !strings.HasPrefix(w, "convert: image ") || !strings.Contains(w, "not a readable PNG image") {
			t.Errorf("warning %q", w)
		}
	}
	if err := a.Validate(); err != nil {
		t.Error(err)
	}
}

// TestFitImagesByContent checks that images with the same bytes in
// separate copies (a page that names one file ten times, each read
// afresh) are fitted once and share the result, and that the article's
// image budget leaves the rest out with one warning.
func TestFitImagesByContent(t *testing.T) {
	enc := func(w, h int, v uint8) []byte {
		m := image.NewGray(image.Rect(0, 0, w, h))
		for i := range m.Pix {
			m.Pix[i] = uint8(i) + v
		}
		var b bytes.Buffer
		if err := png.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	big := enc(3000, 100, 0)
	var blocks []article.Block
	for i := range 10 {
		blocks = append(blocks, &article.Image{Data: bytes.Clone(big), Alt: fmt.Sprint("copy ", i)})
	}
	a := &article.Article{Meta: article.Meta{Title: "T"}, Blocks: blocks}
	var warnings []string
	fitImages(a, func(m string) { warnings = append(warnings, m) })
	first := a.Blocks[0].(*article.Image)
	if first.Width != picture.DefaultMaxEdge {
		t.Fatalf("not fitted: %d×%d", first.Width, first.Height)
	}
	for i, b := range a.Blocks {
		if img := b.(*article.Image); &img.Data[0] != &first.Data[0] || img.Width != first.Width {
			t.Errorf("copy %d: fitted on its own", i)
		}
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %q", warnings)
	}

	// Over the budget: 600 distinct small images, the last 100 left out
	// with one warning; their captions stay, their alt texts do not.
	// Every image is distinct by its size.
	blocks = nil
	for i := range picture.DefaultBudgetImages + 100 {
		blocks = append(blocks, &article.Image{Data: enc(1+i%40, 1+i/40, 0), Alt: fmt.Sprint("img ", i), Caption: article.Plain(fmt.Sprint("Figure ", i))})
	}
	a = &article.Article{Meta: article.Meta{Title: "T"}, Blocks: blocks}
	warnings = nil
	fitImages(a, func(m string) { warnings = append(warnings, m) })
	images, paras := 0, 0
	for _, b := range a.Blocks {
		switch b.(type) {
		case *article.Image:
			images++
		case *article.Paragraph:
			paras++
		}
	}
	if images != picture.DefaultBudgetImages || paras != 100 || strings.Contains(article.BlockText(&article.Quote{Blocks: a.Blocks}), "img ") {
		t.Errorf("%d images kept, %d left out; want %d, 100", images, paras, picture.DefaultBudgetImages)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "100 images left out, over the article's image budget") {
		t.Errorf("warnings %q", warnings)
	}
}

// TestBrokenImageLeftOutOfBoth checks that a cut image whose header is
// whole (the first 2,000 bytes of a 2000×2000 PNG, small enough to be
// kept as it is) is left out of the EPUB and of the PDF alike, with one
// warning, instead of being embedded in the PDF as a stream that fails to
// inflate.
func TestBrokenImageLeftOutOfBoth(t *testing.T) {
	m := image.NewGray(image.Rect(0, 0, 2000, 2000)) // no alpha: gofpdf copies its IDAT data as it is
	for i := range m.Pix {
		m.Pix[i] = uint8(i * 7)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	cut := b.Bytes()[:2000]
	if _, err := picture.Check(cut, 0); err != nil {
		t.Fatalf("the header should pass: %v", err)
	}
	a := &article.Article{
		Meta: article.Meta{Title: "Broken image", Language: "en"},
		Blocks: []article.Block{
			&article.Paragraph{Inlines: article.Plain("Before the image.")},
			&article.Image{Data: cut, MediaType: "image/png", Alt: "a cut picture", Source: "cut.png"},
		},
	}
	var warnings []string
	warn := func(m string) { warnings = append(warnings, m) }
	fitImages(a, warn)
	res, err := Write(a, Options{OutDir: t.TempDir(), Warn: warn})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `image "cut.png" left out: not a readable PNG image`) {
		t.Errorf("warnings %q, want one about cut.png", warnings)
	}
	for _, p := range res.Paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("/Subtype /Image")) || bytes.Contains(data, []byte("image-001")) {
			t.Errorf("%s: an image is embedded", filepath.Base(p))
		}
	}
}
