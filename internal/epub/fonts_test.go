package epub

import (
	"slices"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

// TestEmbeddedFonts checks that --embed-fonts embeds the families the PDF
// draws with: PT for English and Russian, Noto for Greek and Vietnamese,
// and both for an English article with a Greek word, each with its
// licence, and that the stylesheet's font lists follow.
func TestEmbeddedFonts(t *testing.T) {
	art := func(lang string, paras ...string) *article.Collection {
		a := &article.Article{Meta: article.Meta{Title: paras[0], Language: lang}}
		for _, p := range paras[1:] {
			a.Blocks = append(a.Blocks, ptext(p))
		}
		return article.Single(a)
	}
	english := strings.Repeat("The council met on Tuesday to discuss the harbour. ", 20)
	for _, tc := range []struct {
		name  string
		c     *article.Collection
		files []string
		body  string
		lic   []string
	}{
		{"english", art("en", "Harbour news", english),
			[]string{"PTSerif-Regular.ttf", "PTSerif-Italic.ttf", "PTSerif-Bold.ttf", "PTSerif-BoldItalic.ttf", "PTSans-Regular.ttf", "PTSans-Bold.ttf", "PTMono-Regular.ttf"},
			`body { font-family: "PT Serif", serif; }`, []string{"ParaType"}},
		{"russian", art("ru", "Новости порта", strings.Repeat("Совет собрался во вторник, чтобы обсудить гавань. ", 20)),
			[]string{"PTSerif-Regular.ttf", "PTSerif-Italic.ttf", "PTSerif-Bold.ttf", "PTSerif-BoldItalic.ttf", "PTSans-Regular.ttf", "PTSans-Bold.ttf", "PTMono-Regular.ttf"},
			`body { font-family: "PT Serif", serif; }`, []string{"ParaType"}},
		{"greek", art("el", "Νέα μονάδα αφαλάτωσης", "Για χρόνια, κάθε καλοκαίρι η ίδια εικόνα επαναλαμβανόταν στη Σίφνο."),
			[]string{"NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansMono-Regular.ttf"},
			`body { font-family: "Noto Serif", serif; }`, []string{"SIL Open Font License"}},
		{"vietnamese", art("vi", "Nông dân ven biển", "Mới đầu tháng Ba, ông Lê Văn Tám ở vùng ven biển Ba Tri đã phải dùng máy đo độ mặn."),
			[]string{"NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansMono-Regular.ttf"},
			`body { font-family: "Noto Serif", serif; }`, []string{"SIL Open Font License"}},
		{"english-greek-word", art("en", "Harbour news", english+"They called it λόγος."),
			[]string{"PTSerif-Regular.ttf", "PTSerif-Italic.ttf", "PTSerif-Bold.ttf", "PTSerif-BoldItalic.ttf", "PTSans-Regular.ttf", "PTSans-Bold.ttf", "PTMono-Regular.ttf",
				"NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansMono-Regular.ttf"},
			`body { font-family: "PT Serif", "Noto Serif", serif; }`, []string{"ParaType", "SIL Open Font License"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fonts, css, license, err := embeddedFonts(tc.c)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, f := range fonts {
				names = append(names, f.name)
				if len(f.data) < 10000 {
					t.Errorf("%s: %d bytes", f.name, len(f.data))
				}
				if !strings.Contains(string(css), "src: url(../fonts/"+f.name+")") {
					t.Errorf("no @font-face for %s", f.name)
				}
			}
			if !slices.Equal(names, tc.files) {
				t.Errorf("fonts %v, want %v", names, tc.files)
			}
			if !strings.Contains(string(css), tc.body) {
				t.Errorf("stylesheet lacks %s:\n%s", tc.body, css)
			}
			for _, s := range tc.lic {
				if !strings.Contains(string(license), s) {
					t.Errorf("licence lacks %q", s)
				}
			}
		})
	}
}
