package typo_test

import (
	"fmt"

	"github.com/offprint/offprint/article"
	"github.com/offprint/offprint/internal/typo"
)

func Example() {
	a := &article.Article{
		Meta: article.Meta{Title: `"Night" Library`, Language: "en"},
		Blocks: []article.Block{
			&article.Paragraph{Inlines: []article.Inline{
				&article.Text{Text: `It's open 21:00-06:00 - and 1990-1995 "`},
				&article.Emphasis{Inlines: article.Plain("was")},
				&article.Text{Text: `" different... Run `},
				&article.Code{Text: `ls -- "*"`},
			}},
		},
	}
	typo.Refine(a)
	fmt.Println(a.Meta.Title)
	fmt.Println(article.InlineText(a.Blocks[0].(*article.Paragraph).Inlines))
	// Output:
	// “Night” Library
	// It’s open 21:00-06:00 – and 1990–1995 “was” different… Run ls -- "*"
}

func ExampleString() {
	fmt.Println(typo.String(`"Hello" - he said...`, "en"))
	fmt.Println(typo.String(`"Привет", - сказал он "другу"`, "ru") == "«Привет»,\u00A0— сказал он «другу»")
	// Output:
	// “Hello” – he said…
	// true
}
