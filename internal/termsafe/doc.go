// Package termsafe makes text that comes from outside the program (file
// names, image names, titles, messages quoting an input) safe to print on
// a terminal.
//
// A name such as "ESC]0;PWNED BEL ESC[2J.md" would, printed raw, retitle
// the terminal window and clear the screen; U+202E RIGHT-TO-LEFT OVERRIDE
// would make "photo\u202egpj.exe" read as "photoexe.jpg". String replaces
// every such character with a visible escape and leaves ordinary text, in
// any script, as it is:
//
//	fmt.Fprintf(os.Stderr, "offprint: %s: %v\n", termsafe.String(name), err)
//
//	termsafe.String("\x1b]0;PWNED\a\x1b[2J.md") // `\x1b]0;PWNED\x07\x1b[2J.md`
//	termsafe.String("photo\u202egpj.exe")      // `photo\u202egpj.exe`
//	termsafe.String("Новости дня.md")          // unchanged
//
// What is escaped: C0 controls and DEL as \xNN, C1 controls and Unicode
// format characters (category Cf: the bidirectional controls U+061C,
// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, zero-width spaces, the
// byte-order mark, tag characters, …) and the line and paragraph
// separators U+2028 and U+2029 as \uXXXX (or \UXXXXXXXX), and each byte of
// invalid UTF-8 as \xNN. ZERO WIDTH JOINER and NON-JOINER are kept between
// two letters, marks or symbols, where they shape a word (Persian, Indic
// scripts) or join an emoji sequence. A backslash is left as it is, so the
// output is safe but not always reversible.
package termsafe
