package pdf

import (
	"strings"
	"testing"
	"unicode"

	"github.com/offprint/offprint/internal/linebreak"
)

// TestCJKBreaks checks the break places cjkBreaks marks: between Chinese
// and Japanese characters, never before closing punctuation or a small
// kana, never after opening punctuation, never inside a Latin word, never
// in Korean.
func TestCJKBreaks(t *testing.T) {
	const z = "\u200b"
	for _, c := range []struct{ in, want string }{
		{"电商直播", "电" + z + "商" + z + "直" + z + "播"},
		{"好。他说", "好。" + z + "他" + z + "说"},
		{"「東京」へ", "「東" + z + "京」" + z + "へ"},
		{"ちょっと", "ちょっ" + z + "と"},
		{"用iPhone拍", "用" + z + "iPhone" + z + "拍"},
		{"전통 시장", "전통 시장"},
		{"plain text", "plain text"},
	} {
		if got := cjkBreaks(c.in); got != c.want {
			t.Errorf("cjkBreaks(%q) = %q, want %q", c.in, strings.ReplaceAll(got, z, "|"), strings.ReplaceAll(c.want, z, "|"))
		}
	}
}

// TestReorder checks the visual order of a line's segments: a
// right-to-left line is mirrored, Latin words and numbers in it keep
// their order, and a Hebrew phrase in an English line reads right to left.
func TestReorder(t *testing.T) {
	l := newLayout(newGeometry(A4, 10.5), &fontSet{})
	heb := l.style(textStyle{face: faceHebrew, size: 10})
	lat := l.style(textStyle{face: faceSerif, size: 10})
	seg := func(text string, st int, x float64) linebreak.Segment {
		return linebreak.Segment{Text: text, Style: st, X: x, Width: 10}
	}
	order := func(segs []linebreak.Segment) string {
		s := append([]linebreak.Segment(nil), segs...)
		for i := range s {
			for j := i + 1; j < len(s); j++ {
				if s[j].X < s[i].X {
					s[i], s[j] = s[j], s[i]
				}
			}
		}
		var b []string
		for _, x := range s {
			b = append(b, x.Text)
		}
		return strings.Join(b, " ")
	}
	for _, c := range []struct {
		rtl  bool
		segs []linebreak.Segment
		want string
	}{
		{true, []linebreak.Segment{seg("א", heb, 0), seg("ב", heb, 20), seg("ג", heb, 40)}, "ג ב א"},
		{true, []linebreak.Segment{seg("א", heb, 0), seg("New", lat, 20), seg("York", lat, 40), seg("ב", heb, 60)}, "ב New York א"},
		{true, []linebreak.Segment{seg("א", heb, 0), seg("2018", lat, 20), seg("ב", heb, 40)}, "ב 2018 א"},
		{false, []linebreak.Segment{seg("say", lat, 0), seg("א", heb, 20), seg("ב", heb, 40), seg("now", lat, 60)}, "say ב א now"},
	} {
		segs := append([]linebreak.Segment(nil), c.segs...)
		l.reorder(segs, 100, c.rtl)
		if got := order(segs); got != c.want {
			t.Errorf("reorder(rtl=%v) = %q, want %q", c.rtl, got, c.want)
		}
	}
}

// TestThaiBreaks checks that Thai text gets break places between
// syllables, none inside a cluster, and that the text is otherwise kept.
func TestThaiBreaks(t *testing.T) {
	for _, in := range []string{"ภาษาไทยเป็นภาษาที่ไม่มีช่องว่างระหว่างคำ", "กรุงเทพมหานคร", "เรือโดยสารในคลองแสนแสบ"} {
		got := thaiBreaks(in)
		if strings.ReplaceAll(got, "\u200b", "") != in {
			t.Fatalf("thaiBreaks(%q) changed the text: %q", in, got)
		}
		parts := strings.Split(got, "\u200b")
		if len(parts) < 2 {
			t.Errorf("thaiBreaks(%q): no break", in)
		}
		for i, p := range parts {
			rs := []rune(p)
			if i > 0 && unicode.Is(unicode.M, rs[0]) {
				t.Errorf("thaiBreaks(%q): a part starts with a mark: %q", in, strings.Join(parts, "|"))
			}
			if i < len(parts)-1 && rs[len(rs)-1] >= 0x0E40 && rs[len(rs)-1] <= 0x0E44 {
				t.Errorf("thaiBreaks(%q): a part ends with a leading vowel: %q", in, strings.Join(parts, "|"))
			}
		}
		t.Logf("%s", strings.Join(parts, "|"))
	}
}
