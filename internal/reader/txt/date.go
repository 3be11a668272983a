package txt

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// months maps month names and abbreviations (lower case, no dot) in
// English, Russian (genitive and nominative), German, French and Spanish to
// month numbers.
var months = func() map[string]time.Month {
	m := make(map[string]time.Month)
	lists := []string{
		"january february march april may june july august september october november december",
		"jan feb mar apr may jun jul aug sep oct nov dec",
		"jan feb mar apr may june july aug sept oct nov dec",
		"января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
		"январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
		"янв фев мар апр мая июн июл авг сен окт ноя дек",
		"januar februar märz april mai juni juli august september oktober november dezember",
		"janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
		"enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
	}
	for _, l := range lists {
		for i, name := range strings.Fields(l) {
			if _, ok := m[name]; !ok {
				m[name] = time.Month(i + 1)
			}
		}
	}
	return m
}()

// dateNoise are words that may surround a date without changing it:
// weekdays, "at", time-zone names, the Russian "г." and "года", the
// Spanish "de", German "um" and "Uhr".
var dateNoise = wordSet(`
	monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
	понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
	пн вт ср чт пт сб вс
	montag dienstag mittwoch donnerstag freitag samstag sonntag
	lundi mardi mercredi jeudi vendredi samedi dimanche
	lunes martes miércoles jueves viernes sábado domingo
	at on the в г года год um uhr à le de del el a las
	am pm a.m p.m utc gmt bst est edt cst cdt mst mdt pst pdt et pt cet cest eet eest msk мск z`)

// parseDate parses s if it is a date, perhaps with a weekday and a time:
// "3 May 2025", "May 3, 2025", "Saturday, 3 May 2025 14:30 GMT",
// "2025-05-03", "2025-05-03T14:30:00Z", "03.05.2025", "3 мая 2025 г.",
// "3. Mai 2025", "3 de mayo de 2025". ok is false when s is not a date; a
// date that is one but says too little ("03/05/2025", day and month
// ambiguous) is ok with the zero time. Only the day is kept, in UTC.
func parseDate(s string) (t time.Time, ok bool) {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')'
	})
	var (
		day, year int
		month     time.Month
		numeric   bool // a one-field numeric date was found
		ambiguous bool
	)
	for _, f := range fields {
		if y, m, d, amb, isDate := numericDate(f); isDate {
			if numeric || day != 0 || month != 0 || year != 0 {
				return time.Time{}, false
			}
			numeric, ambiguous = true, amb
			year, month, day = y, m, d
			continue
		}
		bare := strings.TrimSuffix(f, ".")
		if m, isMonth := months[bare]; isMonth && month == 0 && !numeric {
			month = m
			continue
		}
		if n, isNum := ordinal(f); isNum {
			switch {
			case n >= 1000 && n <= 2999 && year == 0 && !numeric:
				year = n
			case n >= 1 && n <= 31 && day == 0 && !numeric:
				day = n
			default:
				return time.Time{}, false
			}
			continue
		}
		if isClock(f) || dateNoise[bare] || dateNoise[f] || isZoneOffset(f) {
			continue
		}
		return time.Time{}, false
	}
	if ambiguous {
		return time.Time{}, true
	}
	if day == 0 || month == 0 || year < 1900 || year > 2200 {
		return time.Time{}, false
	}
	t = time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // 31 April and the like
		return time.Time{}, false
	}
	return t, true
}

// numericDate parses one field written in digits: 2025-05-03 (with an
// optional ISO 8601 time), 2025/05/03, 03.05.2025 and 03/05/2025. A
// slashed date whose day and month could be either way round is ambiguous.
func numericDate(f string) (y int, m time.Month, d int, ambiguous, ok bool) {
	if i := strings.IndexByte(f, 't'); i == 10 {
		if _, err := time.Parse(time.RFC3339, strings.ToUpper(f)); err != nil && !isClock(f[i+1:]) {
			return 0, 0, 0, false, false
		}
		f = f[:i]
	}
	f = strings.TrimSuffix(f, ".")
	var parts []string
	var sep byte
	for _, c := range []byte{'-', '.', '/'} {
		if p := strings.Split(f, string(c)); len(p) == 3 {
			parts, sep = p, c
			break
		}
	}
	if parts == nil {
		return 0, 0, 0, false, false
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || p == "" || len(p) > 4 {
			return 0, 0, 0, false, false
		}
		n[i] = v
	}
	switch {
	case len(parts[0]) == 4 && sep != '.': // year first
		y, m, d = n[0], time.Month(n[1]), n[2]
	case len(parts[2]) == 4 && sep == '.': // day.month.year
		y, m, d = n[2], time.Month(n[1]), n[0]
	case len(parts[2]) == 4 && sep == '/':
		y = n[2]
		switch {
		case n[0] > 12 && n[1] <= 12:
			m, d = time.Month(n[1]), n[0]
		case n[1] > 12 && n[0] <= 12:
			m, d = time.Month(n[0]), n[1]
		case n[0] == n[1]:
			m, d = time.Month(n[0]), n[1]
		default:
			return y, 0, 0, true, n[0] >= 1 && n[1] >= 1 && n[0] <= 12 && n[1] <= 12
		}
	default:
		return 0, 0, 0, false, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false, false
	}
	return y, m, d, false, true
}

// ordinal parses a day or year: "3", "03", "3rd", "3.", "2025".
func ordinal(f string) (int, bool) {
	f = strings.TrimSuffix(f, ".")
	for _, suf := range []string{"st", "nd", "rd", "th", "-го", "-е"} {
		if strings.HasSuffix(f, suf) && len(f) > len(suf) {
			f = f[:len(f)-len(suf)]
			break
		}
	}
	if f == "" || len(f) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(f)
	return n, err == nil
}

// isClock reports whether f is a time of day: "14:30", "2:30pm", "14:30:05",
// "14.30" is not (it is ambiguous with a number).
func isClock(f string) bool {
	f = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(f, "pm"), "am"), "z")
	parts := strings.Split(f, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for i, p := range parts {
		if i == len(parts)-1 {
			if j := strings.IndexAny(p, ".+-"); j > 0 { // fraction or zone
				p = p[:j]
			}
		}
		if len(p) < 1 || len(p) > 2 {
			return false
		}
		if _, err := strconv.Atoi(p); err != nil {
			return false
		}
	}
	return true
}

// isZoneOffset reports whether f is a time-zone offset: "+03:00", "-0500",
// "utc+3", "gmt+03:00".
func isZoneOffset(f string) bool {
	f = strings.TrimPrefix(strings.TrimPrefix(f, "utc"), "gmt")
	if len(f) < 2 || (f[0] != '+' && f[0] != '-') {
		return false
	}
	for _, c := range f[1:] {
		if (c < '0' || c > '9') && c != ':' {
			return false
		}
	}
	return len(f) <= 6
}

// isRelativeDate reports whether s is a date relative to when the page was
// saved ("2 hours ago", "вчера"): a date, but not one we can place.
func isRelativeDate(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	switch l {
	case "today", "yesterday", "just now", "сегодня", "вчера", "только что", "heute", "gestern",
		"aujourd'hui", "hier", "hoy", "ayer":
		return true
	}
	f := strings.Fields(l)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	last := f[len(f)-1]
	if last != "ago" && last != "назад" {
		return false
	}
	_, isNum := ordinal(f[0])
	return isNum || f[0] == "a" || f[0] == "an"
}
