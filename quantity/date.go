package quantity

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
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
// Impossible dates (2027-02-30, 2027-13, Q5, H3) are rejected with a
// *ParseError.
func ParseDate(s string) (Date, error) {
	text := strings.TrimSpace(s)
	d, err := parseDate(foldSpace(text))
	if err != nil {
		return Date{}, &ParseError{Input: text, What: "date", Reason: err.Error()}
	}
	d.Text = text
	return d, nil
}

// parseDate reads a space-folded By cell: an optional "by" or "in", an
// optional modifier ("end of", "mid-"), then a period.
func parseDate(s string) (Date, error) {
	rest := cutDeadlineWord(s)
	mod, yearOnly, rest := cutDateModifier(rest)
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
		if relativeWords[w] {
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
	m, found := monthNames[strings.ToLower(w)]
	if !found {
		return 0, s, false
	}
	rest = strings.TrimPrefix(s[len(w):], ".")
	return m, rest, true
}
