package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenInputs are the documents whose whole model is compared with a
// golden dump: the corpus article and one synthetic document per theme.
func goldenInputs(t testing.TB) map[string]string {
	inputs := map[string]string{"reading-offline": filepath.Join(corpus, "reading-offline.md")}
	cases, err := filepath.Glob("testdata/cases/*.md")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, c := range cases {
		inputs[strings.TrimSuffix(filepath.Base(c), ".md")] = c
	}
	return inputs
}

func TestGolden(t *testing.T) {
	for name, path := range goldenInputs(t) {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			a, err := Read(data, Options{BaseDir: filepath.Dir(path), Warn: func(m string) { warnings = append(warnings, m) }})
			if err != nil {
				t.Fatal(err)
			}
			got := dump(a)
			for _, w := range warnings {
				got += "warning: " + w + "\n"
			}
			golden := filepath.Join("testdata", "golden", name+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run go test -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", name, got, want)
			}
		})
	}
}
