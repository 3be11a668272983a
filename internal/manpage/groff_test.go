package manpage

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// TestGroff renders every golden page with groff, all warnings on: a page
// groff warns about, or whose text comes out wrong, fails. The test is
// skipped (locally and under CI alike) when groff is not installed: it is
// not part of the build environment offprint promises (apt-get install
// groff-base provides it).
func TestGroff(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff is not installed (apt-get install groff-base); roff output not rendered")
	}
	for _, tt := range goldenTests {
		t.Run(tt.name, func(t *testing.T) {
			var page bytes.Buffer
			if err := Write(&page, tt.fs(), tt.page); err != nil {
				t.Fatal(err)
			}
			var out, stderr bytes.Buffer
			cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-rLL=250n")
			cmd.Stdin = bytes.NewReader(page.Bytes())
			cmd.Stdout, cmd.Stderr = &out, &stderr
			cmd.Env = append(cmd.Environ(), "GROFF_SGR=", "GROFF_NO_SGR=1")
			if err := cmd.Run(); err != nil {
				t.Fatalf("groff: %v\n%s", err, stderr.Bytes())
			}
			if stderr.Len() > 0 {
				t.Errorf("groff warns:\n%s", stderr.Bytes())
			}
			// Lines are long enough not to wrap; words are compared with
			// single spaces, except in the literal block.
			raw := plain(out.String())
			text := strings.Join(strings.Fields(raw), " ")
			for _, want := range renderWants[tt.name] {
				if !strings.Contains(raw, want) && !strings.Contains(text, want) {
					t.Errorf("rendered page lacks %q:\n%s", want, text)
				}
			}
		})
	}
}

// renderWants are texts the rendered pages must contain, as a reader sees
// them.
var renderWants = map[string][]string{
	"full": {
		"offprint - turn an article into an EPUB for e-readers",
		"offprint [OPTIONS] [INPUT...]",
		"-o, --out-dir DIR",
		`write outputs into DIR (created when missing) (default ".")`,
		"--color WHEN[=always]",
		`override the language (BCP 47, e.g. "en", 'ru', en-GB)`,
		".txt files are read as scraped text",
		"and \\ backslashes stay",
		"Наталья Маркова writes in Russian; emoji 😚 and ~/tilde ^caret `grave` survive.",
		"    offprint -o out article.txt\n",
		"    ls out/   # <title>.epub <title>.pdf",
		`cat page.html | offprint --from html --title "A \"quoted\" title" -`,
		"SOURCE_DATE_EPOCH",
		"SEE ALSO pandoc(1), ebook-convert(1), epubcheck offprint 1.2.0 (abc123) 2024-05-01 OFFPRINT(1)",
	},
	"minimal":     {"TOOL(1)", "SYNOPSIS tool tool TOOL(1)"},
	"hidden-only": {"X(8)", "System Administration", "x - do x"},
}

// plain removes overstriking (bold as c\bc, underline as _\bc) from
// grotty's output, leaving the text.
func plain(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) && rs[i+1] == '\b' {
			i++ // drop the character before the backspace
			continue
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}
