package quantity

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The functions in this file each read one piece of a quantity from the
// front of a string and return what is left, in the style of strings.Cut.

// amount is the number at the head of a quantity, before its unit.
type amount struct {
	neg      bool
	mantissa string // ASCII digits with at most one '.', separators removed
	pow10    int    // from a scale such as k (3) or M (6)
	currency string // ISO code from a prefix such as "$" or "USD"
	// dotGroup is set when the number has one dot before three digits
	// ("1.200"), which is 1.2 in English and 1200 in German.
	dotGroup bool
}

// value returns the signed amount times 10^extra.
func (a amount) value(extra int) (float64, error) {
	v, err := decimal(a.mantissa, a.pow10+extra)
	if a.neg {
		v = -v
	}
	return v, err
}

// decimal returns mantissa × 10^pow10 rounded once, by letting ParseFloat do
// the scaling, so that $1.2M is exactly 1200000 like "1,200,000".
func decimal(mantissa string, pow10 int) (float64, error) {
	v, err := strconv.ParseFloat(mantissa+"e"+strconv.Itoa(pow10), 64)
	if math.IsInf(v, 0) || (err != nil && !errors.Is(err, strconv.ErrRange)) {
		return 0, errTooLarge
	}
	return v, nil // an underflow to zero is harmless
}

// cutBound removes a leading bound such as "≥" or "at least".
func cutBound(s string) (bound, rest string) {
	for _, b := range boundPrefixes {
		if r, ok := cutPrefixFold(s, b.prefix); ok {
			return b.bound, skipSpace(r)
		}
	}
	return "", s
}

// cutPlus removes a "+" that follows a number and means "at least": "10k+".
// A "+" followed by more text ("10+5") is not a bound.
func cutPlus(s string) (string, bool) {
	r, ok := strings.CutPrefix(s, boundSuffix)
	if !ok {
		return s, false
	}
	if first, _ := utf8.DecodeRuneInString(r); r != "" && !unicode.IsSpace(first) {
		return s, false
	}
	return r, true
}

// cutAmount reads the sign, currency prefix, number and scale. The sign may
// come before or after the currency ("-$3", "$-3"), but only once. dots
// reads a single dot before three digits as a thousands separator (see
// readNumber).
func cutAmount(s string, dots bool) (amount, string, error) {
	var a amount
	neg, s, signed := cutSign(s)
	if code, rest, ok := cutCurrencyPrefix(s); ok {
		a.currency = code
		s = skipSpace(rest)
		if !signed {
			neg, s, _ = cutSign(s)
		}
	}
	a.neg = neg
	mantissa, rest, dotGroup, err := readNumber(s, dots)
	if err == errNoNumber && a.currency == "" && !signed {
		if digits, r, ok := cutNumberWord(s); ok {
			mantissa, rest, err = digits, r, nil
		}
	}
	if err != nil {
		return a, s, err
	}
	if isExponent(rest) {
		return a, s, errScientific
	}
	a.mantissa, a.dotGroup = mantissa, dotGroup
	a.pow10, rest = cutScale(rest, a.currency != "")
	return a, rest, nil
}

// cutSign removes a leading +, - or the Unicode minus sign.
func cutSign(s string) (neg bool, rest string, ok bool) {
	for _, sign := range []string{"-", "−", "+"} {
		if r, found := strings.CutPrefix(s, sign); found {
			return sign != "+", r, true
		}
	}
	return false, s, false
}

// cutCurrencyPrefix removes a currency symbol ("$", "US$") or an upper-case
// ISO code ("USD") written before the amount.
func cutCurrencyPrefix(s string) (code, rest string, ok bool) {
	for _, c := range currencySymbols {
		if r, found := strings.CutPrefix(s, c.symbol); found {
			return c.code, r, true
		}
	}
	return cutCurrencyCode(s)
}

// cutCurrencySuffix removes a currency symbol or ISO code written after the
// amount: "40 USD", "300 €".
func cutCurrencySuffix(s string) (code, rest string, ok bool) {
	return cutCurrencyPrefix(s)
}

