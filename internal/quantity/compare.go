package quantity

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// measure is a qualifier split into its statistic ("p95", "p50", or ""
// for an average, written or not) and its other words ("arr", "of users").
type measure struct {
	stat    string // "", "mean", "p50", "p95", "p99.9" …
	written bool   // the statistic was written, even if only as "mean"
	words   []string
}

// measureOf reads a lower-cased qualifier. A statistic may be written p95,
// p99.9, median, mean, average or avg, or as "95th percentile"; "at" and
// "the" in front of it are part of it ("at the 95th percentile").
// The words keep their case, so that a message can quote them as written
// ("ARR"); they are compared ignoring it.
func measureOf(qualifier string) measure {
	var m measure
	written := wordsOf(qualifier)
	ws := make([]string, len(written))
	for i, w := range written {
		ws[i] = strings.ToLower(w)
	}
	for i := 0; i < len(ws); i++ {
		stat, n := statAt(ws, i)
		if n == 0 || m.written {
			m.words = append(m.words, written[i])
			continue
		}
		m.stat, m.written = stat, true
		for len(m.words) > 0 && isStatConnector(m.words[len(m.words)-1]) {
			m.words = m.words[:len(m.words)-1]
		}
		i += n - 1
	}
	return m
}

// isStatConnector reports words that only join a statistic to the value:
// "at the p95".
func isStatConnector(w string) bool {
	return strings.EqualFold(w, "the") || strings.EqualFold(w, "at") || w == "@"
}

// statAt reads a statistic at ws[i] and returns it with the number of
// words it spans, or 0 words when there is none.
func statAt(ws []string, i int) (string, int) {
	w := ws[i]
	if p, ok := percentileOf(w); ok {
		return normalPercentile(p), 1
	}
	if s, ok := statisticWords()[w]; ok {
		return s, 1
	}
	if n := ordinalNumber(w); n != "" && i+1 < len(ws) && ws[i+1] == "percentile" {
		return normalPercentile("p" + n), 2
	}
	return "", 0
}

// normalPercentile writes p50 for the median and drops leading zeros.
func normalPercentile(p string) string {
	digits := strings.TrimLeft(p[1:], "0")
	if digits == "" || digits[0] == '.' {
		digits = "0" + digits
	}
	return "p" + digits
}

// norm treats an average written out like an unqualified value.
func (m measure) norm() string {
	if m.stat == statMean {
		return ""
	}
	return m.stat
}

func sameMeasure(a, b measure) bool {
	if a.norm() != b.norm() || len(a.words) != len(b.words) {
		return false
	}
	for i := range a.words {
		if !sameWord(strings.ToLower(a.words[i]), strings.ToLower(b.words[i])) {
			return false
		}
	}
	return true
}

// Align reads a bare number on one side in the unit of the other, as a
// writer means it: Baseline "9 issues" and Target "0" are 9 issues and 0
// issues, "400 ms p95" and "250" are both milliseconds at p95. The bare
// number takes the other's kind, unit and (if it has none of its own)
// qualifier; its Text and Bound stay as written. A duration lends its
// smallest unit ("1 h 30 min" makes "45" minutes) and a ratio its
// denominator. A unit of one letter is not lent: "3m" beside "1M" is more
// likely a mistyped 3M than 3 metres. Anything else is returned unchanged.
func Align(a, b Quantity) (Quantity, Quantity) {
	switch {
	case a.Kind == Number && b.Kind > Number && !oneLetterUnit(b):
		a = a.in(b)
	case b.Kind == Number && a.Kind > Number && !oneLetterUnit(a):
		b = b.in(a)
	}
	return a, b
}

// oneLetterUnit reports a count of a unit written as one letter ("3m",
// "2 B"), which a scale typed in the wrong case also gives.
func oneLetterUnit(q Quantity) bool {
	return q.Kind == Unit && utf8.RuneCountInString(q.Unit) == 1
}

