// Package typo gives an article's prose the typography of its language:
// curly quotation marks, apostrophes, dashes, ellipses and no-break spaces.
// It works on the article model, so the EPUB and the PDF show the same
// refined text.
//
//	typo.Refine(a) // in place, by a.Meta.Language
//
// What changes:
//
//   - Straight double quotes become the language's quotation marks: “ ” in
//     English (and by default), « » with „ “ nested in Russian, Ukrainian
//     and Belarusian, „ “ in German, Czech and Slovak, « » with narrow
//     no-break spaces inside in French, « » in Spanish, Italian and
//     Portuguese, „ ” in Polish. Whether a quote opens or closes is read
//     from the runes around it, across inline boundaries: a quote before
//     emphasised text and one after it pair up. Straight single quotes
//     become apostrophes (don't, '90s, rock 'n' roll) or single quotation
//     marks.
//   - "---" becomes an em dash, "--" an en dash, a hyphen between spaces
//     the language's dash (" – " in English, " — " bound to the word before
//     by a no-break space in Russian), a hyphen between the ends of a
//     number range an en dash (1990–1995). Russian dialogue lines that
//     open with "- " get "— ".
//   - "..." becomes "…".
//   - In Russian and other Slavic languages a one-letter word (в, к, с, и…)
//     is bound to the next word by a no-break space, and digit groups
//     ("12 000") by a narrow no-break space; "№ 5" and "§ 5" are bound in
//     every language. French gets narrow no-break spaces before ; ! ? and
//     a no-break space before : where a space was typed.
//
// Code, code blocks and web addresses are never touched. Quotation marks
// and dashes that are already typographic are kept (French guillemets and
// Russian dashes only get their spaces). Refining is idempotent.
//
// Single strings are refined with String:
//
//	typo.String(`"Hello" - he said...`, "en") // “Hello” – he said…
package typo