// cutCurrencyCode removes an upper-case ISO 4217 code that is a word of its
// own: "USD 40" but not "USDC".
func cutCurrencyCode(s string) (code, rest string, ok bool) {
	if len(s) < 3 || !currencyCodes()[s[:3]] {
		return "", s, false
	}
	if next, _ := utf8.DecodeRuneInString(s[3:]); len(s) > 3 && unicode.IsLetter(next) {
		return "", s, false
	}
	return s[:3], s[3:], true
}

// cutNumber reads an unsigned decimal number, as readNumber does with a
// single dot before three digits read as a decimal point.
func cutNumber(s string) (mantissa, rest string, err error) {
	mantissa, rest, _, err = readNumber(s, false)
	return mantissa, rest, err
}

// readNumber reads an unsigned decimal number with optional thousands
// separators and returns its digits without separators, with "." for the
// decimal point or comma. English writes 1,200.5 and German 1.200,5; the
// rules read both without ever reading an English number the German way:
//
//   - A comma before exactly three digits separates thousands, as in
//     English ("1,200", "66,350"), except after a lone 0 ("0,125" is a
//     decimal). The first group has at most three digits and every later
//     one exactly three; anything else is an error, not a guess.
//   - A comma before any other number of digits is a decimal comma, as in
//     German ("1,5", "12,25", "1200,5").
//   - A space, no-break space or thin space before exactly three digits
//     separates thousands when the first group has at most three ("1 200",
//     "1 200,5"), so "40 tickets" and "1200 300" are not grouped.
//   - Dots before exactly three digits separate thousands when there are
//     several ("1.200.000") or a decimal comma follows ("1.200,5"), which
//     English never writes. A single one ("1.200") is read as a decimal
//     point unless dots is set; dotGroup reports it either way, so that
//     the caller can decide from the rest of the cell.
//   - Otherwise a dot is a decimal point ("4.0", ".5", "1234.567").
func readNumber(s string, dots bool) (mantissa, rest string, dotGroup bool, err error) {
	var b strings.Builder
	i := digitRun(s, 0)
	b.WriteString(s[:i])
	lead := i > 0 && s[0] != '0' // "0," and "0." start a fraction, not a group
	decimalComma := false
	switch {
	case lead && groupAt(s, i, ','): // 1,200
		if i > 3 {
			return "", s, false, errGrouping
		}
		for groupAt(s, i, ',') {
			b.WriteString(s[i+1 : i+4])
			i += 4
		}
	case lead && i <= 3 && groupAt(s, i, '.'): // 1.200.000, 1.200,5 or 1.200
		j, groups := i, 0
		for groupAt(s, j, '.') {
			j += 4
			groups++
		}
		dotGroup = groups == 1 && !separatorAt(s, j, ',')
		if dotGroup && !dots {
			break // read below as a decimal point
		}
		for ; i < j; i += 4 {
			b.WriteString(s[i+1 : i+4])
		}
		if separatorAt(s, i, '.') { // 1.200.5
			return "", s, false, errGrouping
		}
		decimalComma = separatorAt(s, i, ',')
	default: // 1 200, 1,5, 0,125, 1200,5
		if i > 0 && i <= 3 {
			for {
				sep := spaceSeparatorAt(s, i)
				if sep == 0 || digitRun(s, i+sep) != 3 {
					break
				}
				b.WriteString(s[i+sep : i+sep+3])
				i += sep + 3
			}
		}
		decimalComma = i > 0 && separatorAt(s, i, ',') && (!groupAt(s, i, ',') || s[:i] == "0")
	}
	if decimalComma {
		n := digitRun(s, i+1)
		b.WriteByte('.')
		b.WriteString(s[i+1 : i+1+n])
		i += 1 + n
		if separatorAt(s, i, '.') { // 1,5.3
			return "", s, false, errGrouping
		}
	} else if separatorAt(s, i, '.') {
		n := digitRun(s, i+1)
		b.WriteString(s[i : i+1+n])
		i += 1 + n
	}
	if b.Len() == 0 {
		return "", s, false, errNoNumber
	}
	if separatorAt(s, i, ',') { // 1,200,3 or 1.5,3 or 1 200,300
		return "", s, false, errGrouping
	}
	return b.String(), s[i:], dotGroup, nil
}

