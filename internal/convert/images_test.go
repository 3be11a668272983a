package convert

import (
	"bytes"
	"image"
	"image/png"
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
	// but the last has data of its own.
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
			img(shared, "alone"), // warned about once, with "quoted"
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
	want := []string{"first image/png", "small image/png", "again image/png", "quote", "¶ A caption", "list", "¶ listed",
		"¶ Press the gear button to go on.", "¶ alone", "¶ Note.", "noted image/png"}
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
	if len(warnings) != 4 {
		t.Fatalf("warnings %q, want 4", warnings)
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
