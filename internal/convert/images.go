package convert

import (
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/picture"
)

// fitImages fits every image of the article, body and footnotes, for the
// renderers with picture.Fit: at most picture.DefaultMaxEdge pixels on the
// long edge, upright, PNG, JPEG or GIF, and read to its end (a cut or
// damaged image is refused here, so that both outputs leave it out).
// Images with the same bytes (one file used twice, even when read twice)
// are fitted once and share the result, which each renderer then stores
// once. The article's distinct images are held to a picture.Budget (at
// most picture.DefaultBudgetImages of them and
// picture.DefaultBudgetPixels in all), checked from their headers before
// anything is decoded; the images over it are left out with one warning
// saying how many. An image that cannot be fitted is left out with a
// warning. Either way its caption is kept in its place, its alt text not.
func fitImages(a *article.Article, warn func(string)) {
	var budget picture.Budget
	fitted := make(map[[sha256.Size]byte]*article.Image) // the first image of each content; nil Data if it failed
	var failed map[*article.Image]bool
	leave := func(img *article.Image) {
		img.Data = nil
		if failed == nil {
			failed = make(map[*article.Image]bool)
		}
		failed[img] = true
	}
	fit := func(b article.Block) bool {
		img, ok := b.(*article.Image)
		if !ok || len(img.Data) == 0 { // no data: article.Validate reports it
			return true
		}
		k := sha256.Sum256(img.Data)
		if done, ok := fitted[k]; ok {
			if done.Data == nil {
				leave(img)
			} else {
				img.Data, img.MediaType, img.Width, img.Height = done.Data, done.MediaType, done.Width, done.Height
			}
			return true
		}
		fitted[k] = img
		checked, err := picture.Check(img.Data, 0)
		if err == nil {
			err = budget.Admit(&checked)
		}
		if errors.Is(err, picture.ErrBudget) {
			leave(img) // counted in the budget's one warning
			return true
		}
		if err == nil {
			err = picture.Fit(img, picture.Options{})
		}
		if err != nil {
			warn(fmt.Sprintf("convert: image %s left out: %v", imageName(img), err))
			leave(img)
		}
		return true
	}
	article.WalkBlocks(a.Blocks, fit)
	for i := range a.Notes {
		article.WalkBlocks(a.Notes[i].Blocks, fit)
	}
	if msg := budget.Summary(); msg != "" {
		warn("convert: " + msg)
	}
	if failed == nil {
		return
	}
	a.Blocks = leaveOut(a.Blocks, failed)
	for i := range a.Notes {
		a.Notes[i].Blocks = leaveOut(a.Notes[i].Blocks, failed)
	}
}

// leaveOut replaces each image of out by its caption, as a paragraph, or
// drops it: its alt text stood for the picture and goes with it, for it
// is no text of the article (set as a paragraph it repeated the caption or
// the sentence beside it, or named a file). Quotes and list items left
// empty are dropped too.
func leaveOut(blocks []article.Block, out map[*article.Image]bool) []article.Block {
	kept := blocks[:0]
	for _, b := range blocks {
		switch x := b.(type) {
		case *article.Image:
			if !out[x] {
				break
			}
			if len(x.Caption) > 0 {
				b = &article.Paragraph{Inlines: x.Caption}
			} else {
				b = nil
			}
		case *article.Quote:
			if x.Blocks = leaveOut(x.Blocks, out); len(x.Blocks) == 0 {
				b = nil
			}
		case *article.List:
			items := x.Items[:0]
			for _, it := range x.Items {
				if it.Blocks = leaveOut(it.Blocks, out); len(it.Blocks) > 0 {
					items = append(items, it)
				}
			}
			if x.Items = items; len(items) == 0 {
				b = nil
			}
		}
		if b != nil {
			kept = append(kept, b)
		}
	}
	return kept
}

// imageName names an image in messages: where it came from, else its alt
// text.
func imageName(img *article.Image) string {
	switch {
	case img.Source != "":
		return fmt.Sprintf("%q", img.Source)
	case img.Alt != "":
		return fmt.Sprintf("with alt text %q", img.Alt)
	}
	return "(unnamed)"
}