// in reads the bare number q in o's unit.
func (q Quantity) in(o Quantity) Quantity {
	r := q
	r.Kind, r.Unit = o.Kind, o.Unit
	if r.Qualifier == "" {
		r.Qualifier = o.Qualifier
	}
	switch o.Kind {
	case Ratio:
		den, err := strconv.ParseFloat(o.Unit, 64)
		if err != nil || den == 0 {
			return q
		}
		r.Value = q.Value / den
	case Duration:
		u, ok := smallestDurationUnit(o.Text)
		if !ok {
			return q
		}
		v, err := decimal(strconv.FormatFloat(q.Value, 'f', -1, 64), u.pow10)
		if err != nil {
			return q
		}
		r.Value = v * u.factor
	case Rank:
		if q.Value <= 0 || (o.Unit == "" && q.Value != float64(int64(q.Value))) {
			return q
		}
	}
	if r.Value == 0 {
		r.Value = 0 // no -0
	}
	return r
}

// smallestDurationUnit is the last duration unit written in text: the
// "min" of "1 h 30 min", the "ms" of "< 200 ms p95".
func smallestDurationUnit(text string) (durationUnit, bool) {
	var last durationUnit
	found := false
	for i := 0; i < len(text); {
		w := leadingLetters(text[i:])
		if w == "" {
			i++
			continue
		}
		if u, ok := durationUnits()[strings.ToLower(w)]; ok && (i == 0 || !unicode.IsLetter(rune(text[i-1]))) {
			last, found = u, true
		}
		i += len(w)
	}
	return last, found
}

// Mismatch says why a and b, named by their roles ("Baseline", "Target",
// "Actual"), cannot be compared, naming the actual difference and what to
// write; it returns "" when they can. Call Align first, so that a bare
// number is not reported against a unit.
//
//	Baseline "400 ms" is an average (it names no percentile) and Target "< 200 ms p95" the 95th percentile: write both as p95
//	Baseline "$800k" does not say what it counts and Target "$1.2M ARR" says "ARR": write "ARR" after both, such as "$800k ARR"
//	Baseline "40 tickets" and Target "30 users" count different things ("tickets" vs "users"): write both in the same unit
func Mismatch(aRole string, a Quantity, bRole string, b Quantity) string {
	if a.Comparable(b) {
		return ""
	}
	if a.Kind == Number && oneLetterUnit(b) || b.Kind == Number && oneLetterUnit(a) {
		return fmt.Sprintf("%s %q and %s %q are not the same kind of quantity: %s: write both the same way", aRole, a.Text, bRole, b.Text, oneLetterHint(a, b))
	}
	if a.Kind != b.Kind {
		return fmt.Sprintf("%s %q (%s) and %s %q (%s) are not the same kind of quantity: write both in the same unit", aRole, a.Text, a.Kind, bRole, b.Text, b.Kind)
	}
	if !sameUnit(a, b) {
		return unitMismatch(aRole, a, bRole, b)
	}
	ma, mb := measureOf(a.Qualifier), measureOf(b.Qualifier)
	if ma.norm() != mb.norm() {
		want := mb.norm()
		if want == "" {
			want = ma.norm()
		}
		return fmt.Sprintf("%s %q is %s and %s %q %s: write both as %s", aRole, a.Text, statName(ma), bRole, b.Text, statName(mb), want)
	}
	ma, mb = measureOf(writtenQualifier(a)), measureOf(writtenQualifier(b))
	qa, qb := strings.Join(ma.words, " "), strings.Join(mb.words, " ")
	switch {
	case qa == "":
		return fmt.Sprintf("%s %q does not say what it measures and %s %q says %q: write %q after both numbers, such as %q", aRole, a.Text, bRole, b.Text, qb, qb, a.Text+" "+qb)
	case qb == "":
		return fmt.Sprintf("%s %q says %q and %s %q does not say what it measures: write %q after both numbers, such as %q", aRole, a.Text, qa, bRole, b.Text, qa, b.Text+" "+qa)
	}
	return fmt.Sprintf("%s %q says %q and %s %q says %q: measure the same thing in both, in the same words", aRole, a.Text, qa, bRole, b.Text, qb)
}

