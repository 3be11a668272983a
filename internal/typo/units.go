package typo

import "unicode"

// units are the symbols bound to the number before them by a no-break
// space ("5 km", "30 °C", "12 %"): the SI units and prefixes in common
// use, a few others met in the news (hectares, kilowatt-hours, bytes),
// the percent and per-mille signs, the major currency signs and the
// abbreviations of other scripts that stand for the same units. The list
// is short on purpose: a symbol that is also a word ("in", "a") is left
// out, so that no sentence is held together by mistake.
var units = func() map[string]bool {
	m := map[string]bool{}
	for _, u := range []string{
		// Length, area, volume.
		"km", "m", "cm", "mm", "µm", "μm", "nm", "km²", "m²", "cm²", "mm²", "m³", "cm³", "km2", "m2", "m3",
		"ha", "l", "L", "ml", "mL", "cl", "dl", "hl",
		// Mass.
		"kg", "g", "mg", "µg", "μg", "t", "kt", "Mt",
		// Time and speed.
		"h", "min", "s", "ms", "µs", "ns", "km/h", "m/s",
		// Temperature and angles.
		"°C", "°F", "°", "K",
		// Energy, power, electricity, pressure, sound, frequency.
		"W", "kW", "MW", "GW", "TW", "Wh", "kWh", "MWh", "GWh", "TWh", "J", "kJ", "MJ", "kcal", "cal",
		"V", "kV", "mA", "Hz", "kHz", "MHz", "GHz", "Pa", "hPa", "kPa", "MPa", "bar", "mbar", "dB",
		// Data.
		"kB", "MB", "GB", "TB", "KB", "Mbit", "Gbit", "Mb/s", "Mbit/s", "Gbit/s",
		// Signs.
		"%", "‰", "€", "$", "£", "¥", "₽", "₴", "₺", "₸", "zł", "Kč", "Ft", "kr", "lei",
		// Cyrillic.
		"км", "м", "см", "мм", "км²", "м²", "м³", "га", "л", "мл", "кг", "г", "мг", "т", "ч", "мин", "с", "мс",
		"км/ч", "м/с", "Вт", "кВт", "МВт", "ГВт", "кВт·ч", "В", "кВ", "Гц", "кГц", "МГц", "ГГц", "дБ",
		"Кб", "Мб", "Гб", "Тб", "млн", "млрд", "тыс", "трлн", "руб", "грн", "коп",
		// Greek.
		"χλμ", "εκ", "χιλ", "τ.μ", "λεπτά",
	} {
		m[u] = true
	}
	return m
}()

// maxUnit is the most runes a symbol of units has.
const maxUnit = 7

// unitRune reports whether r may stand in a unit symbol.
func unitRune(r rune) bool {
	return unicode.IsLetter(r) || r == '°' || r == '%' || r == '‰' || r == '²' || r == '³' || r == '/' ||
		r == '·' || r == '2' || r == '3' || unicode.Is(unicode.Sc, r)
}

// unitAt reports whether a unit symbol stands at input rune i, followed by
// something that is not part of a word. It looks at most maxUnit+1 runes
// ahead.
func (s *stream) unitAt(i int) bool {
	j := i
	for j-i <= maxUnit && s.text(j) && unitRune(s.in[j]) {
		s.work++
		j++
	}
	if j == i || j-i > maxUnit || word(s.at(j)) {
		return false
	}
	// A final slash belongs to the text: "5 km/" is not a unit.
	return units[string(s.in[i:j])]
}