// groupAt reports whether s[i:] is sep and exactly three digits: a group
// of thousands.
func groupAt(s string, i int, sep byte) bool {
	return separatorAt(s, i, sep) && digitRun(s, i+1) == 3
}

// separatorAt reports whether s[i:] is sep followed by a digit.
func separatorAt(s string, i int, sep byte) bool {
	return i+1 < len(s) && s[i] == sep && isDigit(s[i+1])
}

// cutScale removes a scale after the number: a letter touching it ("1.2k",
// "3M", "2B"), or a word ("bn", "million"). Single letters must touch the
// number because "2 B" may be bytes; after a currency, where no such doubt
// exists, they may be spaced ("$1.2 M") and "m" also means million.
func cutScale(s string, money bool) (pow10 int, rest string) {
	t := s
	if money {
		t = skipSpace(s)
	}
	if t != "" {
		pow := scaleLetter(t[0], money)
		if next, _ := utf8.DecodeRuneInString(t[1:]); pow > 0 && !unicode.IsLetter(next) {
			return pow, t[1:]
		}
	}
	t = skipSpace(s)
	for _, w := range scaleWords {
		if r, ok := cutPrefixFold(t, w.word); ok {
			return w.pow10, r
		}
	}
	return 0, s
}

// scaleLetter returns the power of ten of a one-letter scale, or 0. A
// lower-case m is a million only after a currency: elsewhere it may be metres.
func scaleLetter(c byte, money bool) int {
	switch {
	case c == 'k' || c == 'K':
		return 3
	case c == 'M' || (c == 'm' && money):
		return 6
	case c == 'B':
		return 9
	}
	return 0
}

// cutPercent removes a percent sign or word and returns the unit: "pp" for
// percentage points, "" for percent.
func cutPercent(s string) (unit, rest string, ok bool) {
	for _, m := range percentMarkers {
		if r, found := cutPrefixFold(s, m.marker); found {
			return m.unit, r, true
		}
	}
	return "", s, false
}

// cutRatioMark removes the "/" or "out of" of a ratio, when a number follows.
// "calls/week" is a unit, not a ratio.
func cutRatioMark(s string) (rest string, ok bool) {
	r, found := strings.CutPrefix(s, "/")
	if !found {
		r, found = cutPrefixFold(s, "out of")
	}
	if r = skipSpace(r); found && startsNumber(r) {
		return r, true
	}
	return s, false
}

// cutMultiplier removes the x of "2x", "1.5×" or "10X", but not the x of a
// word such as "2 xp".
func cutMultiplier(s string) (rest string, ok bool) {
	for _, m := range multiplierMarks {
		if r, found := cutPrefixFold(s, m); found {
			return r, true
		}
	}
	return s, false
}

// isRange reports whether s continues a number with a second one: "-20%",
// "– $20", "to 20". Ranges are rejected because a target is one number.
func isRange(s string) bool {
	for _, dash := range rangeWords {
		r, found := cutPrefixFold(s, dash)
		if !found {
			continue
		}
		r = skipSpace(r)
		_, r, _ = cutSign(r)
		if _, rr, ok := cutCurrencyPrefix(r); ok {
			r = skipSpace(rr)
		}
		return startsNumber(r)
	}
	return false
}

// duration reads a duration unit and, for a compound duration such as
// "1 h 30 min", the further parts, largest unit first. ok is false when s
// does not start with a duration unit.
func (a amount) duration(s string) (seconds float64, rest string, ok bool, err error) {
	u, rest, ok := cutDurationUnit(s)
	if !ok {
		return 0, s, false, nil
	}
	total, err := a.seconds(u)
	if err != nil {
		return 0, s, true, err
	}
	for {
		t := skipSpace(strings.TrimPrefix(rest, ". ")) // "1 Std. 30 Min."
		if !startsNumber(t) {
			break
		}
		mantissa, t, err := cutNumber(t)
		if err != nil {
			return 0, s, true, err
		}
		next, after, ok := cutDurationUnit(skipSpace(t))
		switch {
		case !ok:
			return 0, s, true, errSeveral
		case next.seconds() >= u.seconds():
			return 0, s, true, errDurationOrder
		}
		part, err := amount{mantissa: mantissa}.seconds(next)
		if err != nil {
			return 0, s, true, err
		}
		total += part
		u, rest = next, after
	}
	if a.neg {
		total = -total
	}
	if math.IsInf(total, 0) {
		return 0, s, true, errTooLarge
	}
	return total, rest, true, nil
}

