// Package typo gives an article's prose the typography of its language:
// curly quotation marks, apostrophes, dashes, ellipses and no-break spaces.
// It works on the article model, so the EPUB and the PDF show the same
// refined text.
//
//	typo.Refine(a) // in place, by a.Meta.Language
//
// What changes:
//
//   - Straight double quotes become the language's quotation marks, as
//     CLDR and the language's printers give them: “ ” with ‘ ’ nested in
//     English, Dutch, Brazilian Portuguese, Turkish and by default; « »
//     with „ “ nested in Russian, Ukrainian and Belarusian; „ “ with ‚ ‘ in
//     German, Czech, Slovak, Upper Sorbian, Croatian, Slovene, Bulgarian,
//     Macedonian, Lithuanian, Estonian and Icelandic; « » with ‹ › and no
//     spaces in Swiss German and Romansh;
//     « » with narrow no-break spaces inside in French; « » with “ ” in
//     Spanish, Italian, Catalan, Occitan, European Portuguese and Greek; „ ” with
//     « » in Polish and Romanian, with » « in Hungarian; ” ” with ’ ’ in
//     Finnish and Swedish; » « in Danish; « » with ‘ ’ in Norwegian.
//     Whether a quote opens or closes is read from the runes around it,
//     across inline boundaries: a quote before emphasised text and one
//     after it pair up. Straight single quotes become apostrophes (don't,
//     '90s, rock 'n' roll, Dutch 's avonds, Afrikaans 'n) or single
//     quotation marks — the nested marks inside a double quotation, so
//     that 'привет' in a Russian quotation is „привет“.
//   - "---" becomes an em dash, "--" an en dash, a hyphen between spaces
//     the language's dash (" – " in English, " — " bound to the word before
//     by a no-break space in Russian), a hyphen between the ends of a
//     number range an en dash (1990–1995). Russian dialogue lines that
//     open with "- " get "— ".
//   - "..." becomes "…".
//   - In the Slavic languages a one-letter word (в, к, с, и…; Czech and
//     Slovak k, s, v, z, o, u, a, i; Polish a, i, o, u, w, z…) is bound to
//     the next word by a no-break space, and in the languages that group
//     digits with spaces ("12 000") the groups by a narrow no-break space.
//     Decimal and thousands separators are otherwise left as written. A
//     number is bound to the unit after it ("5 km", "30 °C", "12 %": a
//     short list of SI and common units and signs), and "№ 5" and "§ 5"
//     are bound, in every language. French gets narrow no-break spaces
//     before ; ! ? and a no-break space before :, typed or not.
//
// Code, code blocks and web addresses are never touched. Quotation marks
// and dashes that are already typographic are kept (French guillemets and
// Russian dashes only get their spaces). Refining is idempotent.
//
// Single strings are refined with String:
//
//	typo.String(`"Hello" - he said...`, "en") // “Hello” – he said…
package typo
