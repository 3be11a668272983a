package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// placedText is a string placed on a page: its position in hundredths of a
// point and its bytes as written in the content stream.
type placedText struct {
	x, y int64
	s    string
}

// TestRawText checks that the text objects rawText writes place the same
// strings at the same positions as gofpdf's Text, word by word.
func TestRawText(t *testing.T) {
	m, err := embeddedMetrics(faceSerif)
	if err != nil {
		t.Fatal(err)
	}
	type word struct {
		x, y float64
		s    string
	}
	var words []word
	for i, s := range []string{"plain", "(paren)", "back\\slash", "Шуба", "Ш(", "\r", "«Ёлка»", "—", "1½", "‘q’", "∑€ﬁ", "", "x"} {
		y := 20.125 + float64(i/4)*17.77 // four words a line
		words = append(words, word{10.005 + float64(i%4)*33.333, y, s})
	}
	words = append(words, word{-3.2, 500, "off the page"}, word{-1.004, 500, "neg"}, word{60, 520, "right"}, word{10.006, 520, "left"})
	doc := func(raw bool) []placedText {
		pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "pt", Size: gofpdf.SizeType{Wd: 300, Ht: 600}})
		pdf.SetCompression(false)
		addFace(pdf, faceSerif, m)
		pdf.AddPage()
		pdf.SetFont(fontKey(faceSerif, m.psName), "", 10)
		d := &drawer{pdf: pdf}
		for _, w := range words {
			if raw {
				d.rawText(w.x, w.y, w.s)
			} else {
				pdf.Text(w.x, w.y, w.s)
			}
		}
		d.flushText()
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return contentText(t, b.Bytes())
	}
	want, got := doc(false), doc(true)
	if len(want) != len(words) {
		t.Fatalf("gofpdf placed %d strings, want %d", len(want), len(words))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rawText places\n%+v\ngofpdf\n%+v", got, want)
	}
}

// contentText reads the strings placed by the text operators of a
// one-page document's content stream: "BT x y Td (s) Tj [dx dy Td (s)
// Tj]… ET", gofpdf's and rawText's only forms.
func contentText(t *testing.T, doc []byte) []placedText {
	t.Helper()
	_, rest, _ := bytes.Cut(doc, []byte("stream\n"))
	content, _, _ := bytes.Cut(rest, []byte("\nendstream"))
	var out []placedText
	var nums []int64
	var x, y int64
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case c == '(':
			j := i + 1
			for ; j < len(content) && content[j] != ')'; j++ {
				if content[j] == '\\' {
					j++
				}
			}
			out = append(out, placedText{x, y, string(content[i+1 : j])})
			i = j + 1
		case c == ' ' || c == '\n':
			i++
		default:
			j := i
			for j < len(content) && content[j] != ' ' && content[j] != '\n' && content[j] != '(' {
				j++
			}
			tok := string(content[i:j])
			switch tok {
			case "BT":
				x, y = 0, 0
			case "Td":
				if len(nums) < 2 {
					t.Fatalf("Td without operands in %q", content)
				}
				x, y = x+nums[len(nums)-2], y+nums[len(nums)-1]
			}
			if f, err := strconv.ParseFloat(tok, 64); err == nil {
				nums = append(nums, int64(f*100+copysign(0.5, f)))
			} else {
				nums = nums[:0]
			}
			i = j
		}
	}
	return out
}

func copysign(a, b float64) float64 {
	if b < 0 {
		return -a
	}
	return a
}
