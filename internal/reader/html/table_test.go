package html

import (
	"strings"
	"testing"
)

func TestLayoutTable(t *testing.T) {
	tick := `<img src="https://img.example.org/tick.png" alt="yes">`
	photo := `<img src="https://img.example.org/photo.jpg" alt="">`
	tests := []struct {
		name, html string
		table      bool // kept as a table, not flattened
	}{
		{"data with a header row", `<table><tr><th>Town</th><th>Pop.</th></tr><tr><td>Tomsk</td><td>570,000</td></tr></table>`, true},
		{"status table whose cells hold tick images",
			`<table><tr><th>Feature</th><th>Firefox</th><th>Chrome</th></tr>` +
				`<tr><td>Grid</td><td>` + tick + `</td><td>` + tick + `</td></tr>` +
				`<tr><td>Subgrid</td><td>` + tick + `</td><td>no</td></tr></table>`, true},
		{"infobox: a flag among rows of data",
			`<table><tr><th colspan="2">New Zealand</th></tr><tr><td colspan="2">` + photo + ` Flag</td></tr>` +
				`<tr><th>Capital</th><td>Wellington</td></tr><tr><th>Largest city</th><td>Auckland</td></tr></table>`, true},
		{"gallery: cells of pictures",
			`<table><tr><td>` + photo + `</td><td>` + photo + `</td></tr><tr><td>` + photo + `</td><td>` + photo + `</td></tr></table>`, false},
		{"picture beside its text, one row", `<table><tr><td>` + photo + `</td><td><p>The story.</p></td></tr></table>`, false},
		{"presentation role", `<table role="presentation"><tr><th>a</th><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, false},
		{"nested table", `<table><tr><th>a</th><td><table><tr><td>x</td><td>y</td></tr><tr><td>z</td><td>w</td></tr></table></td></tr><tr><td>c</td><td>d</td></tr></table>`, false},
		{"heading in a cell", `<table><tr><td><h2>Part</h2></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, false},
		{"one column without headers", `<table><tr><td>a</td></tr><tr><td>b</td></tr></table>`, false},
		{"icons the page sizes as small", `<table><tr><td><img src="i.png" width="16" height="16" alt="ok"> a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dumped(mapBody(t, "<body>"+tt.html+"</body>", Options{}))
			if isTable := strings.HasPrefix(got, "TABLE"); isTable != tt.table {
				t.Errorf("table = %v, want %v:\n%s", isTable, tt.table, got)
			}
		})
	}
}
