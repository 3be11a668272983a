package shape

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestAgainstHarfBuzz shapes words of each script offprint shapes with the
// embedded fonts and checks that the glyph ids, in visual order, are the
// ones HarfBuzz's hb-shape (Debian's libharfbuzz-bin) gives on the same
// font file: Arabic joining forms and lam-alef, Persian and Urdu letters,
// Hebrew with points, Devanagari conjuncts, reph and pre-base matras, Thai
// marks.
func TestAgainstHarfBuzz(t *testing.T) {
	hb, err := exec.LookPath("hb-shape")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("hb-shape is missing (install libharfbuzz-bin)")
		}
		t.Skip("hb-shape is missing (install libharfbuzz-bin)")
	}
	dir := filepath.Join("..", "..", "assets", "fonts", "scripts")
	cases := []struct {
		file  string
		rtl   bool
		words []string
	}{
		{"NotoNaskhArabic-Regular.ttf", true, []string{"السلام", "لا", "الله", "مستشفى", "بِسْمِ", "محمد", "می‌خواهم", "پژوهش", "گفتگو", "اردو", "ہے", "کیا"}},
		{"NotoSerifHebrew-Regular.ttf", true, []string{"שלום", "בְּרֵאשִׁית", "ירושלים", "חוות"}},
		{"NotoSerifDevanagari-Regular.ttf", false, []string{"क्षत्रिय", "किसान", "कर्म", "हिन्दी", "श्री", "द्वारा", "प्रधानमंत्री", "ज़िले", "र्क"}},
		{"NotoSerifThai-Regular.ttf", false, []string{"ภาษาไทย", "น้ำ", "ที่", "กรุงเทพมหานคร", "ปี่"}},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.words {
			out, err := exec.Command(hb, "--no-glyph-names", "--no-positions", "--no-clusters", path, w).Output()
			if err != nil {
				t.Fatalf("hb-shape %s %q: %v", c.file, w, err)
			}
			want := strings.Trim(strings.TrimSpace(string(out)), "[]")
			var got []string
			for _, g := range f.Shape([]rune(w), c.rtl, "") {
				got = append(got, strconv.Itoa(int(g.ID)))
			}
			if strings.Join(got, "|") != want {
				t.Errorf("%s %q: glyphs %s, hb-shape %s", c.file, w, strings.Join(got, "|"), want)
			}
		}
	}
}
