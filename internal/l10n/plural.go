package l10n

// Category is a CLDR plural category: which form of a noun follows a
// number.
type Category int

// The plural categories, as CLDR names them. Other is the zero value: the
// form every language has.
const (
	Other Category = iota
	Zero
	One
	Two
	Few
	Many
)

// Forms are the forms of a noun after a number, by plural category. A form
// left empty falls back to Other's.
type Forms [Many + 1]string

// form returns the form for category c.
func (f *Forms) form(c Category) string {
	if s := f[c]; s != "" {
		return s
	}
	return f[Other]
}

// pluralRule gives the category of a whole number n ≥ 0 in one language.
type pluralRule func(n int) Category

// The integer cases of CLDR's cardinal plural rules (plurals.xml: i is the
// number, v = 0). Fractions never occur: offprint counts things.
var (
	// ruleOther: Indonesian, Vietnamese: one form.
	ruleOther pluralRule = func(int) Category { return Other }
	// ruleOne: English, German, Dutch, the Scandinavian languages…: 1 and
	// the rest.
	ruleOne pluralRule = func(n int) Category {
		if n == 1 {
			return One
		}
		return Other
	}
	// ruleZeroOne: French and Brazilian Portuguese: 0 and 1 are singular.
	ruleZeroOne pluralRule = func(n int) Category {
		if n <= 1 {
			return One
		}
		return Other
	}
	// ruleMillions: Spanish, Italian, Catalan, European Portuguese: 1,
	// whole millions ("1 000 000 de artículos") and the rest.
	ruleMillions pluralRule = func(n int) Category {
		switch {
		case n == 1:
			return One
		case n != 0 && n%1000000 == 0:
			return Many
		}
		return Other
	}
	// ruleFrench: French, with 0 and 1 singular and whole millions apart.
	ruleFrench pluralRule = func(n int) Category {
		if n != 0 && n%1000000 == 0 {
			return Many
		}
		return ruleZeroOne(n)
	}
	// ruleIcelandic: 1, 21, 31… (not 11) are singular.
	ruleIcelandic pluralRule = func(n int) Category {
		if n%10 == 1 && n%100 != 11 {
			return One
		}
		return Other
	}
	// ruleEastSlavic: Russian, Ukrainian, Belarusian: 1, 21… (one); 2–4,
	// 22–24… (few); the rest, 11–14 included (many).
	ruleEastSlavic pluralRule = func(n int) Category {
		switch n10, n100 := n%10, n%100; {
		case n10 == 1 && n100 != 11:
			return One
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			return Few
		}
		return Many
	}
	// rulePolish: 1 (one); 2–4, 22–24… not 12–14 (few); the rest (many).
	rulePolish pluralRule = func(n int) Category {
		switch n10, n100 := n%10, n%100; {
		case n == 1:
			return One
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			return Few
		}
		return Many
	}
	// ruleCzech: Czech and Slovak: 1 (one), 2–4 (few), the rest (other).
	ruleCzech pluralRule = func(n int) Category {
		switch {
		case n == 1:
			return One
		case n >= 2 && n <= 4:
			return Few
		}
		return Other
	}
	// ruleBosnian: Croatian and Serbian: 1, 21… (one); 2–4, 22–24… not
	// 12–14 (few); the rest (other).
	ruleBosnian pluralRule = func(n int) Category {
		switch n10, n100 := n%10, n%100; {
		case n10 == 1 && n100 != 11:
			return One
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			return Few
		}
		return Other
	}
	// ruleSlovenian: 1, 101… (one); 2, 102… (two); 3–4, 103–104… (few);
	// the rest (other).
	ruleSlovenian pluralRule = func(n int) Category {
		switch n % 100 {
		case 1:
			return One
		case 2:
			return Two
		case 3, 4:
			return Few
		}
		return Other
	}
	// ruleLithuanian: 1, 21… not 11 (one); 2–9, 22–29… not 12–19 (few);
	// 0, 10–20, 30… (other).
	ruleLithuanian pluralRule = func(n int) Category {
		n10, n100 := n%10, n%100
		switch {
		case n100 >= 11 && n100 <= 19:
			return Other
		case n10 == 1:
			return One
		case n10 >= 2:
			return Few
		}
		return Other
	}
	// ruleLatvian: 0, 10–20, 30… (zero); 1, 21… not 11 (one); the rest
	// (other).
	ruleLatvian pluralRule = func(n int) Category {
		n10, n100 := n%10, n%100
		switch {
		case n10 == 0 || n100 >= 11 && n100 <= 19:
			return Zero
		case n10 == 1:
			return One
		}
		return Other
	}
	// ruleRomanian: 1 (one); 0 and 2–19, 101–119… (few); the rest
	// (other, "20 de articole").
	ruleRomanian pluralRule = func(n int) Category {
		switch n100 := n % 100; {
		case n == 1:
			return One
		case n == 0 || n100 >= 1 && n100 <= 19:
			return Few
		}
		return Other
	}
	// ruleWelsh: 0 (zero), 1 (one), 2 (two), 3 (few), 6 (many), the rest
	// (other).
	ruleWelsh pluralRule = func(n int) Category {
		switch n {
		case 0:
			return Zero
		case 1:
			return One
		case 2:
			return Two
		case 3:
			return Few
		case 6:
			return Many
		}
		return Other
	}
	// ruleIrish: 1 (one), 2 (two), 3–6 (few), 7–10 (many), the rest
	// (other).
	ruleIrish pluralRule = func(n int) Category {
		switch {
		case n == 1:
			return One
		case n == 2:
			return Two
		case n >= 3 && n <= 6:
			return Few
		case n >= 7 && n <= 10:
			return Many
		}
		return Other
	}
)
