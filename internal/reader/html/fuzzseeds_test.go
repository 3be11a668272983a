package html

// fuzzSeeds are the seeds of FuzzRead: minimal article pages of a few
// hundred bytes, one construct or two each. Whole saved pages (64 kB and
// more) made every mutation slow and every minimization take its full
// minute: with them the fuzzer ran 22 inputs in five minutes.
var fuzzSeeds = []string{
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A title</title></head>` +
		`<body><article><h1>A title</h1><p>First paragraph with <a href="/x">a link</a> and <em>emphasis</em>.</p>` +
		`<h2>Section</h2><p>Second paragraph, <strong>strong</strong> words.</p></article></body></html>`,
	`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>` +
		"\xcd\xee\xe2\xee\xf1\xf2\xe8" + `</title></head><body><p>` + "\xd2\xe5\xea\xf1\xf2 \xf1\xf2\xe0\xf2\xfc\xe8." + `</p></body></html>`,
	`<html><head><meta property="og:title" content="OG title"><meta property="og:url" content="https://example.com/a">` +
		`<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2025-05-03T10:00:00Z">` +
		`<meta name="description" content="A summary."><link rel="canonical" href="https://example.com/a"></head>` +
		`<body><main><p>Body text of the article goes here, a sentence or two.</p></main></body></html>`,
	`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",` +
		`"headline":"LD title","author":[{"@type":"Person","name":"A. Writer"}],"datePublished":"2024-01-02",` +
		`"publisher":{"name":"Site"},"inLanguage":"fr"}</script></head><body><article><p>Texte de l'article.</p></article></body></html>`,
	`<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"BlogPosting","headline":"G"}]}</script>` +
		`</head><body><p>x</p></body></html>`,
	`<article><h1>Lists</h1><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>` +
		`<ol start="3"><li>three</li><li><p>four</p><p>more</p></li></ol><dl><dt>term</dt><dd>definition</dd></dl></article>`,
	`<article><h1>Table</h1><table><caption>Cap</caption><thead><tr><th>a</th><th align="right">b</th></tr></thead>` +
		`<tbody><tr><td colspan="2">wide</td></tr><tr><td>1</td><td style="text-align:center">2</td></tr></tbody></table>` +
		`<table role="presentation"><tr><td><p>layout cell</p></td></tr></table></article>`,
	`<article><h1>Figures</h1><figure><img src="a.png" alt="alt text" width="10" height="10"><figcaption>A caption</figcaption></figure>` +
		`<p>Inline <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="dot"> image.</p>` +
		`<picture><source srcset="b.webp"><img src="b.jpg" alt="pic"></picture></article>`,
	`<article><p>Quote:</p><blockquote><p>Words said.</p><footer>— Someone</footer></blockquote>` +
		`<pre><code class="language-go">func main() {}</code></pre><hr><p>After <br>the rule<sup>1</sup>.</p></article>`,
	`<body><nav><a href="/">Home</a></nav><div class="share"><a>Share</a><a>Tweet</a></div>` +
		`<div id="content"><p>The story itself, long enough to be found by readability.</p></div>` +
		`<aside>Related: <a href="/b">Other</a></aside><footer>Comments (3)</footer></body>`,
	`<html><head><base href="https://example.org/dir/"><title>Base</title></head><body><p><a href="rel">relative</a>` +
		` <a href="javascript:x()">js</a> <a href="#frag">frag</a> <span hidden>hidden</span>` +
		`<span style="display:none">none</span></p></body></html>`,
	`<p><b><i>mis</b>nested</i> <font size=2>old <center>markup</center></font><p>unclosed<li>stray item` +
		`<!-- comment --><![CDATA[cdata]]>&amp; &nbsp; &#x1F600; &bogus;`,
	"\xef\xbb\xbf<html><body><p>BOM and a stray \x01 control</p></body></html>",
	"\xff\xfe<\x00p\x00>\x00h\x00i\x00<\x00/\x00p\x00>\x00",
	`<html><head><title>Only a title</title></head><body></body></html>`,
	`<div><div><div><div><div><p>deep</p></div></div></div></div></div><p><b id=1></p><p>copied</p>`,
	`<article><p>Text <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="a.jpg" data-srcset="a.jpg 800w, b.jpg 2400w,` +
		` c.jpg 3x" loading="lazy" alt="IMG_1234.JPG"> around.</p><picture><source media="(max-width: 600px)" srcset="p.jpg 1x">` +
		`<img src="cid:x@y" role="presentation" width="0" height="2" alt="line"></picture><img src="/spacer.gif" aria-hidden="true"></article>`,
}
