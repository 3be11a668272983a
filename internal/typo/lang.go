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
	// primary quotes are the outer double quotes, secondary the double
	// quotes nested inside them, single what straight single quotes used as
	// quotation marks become.
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
	// no-break spaces.
	groupDigits bool
	// french: narrow no-break spaces inside « » and before ; ! ?, a
	// no-break space before :.
	french bool
	// elisions: English words that start with an apostrophe ('tis, 'em,
	// rock 'n' roll).
	elisions bool
}

var (
	english = conventions{
		primary: pair{'“', '”'}, secondary: pair{'‘', '’'}, single: pair{'‘', '’'},
		spacedDash: '–', elisions: true,
	}
	neutral = conventions{
		primary: pair{'“', '”'}, secondary: pair{'‘', '’'}, single: pair{'‘', '’'},
		spacedDash: '–',
	}
	russian = conventions{
		primary: pair{'«', '»'}, secondary: pair{'„', '“'}, single: pair{'‘', '’'},
		spacedDash: '—', nbspBeforeDash: true, dialogue: true,
		shortWords: "вксуоиаяВКСУОИАЯ", groupDigits: true,
	}
	ukrainian = conventions{
		primary: pair{'«', '»'}, secondary: pair{'„', '“'}, single: pair{'‘', '’'},
		spacedDash: '—', nbspBeforeDash: true, dialogue: true,
		shortWords: "вузіїйаояВУЗІЇЙАОЯ", groupDigits: true,
	}
	belarusian = conventions{
		primary: pair{'«', '»'}, secondary: pair{'„', '“'}, single: pair{'‘', '’'},
		spacedDash: '—', nbspBeforeDash: true, dialogue: true,
		shortWords: "ваізуўояВАІЗУЎОЯ", groupDigits: true,
	}
	german = conventions{
		primary: pair{'„', '“'}, secondary: pair{'‚', '‘'}, single: pair{'‚', '‘'},
		spacedDash: '–',
	}
	french = conventions{
		primary: pair{'«', '»'}, secondary: pair{'“', '”'}, single: pair{'‘', '’'},
		spacedDash: '–', groupDigits: true, french: true,
	}
	guillemets = conventions{ // Spanish, Italian, European Portuguese
		primary: pair{'«', '»'}, secondary: pair{'“', '”'}, single: pair{'‘', '’'},
		spacedDash: '–',
	}
	polish = conventions{
		primary: pair{'„', '”'}, secondary: pair{'«', '»'}, single: pair{'‘', '’'},
		spacedDash: '–', shortWords: "aiouwzAIOUWZ", groupDigits: true,
	}
	czech = conventions{ // and Slovak
		primary: pair{'„', '“'}, secondary: pair{'‚', '‘'}, single: pair{'‚', '‘'},
		spacedDash: '–', shortWords: "kvszouaiKVSZOUAI", groupDigits: true,
	}
)

// conventionsFor returns the conventions for a BCP 47 language tag. Unknown
// and empty tags get English quotes and dashes without English elisions.
func conventionsFor(tag string) *conventions {
	tag = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(tag, "_", "-")))
	primary, region, _ := strings.Cut(tag, "-")
	switch primary {
	case "en":
		return &english
	case "ru":
		return &russian
	case "uk":
		return &ukrainian
	case "be":
		return &belarusian
	case "de":
		if region == "ch" || region == "li" {
			return &swissGerman
		}
		return &german
	case "fr":
		if region == "ch" {
			return &swissFrench
		}
		return &french
	case "es", "it":
		return &guillemets
	case "pt":
		if region == "br" {
			return &neutral
		}
		return &guillemets
	case "pl":
		return &polish
	case "cs", "sk":
		return &czech
	}
	return &neutral
}

// Swiss German and French use guillemets without inner spaces.
var (
	swissGerman = conventions{
		primary: pair{'«', '»'}, secondary: pair{'‹', '›'}, single: pair{'‹', '›'},
		spacedDash: '–',
	}
	swissFrench = conventions{
		primary: pair{'«', '»'}, secondary: pair{'‹', '›'}, single: pair{'‹', '›'},
		spacedDash: '–', groupDigits: true,
	}
)