// cutDurationUnit removes the duration unit at the start of s: a word of
// its own ("days", "Tage"), or, in Japanese and Korean, whose words are not
// separated, the longest unit s starts with, when a bound or something
// other than a letter follows it ("6日", "6日以上", "3시간 30분"). So
// "3분기" (a quarter) and "3日目" (the third day) are not durations.
func cutDurationUnit(s string) (u durationUnit, rest string, ok bool) {
	word := leadingLetters(s)
	if u, ok := durationUnitNamed(word); ok {
		return u, s[len(word):], true
	}
	if first, _ := utf8.DecodeRuneInString(word); !isCJK(first) {
		return durationUnit{}, s, false
	}
	// Try the prefixes of word, longest first, up to the longest unit.
	var ends [maxCJKUnit]int
	n := 0
	for i := range word {
		if n == maxCJKUnit {
			break
		}
		if i > 0 {
			ends[n] = i
			n++
		}
	}
	for k := n - 1; k >= 0; k-- {
		u, ok := durationUnits()[word[:ends[k]]]
		if !ok {
			continue
		}
		if after := s[ends[k]:]; startsBoundSuffix(after) {
			return u, after, true
		}
	}
	return durationUnit{}, s, false
}

// maxCJKUnit is the most characters a Japanese or Korean duration unit
// has ("マイクロ秒").
const maxCJKUnit = 5

// durationUnitNamed looks a whole word up in durationUnits: as written,
// then in lower case unless the table writes it with a capital.
func durationUnitNamed(word string) (durationUnit, bool) {
	if u, ok := durationUnits()[word]; ok {
		return u, true
	}
	u, ok := durationUnits()[strings.ToLower(word)]
	return u, ok
}

// startsBoundSuffix reports whether s starts with a Japanese or Korean
// bound such as "以上", which may touch the unit before it.
func startsBoundSuffix(s string) bool {
	for _, b := range boundSuffixes {
		if first, _ := utf8.DecodeRuneInString(b.suffix); isCJK(first) && strings.HasPrefix(s, b.suffix) {
			return true
		}
	}
	return false
}

// isCJK reports whether r is written in a script that does not separate
// words with spaces, or attaches units and particles to them: Chinese
// characters, kana and Hangul.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// seconds returns the unsigned amount of unit u in seconds.
func (a amount) seconds(u durationUnit) (float64, error) {
	v, err := decimal(a.mantissa, a.pow10+u.pow10)
	if err != nil {
		return 0, err
	}
	v *= u.factor
	if math.IsInf(v, 0) {
		return 0, errTooLarge
	}
	return v, nil
}

// cutText checks the words after a number, a free-text unit or a qualifier,
// and returns them lower-cased and whitespace-folded. They must read as
// words and hold no further number: "from 45 to 80" is two numbers, not one
// with a unit.
func cutText(s string) (string, error) {
	t := foldText(s)
	if t == "" {
		return "", nil
	}
	toks := strings.FieldsFunc(t, isTokenBreak)
	for i, tok := range toks {
		tok = strings.TrimLeftFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if first, _ := utf8.DecodeRuneInString(tok); !unicode.IsDigit(first) {
			continue
		}
		// "95th percentile" names a statistic, not a second number.
		if ordinalNumber(tok) == "" || i+1 == len(toks) || toks[i+1] != "percentile" {
			return "", errSeveral
		}
	}
	if !startsText(t) || !strings.ContainsFunc(t, unicode.IsLetter) {
		return "", errUnexpected(strings.TrimSpace(s))
	}
	return t, nil
}

// startsText reports whether s starts like a unit or qualifier: a letter,
// or "/" or "(" as in "$5/seat" or "12% (of users)".
func startsText(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(first) || first == '/' || first == '('
}

func isTokenBreak(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("/,;:()", r)
}

// foldText lower-cases s, folds its whitespace and drops a final full stop,
// so "40 Tickets." and "40 tickets" have the same unit.
func foldText(s string) string {
	return strings.TrimRight(strings.ToLower(foldSpace(s)), ".")
}

