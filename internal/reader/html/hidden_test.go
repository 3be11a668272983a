package html

import (
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"
)

func TestHidden(t *testing.T) {
	tests := []struct {
		name, page string
		want       string // the body's text after removeHidden, folded
	}{
		{"sr-only classes",
			`<p>Keep <span class="sr-only">screen reader</span><span class="visually-hidden">vh</span>` +
				`<span class="visuallyhidden">v</span><span class="screen-reader-text">srt</span>` +
				`<span class="off-screen">Media caption</span><span class="u-visually-hidden">u</span>` +
				`<span class="sharing-screen-reader-text">s</span> this</p>`,
			"Keep this"},
		{"class names that only look alike stay",
			`<p><span class="screenshot">a</span> <span class="hidden-xs">b</span> <span class="visually">c</span></p>`,
			"a b c"},
		{"hidden attribute, but not until-found",
			`<p>a<span hidden>b</span><span hidden="until-found">c</span></p>`, "ac"},
		{"display and visibility",
			`<p>a<span style="DISPLAY: none">b</span><span style="visibility:hidden">c</span><span style="display:block">d</span></p>`,
			"ad"},
		{"clipped to a pixel",
			`<p>a<span style="position:absolute; clip: rect(0 0 0 0); width:1px">b</span>` +
				`<span style="clip: rect(1px, 1px, 1px, 1px); position: absolute; height: 1px; width: 1px; overflow: hidden;">c</span>` +
				`<span style="clip-path: inset(50%); width: 1px; height: 1px">d</span>` +
				`<span style="clip: rect(0 40px 20px 0); position:absolute">e</span>` +
				`<span style="clip: rect(0 0 0 0)">f</span></p>`,
			"aef"},
		{"aria-hidden text goes, aria-hidden images stay",
			`<p>a<span aria-hidden="true">b</span><img aria-hidden="true" alt="x" src="x.png"></p>`, "a"},
		{"a hidden wrapper does not hide its MathML",
			`<p>Let <span class="mwe-math-mathml-inline" style="display: none;"><span>junk</span><math alttext="x^2"><mi>x</mi></math></span>` +
				`<img class="mwe-math-fallback-image-inline" aria-hidden="true" alt="x^2" src="f.svg"> be</p>`,
			"Let x be"},
		{"MathML keeps its annotation for the mapper",
			`<p>a <span style="display:none"><math><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math></span> b</p>`,
			"a xx b"},
		{"nested hidden wrappers around MathML",
			`<p>a <span hidden><span style="display:none"><math><mi>y</mi></math></span><math><mi>z</mi></math></span> b</p>`,
			"a yz b"},
		{"a hidden body is still the body",
			`<body hidden><p>text</p></body>`, "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := xhtml.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			removeHidden(doc)
			var body *xhtml.Node
			walk(doc, func(n *xhtml.Node) bool {
				if n.Type == xhtml.ElementNode && n.Data == "body" {
					body = n
				}
				return body == nil
			})
			if got := fold(textContent(body)); got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHiddenInRead checks the whole way: readability strips the classes
// and styles that hide text, so hidden text must be gone before it runs.
func TestHiddenInRead(t *testing.T) {
	page := `<html><head><title>Gun laws</title></head><body><article><h1>Gun laws</h1>
<figure><div class="player"><iframe src="//player.example.org/embed.html"></iframe></div>
<figcaption><span class="off-screen">Media caption</span> The president spoke about gun control</figcaption></figure>
<figure><div class="player"><iframe src="//player.example.org/embed.html"></iframe></div>
<figcaption>Another video on the same player</figcaption></figure>
<figure><video src="/media/speech.mp4"></video><figcaption>The whole speech</figcaption></figure>
<p>President Barack Obama has admitted that his failure to pass gun safety laws is the greatest frustration of his presidency. <span class="sr-only">(opens in a new window)</span></p>
<p>In an interview, Mr Obama said it was distressing not to have made progress on the issue even in the face of repeated mass killings.</p>
<p>He vowed to keep trying, but the editor said the president did not sound very confident about the chances of success in Congress.</p>
</article></body></html>`
	a, err := Read([]byte(page), Options{URL: "https://news.example.org/story"})
	if err != nil {
		t.Fatal(err)
	}
	got := dump(a)
	for _, absent := range []string{"Media caption", "president spoke", "same player", "new window"} {
		if strings.Contains(got, absent) {
			t.Errorf("%q left in\n%s", absent, got)
		}
	}
	if !strings.Contains(got, "P [link https://news.example.org/media/speech.mp4 The whole speech]") {
		t.Errorf("the caption of a video with an address is not a link to it\n%s", got)
	}
}

// TestPagePassesLinear runs the passes over the whole page (hidden text,
// media figures, bylines) on hostile shapes: a hundred nests 500 deep (the
// parser stops at 512) and 30,000 figures side by side. A pass that
// revisited a subtree for each of its ancestors, or every figure for each
// medium, would take seconds to minutes here.
func TestPagePassesLinear(t *testing.T) {
	const depth, nests, wide = 500, 100, 30_000
	nest := func(open, inner, close string) string {
		return strings.Repeat(strings.Repeat(open, depth)+inner+strings.Repeat(close, depth), nests)
	}
	pages := map[string]string{
		"hidden wrappers around MathML": nest(`<span class="sr-only">x `, `<math><mi>y</mi></math>`, `</span>`),
		"figures around an iframe":      nest(`<figure>`, `<iframe src="/v"></iframe>`, `</figure>`),
		"byline elements":               nest(`<div class="byline">By Ann Lee `, "", `</div>`),
		"media beside media":            strings.Repeat(`<figure><video src="/a.mp4"></video><audio src="/b.mp3"></audio><figcaption>c</figcaption></figure>`, wide),
	}
	for name, body := range pages {
		t.Run(name, func(t *testing.T) {
			doc, err := xhtml.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			scanPage(doc)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("scanPage took %v", d)
			}
		})
	}
}

// TestMathInHiddenWrapper maps a Wikipedia formula (without its fallback
// image): the MathML in a hidden span is read without its TeX annotation.
func TestMathInHiddenWrapper(t *testing.T) {
	page := `<p>Let <span class="mwe-math-element"><span class="mwe-math-mathml-inline" style="display: none;">` +
		`<math alttext=""><semantics><mrow><msup><mi>A</mi><mi>H</mi></msup></mrow>` +
		`<annotation encoding="application/x-tex">{\displaystyle A^{\mathsf {H}}}</annotation></semantics></math></span>` +
		`</span> be the conjugate transpose.</p>`
	if got, want := dumped(mapBody(t, "<body>"+page+"</body>", Options{})), "P Let AH be the conjugate transpose.\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
