package picture

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/offprint/offprint/article"
)

func TestBudget(t *testing.T) {
	// img returns a checked-looking image of w×h pixels whose bytes are
	// n bytes of the value id.
	img := func(id byte, w, h, n int) *article.Image {
		return &article.Image{Data: bytes.Repeat([]byte{id}, n), Width: w, Height: h}
	}
	type admit struct {
		img *article.Image
		err string // part of the error; empty: admitted
	}
	tests := []struct {
		name    string
		budget  Budget
		admits  []admit
		summary string
	}{
		{"defaults: ten 49 MP copies of one image cost one", Budget{}, []admit{
			{img(1, 7000, 7000, 100), ""}, {img(1, 7000, 7000, 100), ""}, {img(1, 7000, 7000, 100), ""},
			{img(1, 7000, 7000, 100), ""}, {img(1, 7000, 7000, 100), ""}, {img(1, 7000, 7000, 100), ""},
			{img(1, 7000, 7000, 100), ""}, {img(1, 7000, 7000, 100), ""}, {img(1, 7000, 7000, 100), ""},
			{img(1, 7000, 7000, 100), ""},
		}, ""},
		{"defaults: the fifth distinct 49 MP image is over", Budget{}, []admit{
			{img(1, 7000, 7000, 10), ""}, {img(2, 7000, 7000, 10), ""}, {img(3, 7000, 7000, 10), ""},
			{img(4, 7000, 7000, 10), ""}, {img(5, 7000, 7000, 10), "more than 200 megapixels in all"},
			{img(6, 100, 100, 10), ""}, // a small one still fits
		}, "1 image left out, over the article's image budget (more than 200 megapixels in all)"},
		{"count", Budget{MaxImages: 2}, []admit{
			{img(1, 1, 1, 1), ""}, {img(2, 1, 1, 1), ""}, {img(3, 1, 1, 1), "more than 2 images"},
			{img(1, 1, 1, 1), ""}, // seen before: free
			{img(4, 1, 1, 1), "more than 2 images"},
		}, "2 images left out, over the article's image budget (more than 2 images)"},
		{"bytes", Budget{MaxBytes: 100}, []admit{
			{img(1, 1, 1, 60), ""}, {img(2, 1, 1, 60), "more than 100 bytes in all"}, {img(3, 1, 1, 40), ""},
		}, "more than 100 bytes in all"},
		{"pixels, small limit", Budget{MaxPixels: 5000}, []admit{
			{img(1, 50, 50, 1), ""}, {img(2, 50, 50, 1), ""}, {img(3, 1, 1, 1), "more than 5000 pixels in all"},
		}, "more than 5000 pixels in all"},
		{"no limits", Budget{MaxPixels: -1, MaxImages: -1, MaxBytes: -1}, []admit{
			{img(1, 50000, 50000, 1), ""}, {img(2, 50000, 50000, 1), ""},
		}, ""},
	}
	for i := range tests {
		tt := &tests[i]
		t.Run(tt.name, func(t *testing.T) {
			var first []byte
			for i, a := range tt.admits {
				before := a.img.Data
				err := tt.budget.Admit(a.img)
				if a.err == "" {
					if err != nil {
						t.Fatalf("image %d: %v", i, err)
					}
				} else {
					if err == nil || !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), a.err) {
						t.Fatalf("image %d: error %v, want ErrBudget …%s…", i, err, a.err)
					}
					if &a.img.Data[0] != &before[0] {
						t.Errorf("image %d: data changed on refusal", i)
					}
				}
				if i == 0 {
					first = a.img.Data
				} else if err == nil && bytes.Equal(a.img.Data, first) && &a.img.Data[0] != &first[0] {
					t.Errorf("image %d: a copy of the first image keeps its own data", i)
				}
			}
			if got := tt.budget.Summary(); !strings.Contains(got, tt.summary) || (tt.summary == "") != (got == "") {
				t.Errorf("summary %q, want …%s…", got, tt.summary)
			}
		})
	}
}

func TestBudgetFullAndLeave(t *testing.T) {
	b := Budget{MaxImages: 1}
	if b.Full() {
		t.Fatal("full at first")
	}
	if err := b.Admit(&article.Image{Data: []byte{1}, Width: 1, Height: 1}); err != nil {
		t.Fatal(err)
	}
	if !b.Full() {
		t.Error("not full after one image of one")
	}
	timeout := fmt.Errorf("fetch: %w: the time for the page's images (1m0s) ran out", ErrBudget)
	b.Leave(timeout)
	b.Leave(timeout)
	want := "2 images left out, over the article's image budget (the time for the page's images (1m0s) ran out); their captions or alt texts are kept"
	if got := b.Summary(); got != want || b.Left() != 2 {
		t.Errorf("summary %q (%d left), want %q", got, b.Left(), want)
	}
}

// TestBudgetConcurrent admits the same images from several goroutines:
// each distinct image is counted once.
func TestBudgetConcurrent(t *testing.T) {
	var b Budget
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				_ = b.Admit(&article.Image{Data: []byte{byte(i), byte(g % 2)}, Width: 1000, Height: 1000})
			}
		})
	}
	wg.Wait()
	if b.Left() != 0 || b.images != 100 || b.pixels != 100_000_000 {
		t.Errorf("left %d, %d images, %d pixels; want 0, 100, 100000000", b.Left(), b.images, b.pixels)
	}
}
