// Package article is offprint's one source model of an article: plain types
// that every reader produces and every renderer consumes.
//
// An Article is its metadata (Meta) and its body (Blocks). Blocks hold
// inlines. The package imports no renderer, no flag and no I/O package, so
// readers and renderers depend on it and never on each other.
//
// A reader builds an article, a renderer writes it:
//
//	a := &article.Article{
//		Meta: article.Meta{Title: "Night Library", Authors: []string{"Ирина Соколова"}, Language: "ru"},
//		Blocks: []article.Block{
//			&article.Heading{Level: 2, Inlines: article.Plain("Как устроена ночная смена")},
//			&article.Paragraph{Inlines: article.Plain("В зале сорок мест.")},
//		},
//	}
//	if err := a.Validate(); err != nil {
//		return err
//	}
//	// epub.Write(w, a, epub.Options{}) or pdf.Write(w, a, pdf.Options{})
//
// The title page and the attribution of every output are rendered from Meta
// alone; the body never repeats the title.
package article
