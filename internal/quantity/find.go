package quantity

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxFindWords caps the words Find reads after a number as its unit or
// qualifier: "100+ GitHub stars" needs two.
const maxFindWords = 5

// Find returns the first quantity written in running text, such as a
// bullet of a metrics list, written the way a table cell holds it:
//
//	"100+ GitHub stars"                                  → "100 stars"
//	"Zero critical bugs"                                 → "0 bugs"
//	"90% reduction in time spent gathering iOS metrics"  → "90% reduction"
//	"$1.2M ARR by end of 2027"                           → "$1.2M ARR"
//	"Top 3 in the App Store"                             → "top 3"
//	"p95 latency under 200 ms"                           → "200 ms p95"
//
// A bound ("100+", "at least") is left out: the Target is the value to
// reach. A count keeps only its last word before a stop word such as "in"
// or "by" ("GitHub stars" → "stars"), because the metric's name keeps the
// rest; a percentage, amount, duration or multiplier keeps the words that
// follow it up to such a word, as its qualifier. Years and dates are not
// quantities. ok is false when the text holds none.
func Find(text string) (q Quantity, ok bool) {
	text = halfWidth(text)
	german := germanCell(text)
	for i := 0; i < len(text); {
		if !wordStart(text, i) {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		q, next, ok := findAt(text[i:], i == 0, german)
		if ok {
			return withPercentile(q, text), true
		}
		// Resume after what was read: a long number is not read again
		// from each of its groups, which keeps Find linear.
		i += max(next, 1)
	}
	return Quantity{}, false
}

// wordStart reports whether a word starts at text[i]: the text's start or
// after a space or an opening bracket or quote, or a number after a
// Japanese particle, which is written in hiragana ("残業時間を30%削減").
func wordStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(prev) || strings.ContainsRune("([\"'“‘", prev) ||
		(isDigit(text[i]) && unicode.Is(unicode.Hiragana, prev))
}

// findAt tries to read a quantity at the start of s. next is how far the
// attempt read, for the caller to resume after it when it fails. german
// says the text is German, where "1.200" is twelve hundred and is written
// "1200" in the cell.
func findAt(s string, first, german bool) (q Quantity, next int, ok bool) {
	_, r := cutBound(s)
	rankText := ""
	if after, _, isRank := cutRankPrefix(r); isRank {
		// "rank #2" → "rank 2", "top-3" → "top 3", "#1" stays.
		rankText = strings.ToLower(strings.TrimRight(strings.TrimSpace(r[:len(r)-len(after)]), "#- "))
		if rankText == "" {
			rankText = "#"
		} else {
			rankText += " "
		}
		r = after
	}
	if _, one := cutPrefixFold(r, "one"); one && !first && rankText == "" {
		return Quantity{}, len(s) - len(r) + 3, false // "one" is more often a pronoun than a count
	}
	a, rest, err := cutAmount(r, german)
	if err != nil {
		return Quantity{}, len(s) - len(r), false
	}
	read := len(s) - len(rest)
	numText := strings.TrimSpace(r[:len(r)-len(rest)])
	if a.dotGroup && german {
		numText = strings.Replace(numText, ".", "", 1) // "1.200" → "1200"
	}
	_, afterWord, spelled := cutNumberWord(numText)
	if spelled {
		numText = a.mantissa + afterWord // "Zero" → "0", "ten thousand" → "10 thousand"
	}
	if isDateNumber(a, rest) {
		return Quantity{}, read, false
	}
	if r, plus := cutPlus(rest); plus {
		rest = r
	}
	after, marked := cutMarker(a, rest, rankText != "")
	core := rankText + numText + strings.TrimRight(rest[:len(rest)-len(after)], " ")
	if r, plus := cutPlus(after); plus {
		after = r
	}
	count := !marked && rankText == ""
	cell := core
	if words := followingWords(after, count); len(words) > 0 && count {
		cell += " " + headNoun(words)
	} else if len(words) > 0 {
		cell += " " + strings.Join(words, " ")
	}
	if q, err = Parse(cell); err != nil && cell != core {
		q, err = Parse(core)
	}
	if err != nil || (spelled && q.Kind == Number) { // "one of the best" counts nothing
		return Quantity{}, read, false
	}
	return q, read, true
}

// withPercentile adds to q a percentile that text names apart from the
// value, as in "p95 latency under 200 ms", unless q names a statistic.
func withPercentile(q Quantity, text string) Quantity {
	if q.Kind == Number || q.Kind == Unit || measureOf(q.Qualifier).written {
		return q // a count's words are its unit: "50 p95" would count p95s
	}
	for _, w := range strings.FieldsFunc(text, isTokenBreak) {
		if p, ok := percentileOf(strings.ToLower(w)); ok {
			if withP, err := Parse(q.Text + " " + p); err == nil {
				return withP
			}
			break
		}
	}
	return q
}

