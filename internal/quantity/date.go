package quantity

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Precision is the length of the period a date names.
type Precision int

// The precisions of a date, from the finest.
const (
	Day     Precision = iota + 1 // 2027-06-30
	Month                        // 2027-06
	Quarter                      // 2027-Q2
	Half                         // 2027-H1
	Year                         // 2027
)

var precisionNames = [...]string{Day: "day", Month: "month", Quarter: "quarter", Half: "half", Year: "year"}

func (p Precision) String() string {
	if p >= Day && p <= Year {
		return precisionNames[p]
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Date is the deadline of a metric: a day or a longer period.
type Date struct {
	Text      string    // the cell as written, trimmed
	Start     time.Time // the first day of the period, 00:00 UTC
	End       time.Time // the last day of the period, 00:00 UTC
	Precision Precision
}

// String returns the date as written.
func (d Date) String() string { return d.Text }

// Before reports whether d ends before o ends. A period counts as its last
// day, so 2027-Q2 is before 2027-07 but not before 2027-06-30.
func (d Date) Before(o Date) bool { return d.End.Before(o.End) }

// Compare returns -1, 0 or +1 as d ends before, on or after the day o ends.
func (d Date) Compare(o Date) int { return d.End.Compare(o.End) }

// DaysLate returns how many days after d's last day today is, or 0 if d has
// not passed. Only today's calendar date matters, in today's own location.
func (d Date) DaysLate(today time.Time) int {
	t := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	// Count through Unix days rather than t.Sub, which saturates after 292 years.
	late := (t.Unix() - d.End.Unix()) / (24 * 60 * 60)
	return int(max(late, 0))
}

// Years outside this range are almost certainly typos (2207 for 2027 is
// inside it, but 20207 and 0227 are not).
const (
	minYear = 1900
	maxYear = 2999
)

var (
	errNotDate  = errors.New(wantDate)
	errFiscal   = errors.New("fiscal years and quarters differ between companies: write the calendar period, such as 2027-06-30 or 2027-Q2")
	errYear     = fmt.Errorf("want a year from %d to %d", minYear, maxYear)
	errRelative = errors.New("a deadline relative to a launch or a week number moves with it: write the calendar date it falls on, such as 2027-06-30 or 2027-Q3")
	errPartDay  = errors.New("early, mid and late need a period longer than a day, such as mid-2027, early Q3 2027 or late December 2027")
)

// ParseDate reads a By cell: YYYY-MM-DD, YYYY-MM, YYYY-Qn, Qn YYYY, YYYY-Hn
// or YYYY. Q and H may be lower-case, "Q3-2027", "2027 Q3" and "2027Q3" are
// accepted, and months and days may have one digit. A month may be named
// ("Dec 2027", "December 31, 2027", "31 Dec 2027"), and the period may be
// opened by "by", "in" or "until" and by "end of" (the period itself),
// "early", "mid" or "late" (a part of it: see the package documentation).
// German, Japanese and Korean dates are read too ("30.06.2027", "Ende
// 2027", "2027年6月末", "2027년 3분기": see Other languages there).
// Impossible dates (2027-02-30, 2027-13, Q5, H3) are rejected with a
// *ParseError.
func ParseDate(s string) (Date, error) {
	text := strings.TrimSpace(s)
	d, err := parseDate(foldSpace(halfWidth(text)))
	if err != nil {
		return Date{}, &ParseError{Input: text, What: "date", Reason: err.Error()}
	}
	d.Text = text
	return d, nil
}

// parseDate reads a space-folded By cell with ASCII digits: an optional
// "by" or "in", an optional modifier ("end of", "mid-"), then a period,
// which in Japanese and Korean may be followed by a modifier ("末") and
// "まで" or "까지".
func parseDate(s string) (Date, error) {
	rest := cutDeadlineWord(s)
	mod, yearOnly, rest := cutDateModifier(rest)
	rest = cutDeadlineSuffix(rest)
	if m, r := cutDateSuffixModifier(rest); m != modNone {
		if mod != modNone {
			return Date{}, errNotDate // "end of 2027年末"
		}
		mod, rest = m, r
	}
	d, err := parsePeriod(rest)
	switch {
	case err == errNotDate && isRelative(s):
		return Date{}, errRelative
	case err != nil:
		return Date{}, err
	case yearOnly && (d.Precision != Year || digitRun(rest, 0) != len(rest)):
		return Date{}, errNotDate
	}
	return d.part(mod)
}

// cutDeadlineSuffix removes a "まで" or "까지" that closes a By cell.
func cutDeadlineSuffix(s string) string {
	for _, w := range deadlineSuffixes {
		if r, ok := strings.CutSuffix(s, w); ok {
			return strings.TrimSuffix(r, " ")
		}
	}
	return s
}

// cutDateSuffixModifier removes a Japanese or Korean modifier that closes
// a By cell after a date mark ("2027年末", "2027년 6월 말"), and returns it.
func cutDateSuffixModifier(s string) (dateModifier, string) {
	for _, m := range dateSuffixModifiers {
		r, ok := strings.CutSuffix(s, m.suffix)
		if !ok {
			continue
		}
		r = strings.TrimSuffix(r, " ")
		for _, marks := range [][]string{yearMarks, monthMarks, dayMarks} {
			for _, mark := range marks {
				if strings.HasSuffix(r, mark) {
					return m.mod, r
				}
			}
		}
		if _, _, after, ok := cutPeriod(lastWord(r)); ok && after == "" {
			return m.mod, r // "2027年Q3末"
		}
		return modNone, s
	}
	return modNone, s
}

// lastWord returns what follows the last space or date mark of s.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return r == ' ' || isCJK(r) })
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// cutDeadlineWord removes a "by", "in" or "until" that opens a By cell.
func cutDeadlineWord(s string) string {
	for _, w := range deadlineWords {
		if r, ok := cutPrefixFold(s, w); ok && strings.HasPrefix(r, " ") {
			return r[1:]
		}
	}
	return s
}

// cutDateModifier removes "end of", "early", "mid-" and the like. The
// modifier is followed by a space, or by "-" after a single word ("mid-2027").
func cutDateModifier(s string) (mod dateModifier, yearOnly bool, rest string) {
	for _, m := range dateModifiers {
		r, ok := cutPrefixFold(s, m.prefix)
		if !ok {
			continue
		}
		if t, dash := strings.CutPrefix(r, "-"); dash && !strings.Contains(m.prefix, " ") {
			return m.mod, m.yearOnly, t
		}
		if t, space := strings.CutPrefix(r, " "); space {
			return m.mod, m.yearOnly, t
		}
	}
	return modNone, false, s
}

// isRelative reports whether a By cell that is not a date counts from a
// launch or in weeks or sprints: "30 days after launch", "Week 4".
func isRelative(s string) bool {
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "t+") || strings.HasPrefix(lower, "t +") {
		return true
	}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if relativeWords()[w] {
			return true
		}
	}
	// Japanese and Korean words are not separated: look for them anywhere.
	for w := range relativeWords() {
		if first, _ := utf8.DecodeRuneInString(w); isCJK(first) && strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// part returns the part of d a modifier names. "End of" and "by" name the
// period itself, since a period counts as its last day. Early, mid and
// late split a year into Q1, H1 (ending halfway) and Q4; a half into its
// first quarter (early and mid) and its second; a quarter into its three
// months; and a month into the 10th, the 15th and its last day.
func (d Date) part(mod dateModifier) (Date, error) {
	if mod == modNone || mod == modEnd {
		return d, nil
	}
	year, first := d.Start.Year(), d.Start.Month()
	pick := func(early, mid, late int) int {
		switch mod {
		case modEarly:
			return early
		case modMid:
			return mid
		}
		return late
	}
	switch d.Precision {
	case Year:
		if mod == modMid {
			return span(year, time.January, 6, Half), nil
		}
		return span(year, time.Month(pick(1, 1, 10)), 3, Quarter), nil
	case Half:
		return span(year, first+time.Month(pick(0, 0, 3)), 3, Quarter), nil
	case Quarter:
		return span(year, first+time.Month(pick(0, 1, 2)), 1, Month), nil
	case Month:
		day := pick(10, 15, daysIn(year, first))
		t := time.Date(year, first, day, 0, 0, 0, 0, time.UTC)
		return Date{Start: t, End: t, Precision: Day}, nil
	}
	return Date{}, errPartDay
}

// parsePeriod reads a period without modifiers.
func parsePeriod(s string) (Date, error) {
	if strings.HasPrefix(strings.ToUpper(s), "FY") {
		return Date{}, errFiscal
	}
	if d, ok, err := namedMonth(s); ok {
		return d, err
	}
	if d, ok, err := dottedDate(s); ok {
		return d, err
	}
	if p, n, rest, ok := cutPeriod(s); ok { // Qn YYYY
		rest, ok = cutDateSeparator(rest)
		year, rest, yearOK := cutYear(rest)
		if !ok || !yearOK || rest != "" {
			return Date{}, errNotDate
		}
		return period(year, p, n)
	}
	year, rest, ok := cutYear(s)
	if !ok {
		return Date{}, errNotDate
	}
	if rest == "" {
		return period(year, Year, 1)
	}
	if r, fiscal, ok := cutYearMark(rest); fiscal {
		return Date{}, errFiscal
	} else if ok {
		return markedPeriod(year, r)
	}
	// YYYY-Qn, YYYY Qn, YYYYQn and the same with H.
	if afterSep, _ := cutDateSeparator(rest); afterSep != "" {
		if p, n, after, ok := cutPeriod(afterSep); ok && after == "" {
			return period(year, p, n)
		}
	}
	monthText, rest, ok := cutDatePart(rest)
	if !ok {
		return Date{}, errNotDate
	}
	if rest == "" {
		return monthOf(year, monthText)
	}
	dayText, rest, ok := cutDatePart(rest)
	if !ok || rest != "" {
		return Date{}, errNotDate
	}
	return dayOf(year, monthText, dayText)
}

// cutYearMark removes the "年" or "년" after a year, and an optional
// space around it; fiscal reports a fiscal year's mark ("年度") instead.
func cutYearMark(s string) (rest string, fiscal, ok bool) {
	t := strings.TrimPrefix(s, " ")
	for _, m := range fiscalYearMarks {
		if strings.HasPrefix(t, m) {
			return s, true, false
		}
	}
	if r, ok := cutMark(t, yearMarks); ok {
		return r, false, true
	}
	return s, false, false
}

// cutMark removes one of marks from the start of s, and a space after it.
func cutMark(s string, marks []string) (string, bool) {
	for _, m := range marks {
		if r, ok := strings.CutPrefix(s, m); ok {
			return strings.TrimPrefix(r, " "), true
		}
	}
	return s, false
}

// markedPeriod reads what follows the "年" of a Japanese or Korean date:
// nothing, a quarter ("Q3", "第3四半期", "3분기"), a half ("上半期",
// "하반기"), or a month and an optional day ("6月30日", "6월 30일").
func markedPeriod(year int, s string) (Date, error) {
	if s == "" {
		return period(year, Year, 1)
	}
	if p, n, after, ok := cutPeriod(s); ok && after == "" {
		return period(year, p, n)
	}
	if n, ok := halfWords()[s]; ok {
		return period(year, Half, n)
	}
	for _, q := range quarterMarks {
		r, ok := strings.CutPrefix(s, q.before)
		n := digitRun(r, 0)
		if ok && n >= 1 && n <= 2 && strings.TrimPrefix(r[n:], " ") == q.after {
			quarter, _ := strconv.Atoi(r[:n])
			return period(year, Quarter, quarter)
		}
	}
	monthText, rest, ok := cutMarkedNumber(s, monthMarks)
	if !ok {
		return Date{}, errNotDate
	}
	if rest == "" {
		return monthOf(year, monthText)
	}
	dayText, rest, ok := cutMarkedNumber(rest, dayMarks)
	if !ok || rest != "" {
		return Date{}, errNotDate
	}
	return dayOf(year, monthText, dayText)
}

// cutMarkedNumber removes one or two digits followed by one of marks
// ("6月", "30 일").
func cutMarkedNumber(s string, marks []string) (digits, rest string, ok bool) {
	n := digitRun(s, 0)
	if n < 1 || n > 2 {
		return "", s, false
	}
	rest, ok = cutMark(strings.TrimPrefix(s[n:], " "), marks)
	return s[:n], rest, ok
}

// dottedDate reads a date written with dots: the day first when the year
// is last, as in German ("30.06.2027"), the day last when the year is
// first, as in Korean ("2027.06.30", "2027. 6. 30."). ok is false when s
// does not have either shape.
func dottedDate(s string) (d Date, ok bool, err error) {
	var parts [3]string
	r := s
	for i := range parts {
		n := digitRun(r, 0)
		parts[i], r = r[:n], r[n:]
		if i < 2 {
			var dot bool
			if r, dot = strings.CutPrefix(r, "."); !dot {
				return Date{}, false, nil
			}
			r = strings.TrimPrefix(r, " ")
		}
	}
	short := func(p string) bool { return len(p) >= 1 && len(p) <= 2 }
	switch {
	case short(parts[0]) && short(parts[1]) && len(parts[2]) == 4 && r == "":
		year, _ := strconv.Atoi(parts[2])
		d, err = dayOf(year, parts[1], parts[0])
	case len(parts[0]) == 4 && short(parts[1]) && short(parts[2]) && (r == "" || r == "."):
		year, _ := strconv.Atoi(parts[0])
		d, err = dayOf(year, parts[1], parts[2])
	default:
		return Date{}, false, nil
	}
	return d, true, err
}

// cutYear removes exactly four digits.
func cutYear(s string) (year int, rest string, ok bool) {
	if digitRun(s, 0) != 4 {
		return 0, s, false
	}
	year, _ = strconv.Atoi(s[:4])
	return year, s[4:], true
}

// cutDatePart removes "-" and a month or day of one or two digits.
func cutDatePart(s string) (digits, rest string, ok bool) {
	r, found := strings.CutPrefix(s, "-")
	n := digitRun(r, 0)
	if !found || n < 1 || n > 2 {
		return "", s, false
	}
	return r[:n], r[n:], true
}

// cutDateSeparator removes one "-" or space, the separators allowed between
// a year and a quarter or half. Having none is fine too ("2027Q3").
func cutDateSeparator(s string) (string, bool) {
	if r, ok := strings.CutPrefix(s, "-"); ok {
		return r, true
	}
	if r, ok := strings.CutPrefix(s, " "); ok {
		return r, true
	}
	return s, false
}

// cutPeriod removes a quarter ("Q3") or half ("H2"), in either case. The
// number is one or two digits so that "Q10" can be named as impossible.
func cutPeriod(s string) (p Precision, n int, rest string, ok bool) {
	if s == "" {
		return 0, 0, s, false
	}
	switch s[0] {
	case 'Q', 'q':
		p = Quarter
	case 'H', 'h':
		p = Half
	default:
		return 0, 0, s, false
	}
	digits := digitRun(s, 1)
	if digits < 1 || digits > 2 {
		return 0, 0, s, false
	}
	n, _ = strconv.Atoi(s[1 : 1+digits])
	return p, n, s[1+digits:], true
}

// period returns the n-th quarter or half of year, or the whole year.
func period(year int, p Precision, n int) (Date, error) {
	if year < minYear || year > maxYear {
		return Date{}, errYear
	}
	months := monthsIn(p)
	switch {
	case p == Quarter && (n < 1 || n > 4):
		return Date{}, fmt.Errorf("Q%d does not exist: want a quarter from Q1 to Q4", n)
	case p == Half && (n < 1 || n > 2):
		return Date{}, fmt.Errorf("H%d does not exist: want a half from H1 to H2", n)
	}
	return span(year, time.Month((n-1)*months+1), months, p), nil
}

// monthsIn returns the length in months of a quarter, half or year.
func monthsIn(p Precision) int {
	switch p {
	case Quarter:
		return 3
	case Half:
		return 6
	}
	return 12
}

func monthOf(year int, monthText string) (Date, error) {
	m, err := checkMonth(year, monthText)
	if err != nil {
		return Date{}, err
	}
	return span(year, m, 1, Month), nil
}

func dayOf(year int, monthText, dayText string) (Date, error) {
	m, err := checkMonth(year, monthText)
	if err != nil {
		return Date{}, err
	}
	d, _ := strconv.Atoi(dayText)
	last := daysIn(year, m)
	if d < 1 || d > last {
		return Date{}, fmt.Errorf("%s %d has %d days, not %d", m, year, last, d)
	}
	t := time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
	return Date{Start: t, End: t, Precision: Day}, nil
}

func checkMonth(year int, monthText string) (time.Month, error) {
	if year < minYear || year > maxYear {
		return 0, errYear
	}
	m, _ := strconv.Atoi(monthText)
	if m < 1 || m > 12 {
		return 0, fmt.Errorf("month %s does not exist: want a month from 01 to 12", monthText)
	}
	return time.Month(m), nil
}

// span returns the period of the given number of months from the first day
// of first month; it ends on the last day of its last month.
func span(year int, first time.Month, months int, p Precision) Date {
	start := time.Date(year, first, 1, 0, 0, 0, 0, time.UTC)
	return Date{Start: start, End: start.AddDate(0, months, -1), Precision: p}
}

// daysIn returns the number of days in month m of year: day 0 of the next
// month is the last day of this one.
func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// namedMonth reads a date with the month's name: "Dec 2027", "December
// 2027", "Dec. 31, 2027", "December 31st 2027" and "31 Dec 2027". ok is
// false when s does not name a month, and err then says nothing.
func namedMonth(s string) (d Date, ok bool, err error) {
	var m, day int
	var rest string
	if m, rest, ok = cutMonthName(s); ok {
		// Month [day[st][,]] year
		r := strings.TrimPrefix(rest, "-")
		if r == rest {
			r = strings.TrimPrefix(strings.TrimPrefix(rest, ","), " ")
		}
		if n := digitRun(r, 0); n >= 1 && n <= 2 {
			day, _ = strconv.Atoi(r[:n])
			r, _ = cutOrdinal(r[n:])
			r = strings.TrimPrefix(r, ",")
			var space bool
			if r, space = strings.CutPrefix(r, " "); !space {
				return Date{}, true, errNotDate
			}
		}
		rest = r
	} else {
		// day[st] Month[,] year
		n := digitRun(s, 0)
		if n < 1 || n > 2 {
			return Date{}, false, nil
		}
		r, _ := cutOrdinal(s[n:])
		r = strings.TrimPrefix(r, ".") // German "30. Juni 2027"
		r, space := strings.CutPrefix(r, " ")
		if !space {
			return Date{}, false, nil
		}
		if m, rest, ok = cutMonthName(r); !ok {
			return Date{}, false, nil
		}
		day, _ = strconv.Atoi(s[:n])
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, ","), " ")
	}
	year, rest, yearOK := cutYear(rest)
	if !yearOK || rest != "" {
		return Date{}, true, errNotDate
	}
	if day == 0 {
		d, err = monthOf(year, strconv.Itoa(m))
		return d, true, err
	}
	d, err = dayOf(year, strconv.Itoa(m), strconv.Itoa(day))
	return d, true, err
}

// cutMonthName removes a month's name or abbreviation, with an optional
// full stop ("Dec."), in any case.
func cutMonthName(s string) (month int, rest string, ok bool) {
	w := leadingLetters(s)
	m, found := monthNames()[strings.ToLower(w)]
	if !found {
		return 0, s, false
	}
	rest = strings.TrimPrefix(s[len(w):], ".")
	return m, rest, true
}
