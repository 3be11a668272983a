// Package lang guesses the natural language of a text, for articles whose
// source states none.
//
// Detect returns a BCP 47 primary language tag, or "" when it cannot tell:
//
//	tag := lang.Detect("В пятницу вечером в Новосибирске открылась библиотека.")
//	// tag == "ru"
//	if tag == "" {
//		// leave the article's language unknown
//	}
//
// It counts the letters of each script first and looks only at the words of
// the dominant one, so a Russian name in an English text leaves the text
// English. Latin and Cyrillic texts are then judged by common function words
// ("the", "und", "что", …) and by letters peculiar to one language (ß, ñ, ы,
// ї, …), which settle even a short title, and by the trigram model of
// github.com/abadojack/whatlanggo, which covers some eighty languages given
// a sentence or two. Results are deterministic: an uncertain or tied trigram
// verdict is never used.
package lang
