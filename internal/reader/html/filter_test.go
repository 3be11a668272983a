package html

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

func TestFilterBoilerplate(t *testing.T) {
	const lead = "<p>The article begins with a paragraph of real text about the river tram.</p>"
	const tail = "<p>And it ends with another paragraph of real text about the ferry.</p>"
	tests := []struct {
		name, html, want string
	}{
		{"share row",
			lead + `<p>Share: <a href="/s/fb">Facebook</a> <a href="/s/tw">Twitter</a> <a href="mailto:?body=x">Email</a></p>` + tail,
			"P The article begins…\nP And it ends…\n"},
		{"share row in Russian",
			lead + `<div>Поделиться: <a href="/vk">VK</a> <a href="/ok">OK</a> <a href="/tg">Telegram</a></div>` + tail,
			"P The article begins…\nP And it ends…\n"},
		{"list of share links",
			lead + `<ul><li><a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a></li><li><a href="https://twitter.com/intent/tweet?text=x">t</a></li></ul>` + tail,
			"P The article begins…\nP And it ends…\n"},
		{"related heading and its links",
			lead + tail + `<h3>Read more:</h3><ul><li><a href="/a">Bridge repairs go on</a></li><li><a href="/b">New buses</a></li></ul>`,
			"P The article begins…\nP And it ends…\n"},
		{"related heading in the middle keeps what follows it that is text",
			lead + `<h2>Читайте также</h2><p><a href="/a">Ремонт моста продлится до осени</a></p><h2>Prices</h2>` + tail,
			"P The article begins…\nH2 Prices\nP And it ends…\n"},
		{"comments section",
			lead + tail + `<h2>Comments (2)</h2><p>Olga: at last!</p><p>Sergey: and in winter?</p>`,
			"P The article begins…\nP And it ends…\n"},
		{"advertising label and cookie notice",
			lead + `<p>Advertisement</p><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>` + tail,
			"P The article begins…\nP And it ends…\n"},
		{"related lead paragraphs",
			lead + `<p>Lire aussi : <a href="/x">Les critiques de la CNIL contre le projet de loi</a></p><p><strong>Read more: <a href="/y">Ferry timetable for the summer</a></strong></p>` + tail,
			"P The article begins…\nP And it ends…\n"},
		{"a paragraph that only starts like one stays",
			lead + `<p>Read more: the council published <a href="/r">its report</a> on Friday, and it runs to three hundred pages.</p>` + tail,
			"P The article begins…\nP Read more: the council published [link https://example.org/r its report] on Friday, and it runs to three hundred pages.\nP And it ends…\n"},
		{"read more link",
			lead + tail + `<p><a href="/more">Continue reading »</a></p>`,
			"P The article begins…\nP And it ends…\n"},
		{"trailing and leading link lists",
			`<ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li></ul>` + lead + tail +
				`<ul><li><a href="/x">Other story one</a></li><li><a href="/y">Other story two</a></li></ul>`,
			"P The article begins…\nP And it ends…\n"},
		{"a trailing list of links to other sites is the article's sources",
			lead + tail + `<h2>Sources</h2><ul><li><a href="https://nodejs.org/api/inspector.html">nodejs.org/api</a></li>` +
				`<li><a href="https://www.npmjs.com/package/x">npmjs.com/package/x</a></li><li><a href="/other">Our other story</a></li></ul>`,
			"P The article begins…\nP And it ends…\nH2 Sources\nLIST ordered=false start=0\n" +
				"  ITEM\n    P [link https://nodejs.org/api/inspector.html nodejs.org/api]\n" +
				"  ITEM\n    P [link https://www.npmjs.com/package/x npmjs.com/package/x]\n" +
				"  ITEM\n    P [link https://example.org/other Our other story]\n"},
		{"a trailing list of links to the site's subdomains goes",
			lead + tail + `<ul><li><a href="https://blog.example.org/a">One</a></li><li><a href="https://www.example.org/b">Two</a></li></ul>`,
			"P The article begins…\nP And it ends…\n"},
		{"related cards: linked headings with teasers and dates",
			lead + tail + `<h2><em>Related</em></h2><p><em>Survey results</em></p><h3><a href="/survey">Survey results</a></h3>` +
				`<p>The survey ran for two weeks and asked developers about their pay, their tools and their coffee.</p><p>April 8, 2015</p>` +
				`<h3><a href="/beta">Documentation in beta</a></h3><p>Documentation is now in beta for everyone who asked.</p><p>July 22, 2016</p>`,
			"P The article begins…\nP And it ends…\n"},
		{"a related section with a heading of text keeps its text",
			lead + `<h2>Related</h2><h3>How the survey was made</h3><p>The survey ran for two weeks and asked developers about pay.</p>` + tail,
			"P The article begins…\nH3 How the survey was made\nP The survey ran…\nP And it ends…\n"},
		{"byline lines at the head of the text",
			`<p><a href="/author/sarah">Sarah Gooding</a> March 9, 2017 <a href="#comments">13</a></p><p><em>By Sarah Gooding</em></p>` + lead + tail,
			"P The article begins…\nP And it ends…\n"},
		{"a line naming the author in the text stays",
			lead + `<p>Sarah Gooding March 9, 2017</p><p>Sarah Gooding said so.</p>` + tail,
			"P The article begins…\nP Sarah Gooding March…\nP Sarah Gooding said…\nP And it ends…\n"},
		{"orphaned photo credits go",
			`<p>JIM WATSON/AFP/Getty Images</p><p>© Provided by Business Insider Inc</p><p>(Bild: Hersteller)</p><p>Photo: Reuters</p>` + lead + tail,
			"P The article begins…\nP And it ends…\n"},
		{"a sentence about photos stays",
			lead + `<p>Photo editing is the subject of this piece.</p><p>Nintendo/Apple</p>` + tail,
			"P The article begins…\nP Photo editing is…\nP Nintendo/Apple\nP And it ends…\n"},
		{"related stories as lines of links to the site",
			lead + `<p><a href="/news/five-things">Five things we learned from the interview</a></p>` +
				`<p><a href="https://www.example.org/news/swerve">The presidential body swerve</a></p>` + tail,
			"P The article begins…\nP And it ends…\n"},
		{"the site under another country's domain is the same site",
			lead + `<p><a href="https://www.example.co.uk/news/five-things">Five things we learned</a></p>` +
				`<p><a href="https://example.com/news/swerve">The body swerve</a></p>` + tail,
			"P The article begins…\nP And it ends…\n"},
		{"one line of a link to the site stays",
			lead + `<p><a href="/news/transcript">Read the full transcript of his interview</a></p>` + tail,
			"P The article begins…\nP [link https://example.org/news/transcript Read the full transcript of his interview]\nP And it ends…\n"},
		{"lines of links to other sites stay",
			lead + `<p><a href="https://nodejs.org/a">A report elsewhere</a></p><p><a href="https://www.npmjs.com/b">Another one</a></p>` + tail,
			"P The article begins…\nP [link https://nodejs.org/a A report elsewhere]\nP [link https://www.npmjs.com/b Another one]\nP And it ends…\n"},
		{"rules at the edges and doubled",
			"<hr>" + lead + "<hr><hr>" + tail + "<hr>",
			"P The article begins…\nRULE\nP And it ends…\n"},
		{"a list of links inside the text stays",
			lead + `<ul><li><a href="/a">Source one</a></li><li><a href="/b">Source two</a></li></ul>` + tail,
			"P The article begins…\nLIST ordered=false start=0\n  ITEM\n    P [link https://example.org/a Source one]\n  ITEM\n    P [link https://example.org/b Source two]\nP And it ends…\n"},
		{"a sentence mentioning sharing stays",
			lead + `<p>Share prices of Facebook and Twitter fell on Monday.</p>` + tail,
			"P The article begins…\nP Share prices of…\nP And it ends…\n"},
		{"a paragraph about cookies stays",
			lead + `<p>The bakery's cookies sold out by noon, and customers were asked to accept rain checks instead of the usual oatmeal cookies. ` + strings.Repeat("More text. ", 60) + `</p>` + tail,
			"P The article begins…\nP The bakery's cookies…\nP And it ends…\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			meta := &article.Meta{SourceURL: "https://example.org/news/2026/story.html", Authors: []string{"Sarah Gooding"}}
			got := shortDump(dumped(filterBoilerplate(mapBody(t, "<body>"+tt.html+"</body>", Options{}), meta)))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// shortDump cuts each top-level paragraph line after its third word.
func shortDump(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "P ") && !strings.Contains(l, "[") {
			if w := strings.Fields(l); len(w) > 4 {
				lines[i] = strings.Join(w[:4], " ") + "…"
			}
		}
	}
	return strings.Join(lines, "\n")
}

func TestDropTitleHeading(t *testing.T) {
	tests := []struct{ title, html, want string }{
		{"River tram returns", "<h1>River Tram Returns!</h1><p>Text.</p>", "P Text.\n"},
		{"The Open Journalism Project: Better Student Journalism", "<h4><em>Better Student Journalism</em></h4><p>Text.</p><h3>Circa 2011</h3><p>More.</p>", "P Text.\nH2 Circa 2011\nP More.\n"},
		{"River tram returns", "<p>Text.</p><h2>River tram returns</h2><p>More.</p>", "P Text.\nH2 River tram returns\nP More.\n"},
		{"Tram", "<h2>Tram timetable</h2><p>Text.</p>", "H2 Tram timetable\nP Text.\n"},
	}
	for _, tt := range tests {
		blocks := mapBody(t, "<body>"+tt.html+"</body>", Options{})
		blocks = dropTitleHeading(blocks, tt.title)
		normalizeHeadings(blocks)
		if got := dumped(blocks); got != tt.want {
			t.Errorf("%q: got\n%s\nwant\n%s", tt.title, got, tt.want)
		}
	}
}

// TestCreditJoinsPicture: a credit after an embedded picture becomes part of
// its caption instead of a line of text.
func TestCreditJoinsPicture(t *testing.T) {
	img := `<img src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(pngBytes(t, 300, 200)) + `">`
	tests := []struct{ html, caption string }{
		{`<figure>` + img + `<div>JIM WATSON/AFP/Getty Images</div></figure>`, "JIM WATSON/AFP/Getty Images"},
		{`<figure>` + img + `<figcaption>Supporters cheer.</figcaption></figure><p>Photo: Reuters</p>`, "Supporters cheer. Photo: Reuters"},
	}
	for _, tt := range tests {
		const lead = "<p>The article begins with a paragraph of real text about the river tram.</p>"
		blocks := filterBoilerplate(mapBody(t, "<body>"+lead+tt.html+lead+"</body>", Options{}), &article.Meta{})
		var caption string
		n := 0
		for _, b := range blocks {
			if img, ok := b.(*article.Image); ok {
				caption = article.InlineText(img.Caption)
			}
			n++
		}
		if caption != tt.caption || n != 3 {
			t.Errorf("%d blocks, caption %q, want 3 and %q:\n%s", n, caption, tt.caption, dumped(blocks))
		}
	}
}

func TestSiteHost(t *testing.T) {
	for _, tt := range [][2]string{
		{"www.bbc.co.uk", "bbc"}, {"bbc.com", "bbc"}, {"blog.Example.org:8080", "example"},
		{"127.0.0.1:80", "127.0.0.1"}, {"[::1]:8080", "::1"}, {"localhost", "localhost"}, {"", ""},
	} {
		if got := siteHost(tt[0]); got != tt[1] {
			t.Errorf("siteHost(%q) = %q, want %q", tt[0], got, tt[1])
		}
	}
}