// oneLetterHint explains the side with a one-letter unit next to a number.
func oneLetterHint(a, b Quantity) string {
	u, n := a, b
	if !oneLetterUnit(u) {
		u, n = b, a
	}
	return fmt.Sprintf("%q is a plain number but %q counts a unit %q (for thousands, millions or billions write k, M or B)", n.Text, u.Text, u.Unit)
}

// unitMismatch explains two quantities of one kind with different units.
func unitMismatch(aRole string, a Quantity, bRole string, b Quantity) string {
	switch a.Kind {
	case Unit:
		return fmt.Sprintf("%s %q and %s %q count different things (%q vs %q): write both in the same unit", aRole, a.Text, bRole, b.Text, a.Unit, b.Unit)
	case Currency:
		return fmt.Sprintf("%s %q and %s %q are in different currencies (%s vs %s): write both in the same currency", aRole, a.Text, bRole, b.Text, a.Unit, b.Unit)
	case Percent:
		return fmt.Sprintf("%s %q is %s and %s %q %s: write both as percentages (the level, such as 15%%) or both in percentage points", aRole, a.Text, percentName(a), bRole, b.Text, percentName(b))
	case Ratio:
		return fmt.Sprintf("%s %q is out of %s and %s %q out of %s: write both out of the same maximum", aRole, a.Text, a.Unit, bRole, b.Text, b.Unit)
	case Rank:
		return fmt.Sprintf("%s %q is %s and %s %q %s: write both as a place (#3) or both as a share (top 10%%)", aRole, a.Text, rankName(a), bRole, b.Text, rankName(b))
	}
	return fmt.Sprintf("%s %q and %s %q are in different units: write both in the same unit", aRole, a.Text, bRole, b.Text)
}

func percentName(q Quantity) string {
	if q.Unit == "pp" {
		return "in percentage points (a change, not a level)"
	}
	return "a percentage"
}

func rankName(q Quantity) string {
	if q.Unit == "%" {
		return "a share of the ranking"
	}
	return "a place in the ranking"
}

// statName describes a statistic: "an average (it names no percentile)",
// "the median (p50)", "the 95th percentile".
func statName(m measure) string {
	switch {
	case m.stat == "":
		return "an average (it names no percentile)"
	case m.stat == statMean:
		return "an average"
	case m.stat == "p50":
		return "the median (p50)"
	}
	return "the " + ordinal(m.stat[1:]) + " percentile"
}

// ordinal writes a number as an ordinal: 1st, 2nd, 3rd, 11th, 95th, 99.9th.
func ordinal(n string) string {
	if strings.Contains(n, ".") {
		return n + "th"
	}
	v, _ := strconv.Atoi(n)
	switch {
	case v%100 >= 11 && v%100 <= 13:
		return n + "th"
	case v%10 == 1:
		return n + "st"
	case v%10 == 2:
		return n + "nd"
	case v%10 == 3:
		return n + "rd"
	}
	return n + "th"
}

// writtenQualifier is q's qualifier in the case it was written ("ARR",
// not "arr"): the same number of words at the end of its text, when they
// fold to the qualifier, else the qualifier itself.
func writtenQualifier(q Quantity) string {
	n := len(strings.Fields(q.Qualifier))
	fs := strings.Fields(q.Text)
	if n == 0 || n > len(fs) {
		return q.Qualifier
	}
	w := strings.Join(fs[len(fs)-n:], " ")
	if !strings.EqualFold(strings.TrimRight(w, "."), q.Qualifier) {
		return q.Qualifier
	}
	return strings.TrimRight(w, ".")
}
