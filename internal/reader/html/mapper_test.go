package html

import (
	"net/url"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/offprint/offprint/article"
)

// mapBody maps the body of a page the way Read maps readability's result,
// without readability, so that each construct is seen as written.
func mapBody(t *testing.T, page string, opt Options) []article.Block {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var body *xhtml.Node
	walk(doc, func(n *xhtml.Node) bool {
		if n.Type == xhtml.ElementNode && n.Data == "body" {
			body = n
		}
		return body == nil
	})
	base, _ := url.Parse("https://example.org/news/2026/story.html")
	m := &mapper{base: base}
	m.images = &images{opt: &opt, base: base}
	blocks := m.blocks(body)
	m.images.load()
	blocks = m.images.settle(blocks, "")
	normalizeHeadings(blocks)
	return blocks
}

func dumped(blocks []article.Block) string {
	var b strings.Builder
	dumpBlocks(&b, blocks, "")
	return b.String()
}

func TestMapping(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"white space collapses as in a browser",
			"<p>  One\n\t two   <em> three </em>four<b></b> <strong>five</strong> </p>",
			"P One two [em three] four [strong five]\n"},
		{"no-break spaces stay inside, go at the ends",
			"<p>&nbsp;10&nbsp;km&nbsp;</p>",
			"P 10\u00a0km\n"},
		{"markup-looking text stays text",
			"<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;</p>",
			"P <script>alert(1)</script> & <b>\n"},
		{"control characters go",
			"<p>bell\x07 and\x1b escape</p>",
			"P bell and escape\n"},
		{"text directly in divs becomes paragraphs",
			"<div>First run<div>inner</div>second run<br>same paragraph</div>",
			"P First run\nP inner\nP second run[br]same paragraph\n"},
		{"line breaks at the ends of a paragraph go",
			"<p><br>text<br><br></p>",
			"P text\n"},
		{"inline formatting",
			"<p><i>i</i> <em>em</em> <b>b</b> <strong>s</strong> <del>d</del> <s>s</s> <code>x  =  1</code> <kbd>Ctrl</kbd> <q>quoted</q> <u>u</u> <sup>2</sup></p>",
			"P [em i] [em em] [strong b] [strong s] [del d] [del s] [code x = 1] [code Ctrl] “quoted” u 2\n"},
		{"nested formatting",
			"<p><strong>bold <em>both</em></strong></p>",
			"P [strong bold [em both]]\n"},
		{"spaces move out of links and emphasis",
			`<p>see<a href="/a"> the page </a>now, <em>really </em>now</p>`,
			"P see [link https://example.org/a the page] now, [em really] now\n"},
		{"links resolve against the page",
			`<p><a href="../x?a=1#f">rel</a> <a href="//cdn.example.org/y">proto</a> <a href="mailto:a@b.org">mail</a> <a href="https://other.org/" title=" T ">abs</a></p>`,
			"P [link https://example.org/news/x?a=1#f rel] [link https://cdn.example.org/y proto] [link mailto:a@b.org mail] [link https://other.org/ abs]\n"},
		{"links that lead nowhere keep their text",
			`<p><a href="javascript:void(0)">js</a> <a href="#sec">frag</a> <a>none</a> <a href="data:text/html,x">data</a> <a href="vbscript:x">vb</a></p>`,
			"P js frag none data vb\n"},
		{"headings shift so the top one is level 2 and none is skipped",
			"<h1>Top</h1><p>a</p><h3>Sub</h3><p>b</p><h5>Deep</h5><p>c</p>",
			"H2 Top\nP a\nH3 Sub\nP b\nH4 Deep\nP c\n"},
		{"headings keep inline markup, lose empty ones",
			"<h2><a href='#x'></a>Title <em>part</em></h2><h3> </h3><p>t</p>",
			"H2 Title [em part]\nP t\n"},
		{"blockquote with footer",
			"<blockquote><p>Words.</p><footer>— <cite>Someone</cite></footer></blockquote>",
			"QUOTE\n  P Words.\n  ATTRIBUTION — [em Someone]\n"},
		{"blockquote with cite gains a dash",
			"<blockquote><p>Words.</p><cite>Someone</cite></blockquote>",
			"QUOTE\n  P Words.\n  ATTRIBUTION — Someone\n"},
		{"blockquote of bare text",
			"<blockquote>Just text</blockquote>",
			"QUOTE\n  P Just text\n"},
		{"nested lists and start",
			"<ol start='3'><li>three<ul><li>a</li><li><p>b</p><p>b2</p></li></ul></li><li>four</li><li> </li></ol>",
			"LIST ordered=true start=3\n  ITEM\n    P three\n    LIST ordered=false start=0\n      ITEM\n        P a\n      ITEM\n        P b\n        P b2\n  ITEM\n    P four\n"},
		{"ol start 1 and 0 count from one",
			"<ol start=1><li>a</li></ol><ol start=0><li>b</li></ol>",
			"LIST ordered=true start=0\n  ITEM\n    P a\nLIST ordered=true start=0\n  ITEM\n    P b\n"},
		{"empty list vanishes",
			"<ul><li></li></ul><p>x</p>",
			"P x\n"},
		{"definition list",
			"<dl><dt>Term</dt><dd>Meaning</dd></dl>",
			"P [strong Term]\nP Meaning\n"},
		{"pre keeps lines, takes the language",
			"<pre><code class=\"language-go\">\nfunc main() {\n\tfmt.Println(\"&lt;hi&gt;\")\n}\n\n</code></pre>",
			"CODE \"go\" \"func main() {\\n\\tfmt.Println(\\\"<hi>\\\")\\n}\"\n"},
		{"pre with br and markup",
			"<pre>a<br>b <b>c</b></pre>",
			"CODE \"\" \"a\\nb c\"\n"},
		{"table with header, colspan and alignment",
			`<table><caption>Fares</caption><thead><tr><th>Route</th><th align="right">Price</th><th style="text-align: center">Note</th></tr></thead>
			<tbody><tr><td>A</td><td>10</td><td><p>one</p><p>two</p></td></tr><tr><td colspan="2">wide</td><td>x</td></tr><tr><td>a</td><td>b</td><td>c</td><td>extra</td></tr></tbody></table>`,
			"TABLE align=[0 3 2]\n  HEAD Route ‖ Price ‖ Note ‖ \n  ROW A ‖ 10 ‖ one two\n  ROW wide ‖  ‖ x\n  ROW a ‖ b ‖ c ‖ extra\n  CAPTION Fares\n"},
		{"first row of th is the header",
			"<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>",
			"TABLE align=[]\n  HEAD k ‖ v\n  ROW 1 ‖ 2\n"},
		{"layout table is transparent",
			"<table><tr><td><p>Column one text.</p></td></tr><tr><td><h2>Heading</h2><p>More.</p></td></tr></table>",
			"P Column one text.\nH2 Heading\nP More.\n"},
		{"rules",
			"<p>a</p><hr><p>b</p>",
			"P a\nRULE\nP b\n"},
		{"hidden and interactive elements go",
			`<p>kept<span hidden>hidden</span><span style="display: none">none</span><button>Click</button><input value="v"><script>x()</script><style>p{}</style></p><nav>menu</nav><form>form text</form><iframe src="x"></iframe>`,
			"P kept\n"},
		{"block inside a span splits the paragraph",
			"<p>before <span>in <div>block</div> after</span> end</p>",
			"P before in\nP block\nP after end\n"},
		{"figure without an image keeps its caption",
			"<figure><figcaption>Only a caption</figcaption></figure>",
			"P Only a caption\n"},
		{"figure around a quote",
			"<figure><blockquote>Q</blockquote><figcaption>Source</figcaption></figure>",
			"QUOTE\n  P Q\nP Source\n"},
		{"remote image without loader leaves nothing, not its alt text",
			`<p>text</p><img src="https://img.example.org/a.jpg" alt="A ferry"><img src="b.jpg">`,
			"P text\n"},
		{"remote image in a figure leaves its caption",
			`<figure><img src="/a.jpg" alt="alt"><figcaption>The <b>ferry</b></figcaption></figure>`,
			"P The [strong ferry]\n"},
		{"emoji images stay in the text",
			`<p>Nice <img class="emoji" alt="😀" src="/e.png"> day <img src="/i.png" width="16" height="16" alt="(i)"></p>`,
			"P Nice 😀 day (i)\n"},
		{"details and summary",
			"<details><summary>More</summary><p>Hidden text</p></details>",
			"P [strong More]\nP Hidden text\n"},
		{"emoji, CJK and RTL text pass through",
			"<p>🚋 東京 שלום مرحبا</p>",
			"P 🚋 東京 שלום مرحبا\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dumped(mapBody(t, "<body>"+tt.html+"</body>", Options{}))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
