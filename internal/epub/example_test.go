package epub_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/epub"
)

func ExampleWrite() {
	a := &article.Article{
		Meta: article.Meta{Title: "Night Library", Authors: []string{"Ирина Соколова"}, Language: "ru"},
		Blocks: []article.Block{
			&article.Heading{Level: 2, Inlines: article.Plain("Как устроена ночная смена")},
			&article.Paragraph{Inlines: article.Plain("В зале сорок мест.")},
		},
	}
	var buf bytes.Buffer
	opt := epub.Options{Version: "1.0", Date: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)}
	if err := epub.Write(&buf, a, opt); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	// Output:
	// mimetype
	// META-INF/container.xml
	// EPUB/package.opf
	// EPUB/css/style.css
	// EPUB/nav.xhtml
	// EPUB/toc.ncx
	// EPUB/xhtml/attribution.xhtml
	// EPUB/xhtml/text.xhtml
	// EPUB/xhtml/titlepage.xhtml
}

func ExampleWriteCollection() {
	night := &article.Article{
		Meta:   article.Meta{Title: "Night Library", Language: "ru"},
		Blocks: []article.Block{&article.Paragraph{Inlines: article.Plain("В зале сорок мест.")}},
	}
	margins := &article.Article{
		Meta:   article.Meta{Title: "Reading in the Margins", Language: "en"},
		Blocks: []article.Block{&article.Paragraph{Inlines: article.Plain("Readers write in books.")}},
	}
	c := &article.Collection{
		Meta:     article.Meta{Title: "Week 12", Authors: []string{"Anna Weber"}, Language: "en"},
		Articles: []*article.Article{night, margins},
	}
	var buf bytes.Buffer
	opt := epub.Options{Version: "1.0", Date: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)}
	if err := epub.WriteCollection(&buf, c, opt); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	// Output:
	// mimetype
	// META-INF/container.xml
	// EPUB/package.opf
	// EPUB/css/style.css
	// EPUB/nav.xhtml
	// EPUB/toc.ncx
	// EPUB/xhtml/article-001.xhtml
	// EPUB/xhtml/article-002.xhtml
	// EPUB/xhtml/attribution.xhtml
	// EPUB/xhtml/titlepage.xhtml
}
