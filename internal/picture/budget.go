package picture

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/offprint/offprint/article"
)

// The limits of a zero Budget: what one article's images may cost
// together, on top of the limits of each image (DefaultMaxBytes,
// MaxPixels).
const (
	// DefaultBudgetPixels is the most pixels an article's distinct
	// images may have together: 200 megapixels, four photographs at the
	// limit of one. Fitting decodes each image once, so this bounds the
	// decoding time of an article (about 0.4 s for each 50 MP).
	DefaultBudgetPixels int64 = 200_000_000

	// DefaultBudgetImages is the most distinct images an article
	// embeds: 500.
	DefaultBudgetImages = 500

	// DefaultBudgetBytes is the most encoded bytes an article's distinct
	// images may have together: 256 MiB, the memory a reader holds them
	// in.
	DefaultBudgetBytes int64 = 256 << 20
)

// ErrBudget is wrapped by the errors of images left out because the
// article's images together went over a limit (Budget.Admit), or because
// the time for fetching them ran out (the fetcher's errors wrap it too).
// Readers count such images and report them in one warning
// (Budget.Summary) instead of one each.
var ErrBudget = errors.New("over the article's image budget")

// Budget bounds what all the images of one article cost together: the
// number of distinct images, their pixels and their encoded bytes. An
// image whose bytes are those of one admitted before is the same image
// and costs nothing more. The zero value has the default limits; a
// Budget is safe for concurrent use, but callers that want the same
// article to give the same result admit its images in document order.
type Budget struct {
	// MaxPixels is the most pixels the distinct images may have
	// together; zero means DefaultBudgetPixels, negative no limit.
	MaxPixels int64
	// MaxImages is the most distinct images; zero means
	// DefaultBudgetImages, negative no limit.
	MaxImages int
	// MaxBytes is the most encoded bytes of the distinct images; zero
	// means DefaultBudgetBytes, negative no limit.
	MaxBytes int64

	mu      sync.Mutex
	seen    map[[sha256.Size]byte][]byte // the data of each admitted image, by content
	pixels  int64
	bytes   int64
	images  int
	left    int      // images left out over the budget
	reasons []string // why, each once, in the order first met
}

// Admit takes img, an image checked with Check (Data, Width and Height
// set), into the budget. When its bytes are those of an image admitted
// before, it is free and img.Data is set to the earlier copy, so that the
// article holds one copy and the conversion fits it once. When it does
// not fit in what is left, Admit counts it as left out and returns an
// error wrapping ErrBudget; img is unchanged. Later, smaller images may
// still fit.
func (b *Budget) Admit(img *article.Image) error {
	sum := sha256.Sum256(img.Data)
	px := int64(img.Width) * int64(img.Height)
	n := int64(len(img.Data))
	b.mu.Lock()
	defer b.mu.Unlock()
	if data, ok := b.seen[sum]; ok {
		img.Data = data
		return nil
	}
	var err error
	switch {
	case b.maxImages() >= 0 && b.images >= b.maxImages():
		err = fmt.Errorf("%w: more than %d images", ErrBudget, b.maxImages())
	case b.maxPixels() >= 0 && b.pixels+px > b.maxPixels():
		err = fmt.Errorf("%w: more than %s in all", ErrBudget, pixelCount(b.maxPixels()))
	case b.maxBytes() >= 0 && b.bytes+n > b.maxBytes():
		err = fmt.Errorf("%w: more than %s in all", ErrBudget, byteSize(b.maxBytes()))
	}
	if err != nil {
		b.leave(err)
		return err
	}
	if b.seen == nil {
		b.seen = make(map[[sha256.Size]byte][]byte)
	}
	b.seen[sum] = img.Data
	b.images++
	b.pixels += px
	b.bytes += n
	return nil
}

// Full reports whether the budget admits no new image any more: as many
// distinct images as it allows were admitted. Readers stop loading images
// (other than ones they loaded already) once it is full.
func (b *Budget) Full() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.maxImages() >= 0 && b.images >= b.maxImages()
}

// Leave counts an image left out for a reason found elsewhere, err
// (which should wrap ErrBudget): the time for fetching the images ran
// out, or the budget was full before the image was loaded.
func (b *Budget) Leave(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.leave(err)
}

func (b *Budget) leave(err error) {
	b.left++
	r := strings.TrimPrefix(err.Error(), "fetch: ")
	r = strings.TrimPrefix(r, ErrBudget.Error()+": ")
	for _, s := range b.reasons {
		if s == r {
			return
		}
	}
	b.reasons = append(b.reasons, r)
}

// Left returns how many images were left out over the budget.
func (b *Budget) Left() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.left
}

// Summary returns the one warning for every image left out over the
// budget, "" when none was: "3 images left out, over the article's image
// budget (more than 200 megapixels in all); their captions or alt texts
// are kept".
func (b *Budget) Summary() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.left == 0 {
		return ""
	}
	what := "1 image"
	if b.left > 1 {
		what = fmt.Sprintf("%d images", b.left)
	}
	return fmt.Sprintf("%s left out, %s (%s); their captions or alt texts are kept", what, ErrBudget, strings.Join(b.reasons, "; "))
}

func (b *Budget) maxPixels() int64 {
	if b.MaxPixels != 0 {
		return b.MaxPixels
	}
	return DefaultBudgetPixels
}

func (b *Budget) maxImages() int {
	if b.MaxImages != 0 {
		return b.MaxImages
	}
	return DefaultBudgetImages
}

func (b *Budget) maxBytes() int64 {
	if b.MaxBytes != 0 {
		return b.MaxBytes
	}
	return DefaultBudgetBytes
}

// byteSize formats a byte count for messages: "256 MiB", "1000 bytes".
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// pixelCount formats a pixel count for messages: "200 megapixels",
// "5000 pixels".
func pixelCount(n int64) string {
	if n >= 1_000_000 && n%1_000_000 == 0 {
		return fmt.Sprintf("%d megapixels", n/1_000_000)
	}
	return fmt.Sprintf("%d pixels", n)
}
