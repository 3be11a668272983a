package typo

import "strings"

// Special spaces.
const (
	nbsp       = '\u00A0' // no-break space
	narrowNbsp = '\u202F' // narrow no-break space
)

// pair is an opening and a closing quotation mark.
type pair struct {
	open, close rune
}

// conventions are a language's typographic habits.
type conventions struct {
	// primary quotes are the outer double quotes, secondary the quotes
	// nested inside them, single what straight single quotes used as
	// quotation marks become outside a double quotation (inside one they
	// become the secondary marks).
	primary, secondary, single pair
	// spacedDash is what a hyphen between spaces (" - ") becomes.
	spacedDash rune
	// nbspBeforeDash binds a spaced dash to the word before it.
	nbspBeforeDash bool
	// dialogue: a paragraph that opens with "- " is a line of dialogue,
	// and its dash becomes "—" followed by a no-break space.
	dialogue bool
	// shortWords are the one-letter words bound to the next word with a
	// no-break space.
	shortWords string
	// groupDigits: "12 000" is one number, its groups joined by narrow
	// no-break spaces (the languages whose thousands separator is a space).
	groupDigits bool
	// french: narrow no-break spaces inside « » and before ; ! ?, a
	// no-break space before :, put in when none was typed.
	french bool
	// elisions are the words that start with an apostrophe ('tis, rock
	// 'n' roll; Dutch 's avonds; Afrikaans 'n): a straight quote before
	// them is an apostrophe, not an opening quotation mark.
	elisions []string
}

// Quotation marks, as CLDR's delimiters give them (quotationStart/End,
// alternateQuotationStart/End) unless noted.
var (
	curly        = pair{'“', '”'}
	curlySingle  = pair{'‘', '’'}
	guillemets   = pair{'«', '»'}
	lowCurly     = pair{'„', '“'} // German, Czech…
	lowSingle    = pair{'‚', '‘'}
	lowRight     = pair{'„', '”'} // Polish, Hungarian, Romanian, Serbian
	singleGuill  = pair{'‹', '›'}
	rightDouble  = pair{'”', '”'} // Finnish, Swedish
	rightSingle  = pair{'’', '’'}
	reversed     = pair{'»', '«'} // Danish, Hungarian inner
	reversedSing = pair{'›', '‹'}
)

// The dashes of most languages: an en dash between spaces.
func latin(primary, secondary, single pair) conventions {
	return conventions{primary: primary, secondary: secondary, single: single, spacedDash: '–'}
}

// eastSlavic is Russian, Ukrainian or Belarusian typography with the
// language's one-letter words: « » with „ “ inside, an em dash bound to the
// word before, dialogue dashes, digit groups.
func eastSlavic(shortWords string) conventions {
	return conventions{
		primary: guillemets, secondary: lowCurly, single: curlySingle,
		spacedDash: '—', nbspBeforeDash: true, dialogue: true,
		shortWords: shortWords, groupDigits: true,
	}
}

// with returns c with its one-letter words and digit grouping set.
func (c conventions) with(shortWords string, groupDigits bool) conventions {
	c.shortWords, c.groupDigits = shortWords, groupDigits
	return c
}