// isDateNumber reports whether a number read at a word start is a year or
// starts a date or a range ("by 2027", "2027 Q3", "2027-06-30", "10-20%"),
// which Find leaves alone.
func isDateNumber(a amount, rest string) bool {
	if a.currency != "" || a.pow10 != 0 {
		return false
	}
	if r, dash := strings.CutPrefix(rest, "-"); dash && startsNumber(r) {
		return true // 2027-06-30, 10-20%
	}
	if r, slash := strings.CutPrefix(rest, "/"); slash {
		n := digitRun(r, 0)
		return n > 0 && strings.HasPrefix(r[n:], "/") // 6/30/2027, not 4/5
	}
	y, err := strconv.Atoi(a.mantissa)
	if err != nil || len(a.mantissa) != 4 || y < minYear || y > maxYear {
		return false
	}
	t := skipSpace(rest)
	if t == "" || !startsText(t) {
		return true
	}
	if _, ok := cutMark(t, yearMarks); ok {
		return true // 2027年, 2027년
	}
	if _, _, _, period := cutPeriod(t); period {
		return true
	}
	return stopWords()[strings.ToLower(leadingLetters(t))]
}

// cutMarker removes what makes a number a percentage, ratio, multiplier,
// amount of money, duration or rank, and reports whether there was one.
func cutMarker(a amount, rest string, rank bool) (string, bool) {
	if rank {
		if _, after, ok := cutPercent(skipSpace(rest)); ok {
			return after, true
		}
		return rest, true
	}
	if after, ok := cutOrdinal(rest); ok {
		return after, true
	}
	r := skipSpace(rest)
	if _, after, ok := cutPercent(r); ok {
		return after, true
	}
	if after, ok := cutRatioMark(r); ok {
		if _, t, err := cutNumber(after); err == nil {
			_, t = cutScale(t, false)
			return t, true
		}
	}
	if after, ok := cutMultiplier(r); ok {
		return after, true
	}
	if _, after, ok := cutCurrencySuffix(r); ok && a.currency == "" {
		return after, true
	}
	if _, after, ok, err := a.duration(r); ok && err == nil {
		return after, true
	}
	return rest, a.currency != ""
}

// followingWords reads up to maxFindWords words of s, stopping before a
// stop word, a number or punctuation, and after a word that ends with
// punctuation. For a count (unit true), "per" and the word after it are
// kept: "3 calls per week". A Japanese or Korean word ends the phrase:
// there the counter comes first ("1만 명 달성" counts 명).
func followingWords(s string, unit bool) []string {
	var words []string
	for len(words) < maxFindWords {
		s = skipSpace(s)
		if s == "" || !startsText(s) || s[0] == '/' || s[0] == '(' {
			break
		}
		// A word ends at a space or, in Japanese, at a particle (in
		// hiragana), where Find may start again: stopping there keeps
		// Find linear.
		end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Hiragana, r) })
		if end == 0 {
			break // "の" after a number
		}
		if end < 0 {
			end = len(s)
		}
		w := s[:end]
		trimmed := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		lw := strings.ToLower(trimmed)
		if trimmed == "" || strings.ContainsFunc(trimmed, unicode.IsDigit) {
			break
		}
		if stopWords()[lw] {
			if perWord(lw) && unit && trimmed == w && len(words) > 0 {
				if next := leadingLetters(skipSpace(s[end:])); next != "" {
					words = append(words, lw+" "+next)
				}
			}
			break
		}
		if first, _ := utf8.DecodeRuneInString(trimmed); isCJK(first) {
			if w := cjkHead(trimmed); w != "" {
				words = append(words, w)
			}
			break
		}
		words = append(words, trimmed)
		if trimmed != w {
			break // "stars," ends the phrase
		}
		s = s[end:]
	}
	return words
}

// headNoun is the word a count counts: the last of its words, with a rate
// ("per week") kept: "GitHub stars" → "stars", "support calls per week" →
// "calls per week".
func headNoun(words []string) string {
	last := words[len(words)-1]
	if per, _, ok := strings.Cut(last, " "); ok && perWord(per) && len(words) > 1 {
		return words[len(words)-2] + " " + last
	}
	return last
}

// cjkHead is the counter or word that a Japanese or Korean word (up to
// a particle) starts with, without a bound after it ("件以上" → "件").
func cjkHead(w string) string {
	if rest, bound := cutBoundSuffix(w); bound != "" && rest != "" {
		return rest
	}
	return w
}