// foldSpace trims s and replaces each run of whitespace with one space.
func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// cutPrefixFold removes prefix p from s, ignoring case. A prefix ending in a
// letter must end a word: "x" is cut from "x faster" but not from "xp".
// A Japanese or Korean prefix need not, since words there touch ("1万件").
func cutPrefixFold(s, p string) (string, bool) {
	if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
		return s, false
	}
	rest := s[len(p):]
	last, _ := utf8.DecodeLastRuneInString(p)
	next, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsLetter(last) && !isCJK(last) && rest != "" && unicode.IsLetter(next) {
		return s, false
	}
	return rest, true
}

// leadingLetters returns the word at the start of s.
func leadingLetters(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

func skipSpace(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitRun returns how many ASCII digits start at s[i:].
func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// spaceSeparatorAt returns the byte length of the thousands separator at
// s[i:], or 0.
func spaceSeparatorAt(s string, i int) int {
	for _, sep := range spaceSeparators {
		if strings.HasPrefix(s[i:], sep) {
			return len(sep)
		}
	}
	return 0
}

// startsNumber reports whether s starts with a digit or with "." and a digit.
func startsNumber(s string) bool {
	return s != "" && (isDigit(s[0]) || (len(s) > 1 && s[0] == '.' && isDigit(s[1])))
}

// isExponent reports whether s starts with the exponent of scientific
// notation, as after the 1 of "1e6".
func isExponent(s string) bool {
	if s == "" || (s[0] != 'e' && s[0] != 'E') {
		return false
	}
	_, r, _ := cutSign(s[1:])
	return r != "" && isDigit(r[0])
}

// countNumbers counts the numbers in s, treating "1,200" and "4.5" as one.
func countNumbers(s string) int {
	n, inNumber := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			if !inNumber {
				n++
			}
			inNumber = true
		case (c == '.' || c == ',') && inNumber && i+1 < len(s) && isDigit(s[i+1]):
			// still inside the number
		default:
			inNumber = false
		}
	}
	return n
}

// sameText reports whether two units or qualifiers say the same thing,
// ignoring case, spacing, punctuation, singular versus plural and "/" versus
// "per": "support calls/week" matches "Support call per week".
func sameText(a, b string) bool {
	wa, wb := textWords(a), textWords(b)
	if len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		if !sameWord(wa[i], wb[i]) {
			return false
		}
	}
	return true
}

func textWords(s string) []string { return wordsOf(strings.ToLower(s)) }

// wordsOf splits a unit or qualifier into words, keeping their case, with
// "/" read as "per".
func wordsOf(s string) []string {
	s = strings.ReplaceAll(s, "/", " per ")
	var words []string
	for _, w := range strings.FieldsFunc(s, isTokenBreak) {
		if w = strings.Trim(w, "."); w != "" {
			words = append(words, w)
		}
	}
	return words
}

func sameWord(a, b string) bool {
	return a == b || pluralOf(a, b) || pluralOf(b, a)
}

// pluralOf reports whether plural is a plural of singular by the common
// English rules, or by the few irregular plurals of people.
func pluralOf(singular, plural string) bool {
	if irregularPlurals()[singular] == plural {
		return true
	}
	if len(singular) < 2 {
		return false // "m" and "ms" are different units
	}
	return plural == singular+"s" || plural == singular+"es" ||
		(strings.HasSuffix(singular, "y") && plural == singular[:len(singular)-1]+"ies")
}

// cutNumberWord removes a small number written as a word: "zero", "ten".
func cutNumberWord(s string) (digits, rest string, ok bool) {
	if s == "" || !unicode.IsLetter(rune(s[0])) {
		return "", s, false
	}
	for _, w := range numberWords {
		if r, found := cutPrefixFold(s, w.word); found {
			return w.digits, r, true
		}
	}
	return "", s, false
}

// startsAmount reports whether s starts with a number, a spelled-out
// number or a "#" and a number: what may follow a rank prefix.
func startsAmount(s string) bool {
	if startsNumber(s) {
		return true
	}
	_, _, ok := cutNumberWord(s)
	return ok
}