var (
	english = conventions{
		primary: curly, secondary: curlySingle, single: curlySingle, spacedDash: '–',
		elisions: []string{"n", "em", "tis", "twas", "til", "cause", "bout", "cept", "nuff"},
	}
	neutral = latin(curly, curlySingle, curlySingle)

	russian    = eastSlavic("вксуоиаяВКСУОИАЯ")
	ukrainian  = eastSlavic("вузіїйаояВУЗІЇЙАОЯ")
	belarusian = eastSlavic("ваізуўояВАІЗУЎОЯ")

	german = func() conventions {
		c := latin(lowCurly, lowSingle, lowSingle)
		c.elisions = []string{"s", "n", "ne", "nen", "nem", "ner"} // 's ist, hast du 'ne Idee
		return c
	}()
	// Swiss and Liechtenstein German set guillemets without spaces (CLDR
	// now gives „ “, but Swiss books and the Duden's Swiss rules use « »).
	swissGerman = latin(guillemets, singleGuill, singleGuill)
	// French: « » with “ ” inside (the Imprimerie nationale's rule; CLDR
	// nests « » again), narrow no-break spaces.
	french = func() conventions {
		c := latin(guillemets, curly, curlySingle).with("", true)
		c.french = true
		return c
	}()
	// Swiss French: guillemets with ‹ › inside and no spaces inside them.
	swissFrench = latin(guillemets, singleGuill, singleGuill).with("", true)

	// Spanish (the RAE prefers « » to CLDR's “ ”), Italian, Catalan,
	// Greek: « » with “ ” inside.
	romance = latin(guillemets, curly, curlySingle)
	// European Portuguese: the same, with a space between digit groups.
	portuguese = romance.with("", true)
	// Brazilian Portuguese, Galician, Turkish, Indonesian, Vietnamese,
	// Mongolian, Latvian (CLDR): “ ” with ‘ ’ inside.
	brazilian = neutral
	// Dutch: “ ” with ‘ ’ inside, as Dutch newspapers and books now set it
	// (CLDR gives ‘ ’ for both), and the elided 's, 't, 'n, 'k.
	dutch = func() conventions {
		c := neutral
		c.elisions = []string{"s", "t", "n", "k", "m", "r", "ns"}
		return c
	}()
	// Afrikaans: “ ” with ‘ ’ inside and the article 'n.
	afrikaans = func() conventions {
		c := neutral.with("", true)
		c.elisions = []string{"n", "s", "t"}
		return c
	}()

	polish  = latin(lowRight, guillemets, guillemets).with("aiouwzAIOUWZ", true)
	czech   = latin(lowCurly, lowSingle, lowSingle).with("kvszouaiKVSZOUAI", true) // and Slovak
	slovene = latin(lowCurly, lowSingle, lowSingle).with("vkszhoaVKSZHOA", false)
	// Croatian and Serbian in Latin script bind u, s, k, o, a, i.
	croatian       = latin(lowCurly, lowSingle, lowSingle).with("uskoaiUSKOAI", false)
	serbianLatin   = latin(lowRight, rightSingle, rightSingle).with("uskoaiUSKOAI", false)
	serbian        = latin(lowRight, rightSingle, rightSingle).with("ускоаиУСКОАИ", false)
	bulgarian      = latin(lowCurly, lowSingle, lowSingle).with("всиаВСИА", true)
	macedonian     = latin(lowCurly, lowSingle, lowSingle).with("виаВИА", false)
	upperSorbian   = latin(lowCurly, lowSingle, lowSingle).with("wzkaWZKA", false)
	hungarian      = latin(lowRight, reversed, reversed).with("", true)
	romanian       = latin(lowRight, guillemets, guillemets)
	lowGerman      = latin(lowCurly, lowSingle, lowSingle)                       // Lithuanian, Estonian, Icelandic
	lowGermanSpace = lowGerman.with("", true)                                    // … those that group digits with spaces
	nordic         = latin(rightDouble, rightSingle, rightSingle).with("", true) // Finnish, Swedish
	danish         = latin(reversed, reversedSing, reversedSing)                 // »…« as Danish books set it
	norwegian      = latin(guillemets, curlySingle, curlySingle).with("", true)
	catalan        = romance
	greek          = romance
	latvian        = neutral.with("", true)
)

// conventionsFor returns the conventions for a BCP 47 language tag. Unknown
// and empty tags get English quotes and dashes without English elisions.
func conventionsFor(tag string) *conventions {
	tag = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(tag, "_", "-")))
	primary, rest, _ := strings.Cut(tag, "-")
	region, _, _ := strings.Cut(rest, "-")
	switch primary {
	case "en":
		return &english
	case "ru":
		return &russian
	case "uk":
		return &ukrainian
	case "be":
		return &belarusian
	case "de", "gsw":
		if region == "ch" || region == "li" || primary == "gsw" {
			return &swissGerman
		}
		return &german
	case "fr":
		if region == "ch" {
			return &swissFrench
		}
		return &french
	case "es", "it":
		return &romance
	case "ca":
		return &catalan
	case "el", "grc":
		return &greek
	case "pt":
		if region == "br" {
			return &brazilian
		}
		return &portuguese
	case "pl":
		return &polish
	case "cs", "sk":
		return &czech
	case "sl":
		return &slovene
	case "hr", "bs":
		return &croatian
	case "sr":
		if strings.Contains(tag, "-latn") {
			return &serbianLatin
		}
		return &serbian
	case "bg":
		return &bulgarian
	case "mk":
		return &macedonian
	case "hsb":
		return &upperSorbian
	case "oc":
		return &romance
	case "rm":
		return &swissGerman // Romansh: « » with ‹ › inside, as in Switzerland
	case "hu":
		return &hungarian
	case "ro", "mo":
		return &romanian
	case "lt", "et":
		return &lowGermanSpace
	case "is":
		return &lowGerman
	case "fi", "sv":
		return &nordic
	case "da":
		return &danish
	case "no", "nb", "nn":
		return &norwegian
	case "nl":
		return &dutch
	case "af":
		return &afrikaans
	case "lv":
		return &latvian
	case "gl", "tr", "id", "vi", "mn":
		return &brazilian
	}
	return &neutral
}
