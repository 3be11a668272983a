package html

import (
	"strings"
	"testing"
	"time"
)

const metaBody = `<body><article><p>The river tram returns to the Ob this summer after eight years. The first trip is on the first of June, the mayor's office said on Friday.</p></article></body>`

func readHead(t *testing.T, head string, opt Options) *articleMeta {
	t.Helper()
	a, err := Read([]byte("<html"+head+metaBody+"</html>"), opt)
	if err != nil {
		t.Fatal(err)
	}
	m := a.Meta
	date := ""
	if m.HasDate() {
		date = m.Date.Format(time.RFC3339)
	}
	return &articleMeta{m.Title, strings.Join(m.Authors, "|"), date, m.Section, m.SiteName, m.SourceURL,
		m.Language, m.Description, strings.Join(m.Keywords, "|"), m.Rights}
}

type articleMeta struct {
	Title, Authors, Date, Section, Site, Source, Language, Description, Keywords, Rights string
}

func TestMetadata(t *testing.T) {
	tests := []struct {
		name string
		head string // from the rest of the <html> tag to </head>
		opt  Options
		want articleMeta // fields left empty are not checked
	}{
		{"opengraph",
			` lang="en_GB"><head><title>River tram | City News</title>
			<meta property="og:title" content="River tram returns">
			<meta property="og:site_name" content="City News">
			<meta property="og:url" content="https://news.example.org/tram">
			<meta property="og:description" content="Boats again.">
			<meta property="article:published_time" content="2026-05-02T09:30:00+07:00">
			<meta property="article:section" content="City">
			<meta property="article:author" content="https://news.example.org/staff/jane">
			<meta property="article:author" content="Jane Roe">
			<meta property="article:tag" content="Transport"><meta property="article:tag" content="River">
			</head>`, Options{},
			articleMeta{Title: "River tram returns", Authors: "Jane Roe", Date: "2026-05-02T09:30:00+07:00",
				Section: "City", Site: "City News", Source: "https://news.example.org/tram", Language: "en-GB",
				Description: "Boats again.", Keywords: "Transport|River"}},
		{"title suffix stripped when the site is known",
			`><head><title>River tram returns - City News</title><meta property="og:site_name" content="City News"></head>`, Options{},
			articleMeta{Title: "River tram returns", Site: "City News"}},
		{"title prefix stripped",
			`><head><title>City News » River tram returns</title><meta property="og:site_name" content="City News"></head>`, Options{},
			articleMeta{Title: "River tram returns"}},
		{"meta name tags",
			`><head><title>T</title><meta name="author" content="By Anna Petrova">
			<meta name="description" content="Desc.">
			<meta name="keywords" content="boats, river ,, Ob">
			<meta name="date" content="2026-05-02">
			<meta name="copyright" content="© 2026 City News">
			<meta http-equiv="content-language" content="ru-RU"></head>`, Options{},
			articleMeta{Authors: "Anna Petrova", Date: "2026-05-02T00:00:00Z", Description: "Desc.",
				Keywords: "boats|river|Ob", Rights: "© 2026 City News", Language: "ru-RU"}},
		{"JSON-LD NewsArticle with author list",
			`><head><title>Ld headline | The Daily</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
			"headline":"Ld headline","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
			"datePublished":"2026-05-02T09:30:00Z","articleSection":["Politics","World"],"publisher":{"@type":"Organization","name":"The Daily"},
			"inLanguage":"fr-FR","url":"https://daily.example/p","keywords":["a","b"]}</script></head>`, Options{},
			articleMeta{Title: "Ld headline", Authors: "Ann Lee|Bo Chen", Date: "2026-05-02T09:30:00Z", Section: "Politics",
				Site: "The Daily", Language: "fr-FR", Source: "https://daily.example/p", Keywords: "a|b"}},
		{"JSON-LD @graph with string author",
			`><head><title>Graph post</title><script type="application/ld+json"><!--//--><![CDATA[
			{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"WebPage","inLanguage":"de"},
			{"@type":["BlogPosting"],"headline":"Graph post","author":"Karl Maier","mainEntityOfPage":{"@id":"https://blog.example/post"}}]}
			]]></script></head>`, Options{},
			articleMeta{Title: "Graph post", Authors: "Karl Maier", Language: "de", Source: "https://blog.example/post"}},
		{"JSON-LD author object and broken JSON elsewhere",
			`><head><title>H - Site</title><script type="application/ld+json">{broken</script>
			<script type="application/ld+json">{"@type":"Article","headline":"H","author":{"@type":"Person","name":"Solo Writer"}}</script></head>`, Options{},
			articleMeta{Title: "H", Authors: "Solo Writer"}},
		{"JSON-LD headline that is not a title of the page",
			`><head><title>New Zealand - Wikipedia</title><script type="application/ld+json">{"@type":"Article",
			"name":"New Zealand","headline":"constitutional monarchy in Oceania"}</script></head><body><h1>New Zealand</h1>`, Options{},
			articleMeta{Title: "New Zealand"}},
		{"og:title the page does not show gives way to <title> and h1",
			`><head><title>Russia: Space ship breaks up</title><meta property="og:title" content="Yahoo News - Latest News">
			</head><body><h1>Russia: Space ship breaks up</h1>`, Options{},
			articleMeta{Title: "Russia: Space ship breaks up"}},
		{"a stated title the page shows as its heading beats og:title",
			`><head><title>A Brief History of Neon - CityLab</title><meta property="og:title" content="The Ambitions Behind Neon">
			<meta name="twitter:title" content="Why Neon Is the Symbol of the Century"></head><body><h1>Why Neon Is the Symbol of the Century</h1>`, Options{},
			articleMeta{Title: "Why Neon Is the Symbol of the Century"}},
		{"nothing shown: og:title before <title>, JSON-LD headline last",
			`><head><title>Page</title><meta property="og:title" content="Og title"><script type="application/ld+json">
			{"@type":"Article","headline":"Ld"}</script></head>`, Options{},
			articleMeta{Title: "Og title"}},
		{"nothing stated: <title>",
			`><head><title>Page</title></head><body><h1>Heading</h1>`, Options{},
			articleMeta{Title: "Page"}},
		{"visible byline beats a meta author it does not name",
			`><head><title>T</title><meta name="article:author" content="Laurie Oakes"></head>
			<body><p class="byline">JOE HILDEBRAND</p>`, Options{},
			articleMeta{Authors: "JOE HILDEBRAND"}},
		{"JSON-LD authors stay whatever the page's byline elements say",
			`><head><title>T</title><script type="application/ld+json">{"@type":"Article","headline":"T","author":{"name":"Ann Lee"}}</script>
			</head><body><p class="byline">By Bo Chen</p>`, Options{},
			articleMeta{Authors: "Ann Lee"}},
		{"meta author named by one of the visible bylines stays",
			`><head><title>T</title><meta name="author" content="Steven Davidoff Solomon"></head>
			<body><span class="byline">Deal Professor</span><p class="byline">By STEVEN DAVIDOFF SOLOMON JULY 29, 2016</p>`, Options{},
			articleMeta{Authors: "Steven Davidoff Solomon"}},
		{"visible byline read with its parts apart",
			`><head><title>T</title></head><body><p class="byline"><span>by</span> <a href="/a/ln">Lucas Nolan</a>` +
				`<span class="bydate">22 Dec 2016</span><a href="#comments">651</a></p>`, Options{},
			articleMeta{Authors: "Lucas Nolan"}},
		{"JSON-LD description first",
			`><head><title>T</title><meta property="og:description" content="A teaser?"><meta name="description" content="What it is.">
			<script type="application/ld+json">{"@type":"Article","headline":"T","description":"What it is."}</script></head>`, Options{},
			articleMeta{Description: "What it is."}},
		{"no description: the first sentences of the text",
			`><head><title>T</title></head>`, Options{},
			articleMeta{Description: "The river tram returns to the Ob this summer after eight years. The first trip is on the first of June, the mayor's office said on Friday."}},
		{"microdata author and date",
			`><head><title>Microdata page</title></head><body><div itemprop="author" itemscope><img src="x.png"><span itemprop="name">Lea Martin</span><p>Lea writes about trains since 2009.</p></div>
			<time itemprop="datePublished" datetime="2015-05-04T13:36:31+02:00">4 mai</time>`, Options{},
			articleMeta{Authors: "Lea Martin", Date: "2015-05-04T13:36:31+02:00"}},
		{"canonical and page URL",
			`><head><title>Title here</title><link rel="canonical" href="/canon"></head>`,
			Options{URL: "https://site.example/path?utm=1"},
			articleMeta{Source: "https://site.example/canon"}},
		{"page URL is the fallback source",
			`><head><title>Title here</title></head>`, Options{URL: "https://site.example/path"},
			articleMeta{Source: "https://site.example/path"}},
		{"og:locale with underscore",
			`><head><title>T</title><meta property="og:locale" content="pt_BR"></head>`, Options{},
			articleMeta{Language: "pt-BR"}},
		{"bad declared language falls back to detection",
			` lang="x-default"><head><title>T</title></head>`, Options{},
			articleMeta{Language: "en"}},
		{"double-escaped entities in meta",
			`><head><meta property="og:title" content="Fish &amp;amp; chips"></head>`, Options{},
			articleMeta{Title: "Fish & chips"}},
		{"no title anywhere: the first words",
			`><head></head>`, Options{},
			articleMeta{Title: "The river tram returns to the Ob this…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readHead(t, tt.head, tt.opt)
			check := func(field, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			w := tt.want
			check("title", got.Title, w.Title)
			check("authors", got.Authors, w.Authors)
			check("date", got.Date, w.Date)
			check("section", got.Section, w.Section)
			check("site", got.Site, w.Site)
			check("source", got.Source, w.Source)
			check("language", got.Language, w.Language)
			check("description", got.Description, w.Description)
			check("keywords", got.Keywords, w.Keywords)
			check("rights", got.Rights, w.Rights)
		})
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Nathan Willis March 25, 2015", "Nathan Willis"},
		{"by Jane Doe | Updated 3 hours ago", "Jane Doe"},
		{"Par Martin Dupont, publié le 5 mai 2015", "Martin Dupont"},
		{"Von Anna Schmidt", "Anna Schmidt"},
		{"Автор: Павел Гришин", "Павел Гришин"},
		{"Jane Doe and John Smith", "Jane Doe|John Smith"},
		{"Jane Doe, John Smith & Ann Lee", "Jane Doe|John Smith|Ann Lee"},
		{"Павел Гришин и Ольга Иванова", "Павел Гришин|Ольга Иванова"},
		{"Martin Untersinger (avec Damien Leloup et Morgane Tual)", "Martin Untersinger (avec Damien Leloup et Morgane Tual)"},
		{"Mac & i", "Mac & i"},
		{"Marks & Spencer", "Marks & Spencer"},
		{"Smith, John", "Smith, John"},
		{"Da Silva Costa", "Da Silva Costa"},
		{"BBC News", "BBC News"},
		{"Jane Doe 2015-03-25T10:00", "Jane Doe"},
		{"https://example.org/authors/jane", ""},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(cleanByline(tt.in), "|"); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"ru_RU", "ru-RU"}, {"EN-gb", "en-GB"}, {" fr ", "fr"}, {"de-DE, en", "de-DE"},
		{"zh-Hant-TW", "zh-Hant-TW"}, {"und", ""}, {"x-default", ""}, {"english", ""}, {"", ""}, {"12", ""},
	}
	for _, tt := range tests {
		if got := normalizeLanguage(tt.in); got != tt.want {
			t.Errorf("normalizeLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Obama admits US gun laws are his 'biggest frustration' - BBC News", "BBC News", "Obama admits US gun laws are his 'biggest frustration'"},
		{"1Password für Mac | Mac & i", "Mac & i", "1Password für Mac"},
		{"Mac & i", "Mac & i", "Mac & i"},
		{"The Open Journalism Project — Medium", "Medium", "The Open Journalism Project"},
		{"A title without the site", "Site", "A title without the site"},
		{"Medium-rare steak", "Medium", "Medium-rare steak"},
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.title, tt.site); got != tt.want {
			t.Errorf("stripSiteName(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-05-02T09:30:00+07:00", "2026-05-02T09:30:00+07:00"},
		{"2015-03-17T16:27:40.294Z", "2015-03-17T16:27:40Z"},
		{"2015-04-08T12:46:00", "2015-04-08T12:46:00Z"},
		{"May 5, 2015", "2015-05-05T00:00:00Z"},
		{"not a date", ""},
		{"0000-01-01", ""},
	}
	for _, tt := range tests {
		got := ""
		if d := parseDate(tt.in); !d.IsZero() {
			got = d.Format(time.RFC3339)
		}
		if got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLeadSentences(t *testing.T) {
	long := strings.Repeat("word ", 80) + "end."
	tests := []struct{ in, want string }{
		{"One short sentence. A second one follows it here. A third is left out.",
			"One short sentence. A second one follows it here."},
		{"A first sentence that is long enough to stand alone as the description of the whole article. Second.",
			"A first sentence that is long enough to stand alone as the description of the whole article."},
		{"Mr. Obama met Dr. Smith in the U.S. capital on Friday. Then he left.", "Mr. Obama met Dr. Smith in the U.S. capital on Friday. Then he left."},
		{`He said: "It is over." Then he went home to rest for the remainder of the long and tiring week ahead.`,
			`He said: "It is over." Then he went home to rest for the remainder of the long and tiring week ahead.`},
		{"Version 2.5 is out. Nothing else.", "Version 2.5 is out. Nothing else."},
		{"No full stop at all", "No full stop at all"},
		{"lower case after a stop. does not end it", "lower case after a stop. does not end it"},
		{long, strings.TrimSpace(strings.Repeat("word ", 60)) + "…"},
		{"¿Qué pasa? ¡Nada! Y luego más texto.", "¿Qué pasa? ¡Nada!"},
	}
	for _, tt := range tests {
		if got := leadSentences(tt.in); got != tt.want {
			t.Errorf("leadSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVisibleByline(t *testing.T) {
	tests := []struct {
		bylines []string
		want    string
	}{
		{[]string{"Follow Author", "By Jane Roe"}, "Jane Roe"},
		{[]string{"April 28, 2019 at 6:01 am", "Seattle Times business reporter", "By Benjamin Romano"}, "Benjamin Romano"},
		{[]string{"by Lucas Nolan 22 Dec 2016 651"}, "Lucas Nolan"},
		{[]string{"Ann Lee and Bo Chen"}, "Ann Lee|Bo Chen"},
		{[]string{"Authority control"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := strings.Join(visibleByline(tt.bylines), "|"); got != tt.want {
			t.Errorf("visibleByline(%q) = %q, want %q", tt.bylines, got, tt.want)
		}
	}
}