// cutRankPrefix removes the "top", "#" or "No." of a rank and returns the
// bound it implies. A space, "-" or "#" may separate it from the number
// ("top-3", "rank #2"), and a number must follow.
func cutRankPrefix(s string) (rest, bound string, ok bool) {
	for _, p := range rankPrefixes {
		r, found := cutPrefixFold(s, p.prefix)
		if !found {
			continue
		}
		r = skipSpace(r)
		if t, dash := strings.CutPrefix(r, "-"); dash && p.prefix == "top" {
			r = skipSpace(t)
		} else if t, hash := strings.CutPrefix(r, "#"); hash && p.prefix != "#" {
			r = skipSpace(t)
		}
		if startsAmount(r) {
			return r, p.bound, true
		}
	}
	return s, "", false
}

// cutOrdinal removes the suffix of an ordinal touching its number: the
// "st" of "1st". It must end a word: "2nd" but not "2ndary".
func cutOrdinal(s string) (string, bool) {
	for _, o := range ordinalSuffixes {
		if r, ok := cutPrefixFold(s, o); ok {
			return r, true
		}
	}
	return s, false
}

// cutRankNoun removes a word such as "place" that only says a number is
// a rank: "3rd place", "#1 spot".
func cutRankNoun(s string) string {
	for _, n := range rankNouns {
		if r, ok := cutPrefixFold(s, n); ok {
			return skipSpace(r)
		}
	}
	return s
}

// cutLeadingStat removes a statistic written before the value: "p95 <
// 200 ms", "median: 3 days". It returns the statistic as written,
// lower-cased, and is a no-op unless the statistic is a word of its own.
func cutLeadingStat(s string) (stat, rest string) {
	w := leadingWord(s)
	lw := strings.ToLower(w)
	if _, ok := percentileOf(lw); !ok {
		if _, ok := statisticWords()[lw]; !ok {
			return "", s
		}
	}
	r := s[len(w):]
	r = strings.TrimPrefix(r, ":")
	if r == "" || !unicode.IsSpace(rune(r[0])) {
		return "", s
	}
	return lw, skipSpace(r)
}

// leadingWord returns the letters, digits and dots at the start of s: the
// "p99.9" of "p99.9 200 ms".
func leadingWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			return s[:i]
		}
	}
	return s
}

// percentileOf reads a percentile written as p95 or p99.9 (lower-case),
// and returns it as written.
func percentileOf(w string) (string, bool) {
	if len(w) < 2 || w[0] != 'p' {
		return "", false
	}
	n := digitRun(w, 1)
	switch {
	case n == 0:
		return "", false
	case 1+n == len(w):
		return w, true
	case w[1+n] == '.' && digitRun(w, 2+n) > 0 && 2+n+digitRun(w, 2+n) == len(w):
		return w, true
	}
	return "", false
}

// ordinalNumber returns the digits of an ordinal such as "95th", or "".
func ordinalNumber(w string) string {
	n := digitRun(w, 0)
	if n == 0 {
		return ""
	}
	for _, o := range ordinalSuffixes {
		if strings.EqualFold(w[n:], o) {
			return w[:n]
		}
	}
	return ""
}

// cutBoundSuffix removes a bound written after a quantity ("or fewer",
// "max") from the end of folded, lower-case text. A Japanese or Korean
// bound may touch the word before it ("件以上").
func cutBoundSuffix(t string) (rest, bound string) {
	for _, b := range boundSuffixes {
		if t == b.suffix {
			return "", b.bound
		}
		if r, ok := strings.CutSuffix(t, " "+b.suffix); ok {
			return strings.TrimRight(r, " ,"), b.bound
		}
		if first, _ := utf8.DecodeRuneInString(b.suffix); isCJK(first) {
			if r, ok := strings.CutSuffix(t, b.suffix); ok {
				return strings.TrimRight(r, " ,"), b.bound
			}
		}
	}
	return t, ""
}

// germanCell reports whether text holds one of germanWords, which says
// that it is written the German way. As in durationUnits, a word in lower
// case matches in any case and one with a capital only as written.
func germanCell(text string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if germanWords()[w] || germanWords()[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// halfWidth reads the full-width digits and signs of Japanese text as
// ASCII: "１２％" is "12％".
func halfWidth(s string) string { return fullWidthForms().Replace(s) }
