package benchdata

import (
	"slices"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/reader"
)

// TestRoundTrip reads the Markdown back: the metadata and every block's
// text must survive, repeated as asked.
func TestRoundTrip(t *testing.T) {
	want, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 3} {
		md, err := Markdown(n)
		if err != nil {
			t.Fatal(err)
		}
		got, err := reader.Read("bench.md", md, reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got.Meta.Title != want.Meta.Title || !slices.Equal(got.Meta.Authors, want.Meta.Authors) ||
			!got.Meta.Date.Equal(want.Meta.Date) || got.Meta.Language != want.Meta.Language {
			t.Errorf("n=%d: metadata %+v, want %+v", n, got.Meta, want.Meta)
		}
		if len(got.Blocks) != n*len(want.Blocks) {
			t.Fatalf("n=%d: %d blocks, want %d", n, len(got.Blocks), n*len(want.Blocks))
		}
		for i, bl := range got.Blocks {
			w := want.Blocks[i%len(want.Blocks)]
			if g, w := article.BlockText(bl), article.BlockText(w); g != w {
				t.Errorf("n=%d block %d:\n got %q\nwant %q", n, i, g, w)
			}
		}
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain":        "plain",
		"*not* em":     `\*not\* em`,
		"- not a list": `\- not a list`,
		"a - b":        "a - b",
		"# no heading": `\# no heading`,
		"<b>":          `\<b\>`,
	} {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
	if strings.Contains(string(Encode(&article.Article{Meta: article.Meta{Title: "a\"b"}})), `"a"b"`) {
		t.Error("title quote not escaped")
	}
}
