package quantity

import (
	"cmp"
	"math"
	"strconv"
	"strings"
)

// Kind is what a quantity measures. Only quantities of the same kind (and
// unit) can be compared.
type Kind int

// The kinds of quantity. The zero Kind is not a valid kind, so a zero
// Quantity is never comparable with anything.
const (
	Number     Kind = iota + 1 // a plain number: 1,200
	Percent                    // a percentage or percentage points: 12%, 3pp
	Currency                   // an amount of money: $1.2M
	Duration                   // a length of time, in seconds: 250 ms
	Multiplier                 // a factor: 2x
	Ratio                      // a score out of a maximum: 4.5/5
	Unit                       // a number of something named: 40 tickets
	Rank                       // a place in a ranking, 1 the best: top 3, #1
)

var kindNames = [...]string{
	Number: "number", Percent: "percent", Currency: "currency", Duration: "duration",
	Multiplier: "multiplier", Ratio: "ratio", Unit: "unit", Rank: "rank",
}

func (k Kind) String() string {
	if k >= Number && k <= Rank {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// LowerIsBetter reports whether a smaller value of kind k is better when
// nothing else says which way is better (a Baseline that does not exist
// yet): true for a rank, where #1 beats #3.
func (k Kind) LowerIsBetter() bool { return k == Rank }

// Quantity is one value of a metric, as read from a table cell.
type Quantity struct {
	Kind Kind
	// Value is normalised so that values of one kind and unit compare
	// directly: durations in seconds, scales such as k and M applied,
	// percentages as written (12% is 12), ratios divided out (4.5/5 is 0.9).
	Value float64
	// Unit tells quantities of the same kind apart. Currency: the ISO code
	// ("USD"). Ratio: the denominator ("5" for 4.5/5). Unit: the free-text
	// unit, lower-cased and whitespace-folded ("active users"). Percent:
	// "pp" for percentage points, otherwise "". Others: "".
	Unit string
	// Qualifier is the text after a percentage, amount, duration, multiplier
	// or ratio, lower-cased and whitespace-folded: "of users" in
	// "12% of users". Empty for Number and Unit, whose text is the Unit.
	Qualifier string
	// Bound is "" for an exact value, or "~", "<", "<=", ">" or ">=" when the
	// cell said "about", "under", "at most", "over" or "at least". It is
	// informational: Comparable and Compare ignore it.
	Bound string
	// Text is the cell as written, trimmed.
	Text string
}

// String returns the quantity as written.
func (q Quantity) String() string { return q.Text }

// Comparable reports whether q and o measure the same thing, so that
// Compare means something: the kinds agree, and so do the units and
// qualifiers (ignoring case, spacing and singular versus plural). A
// qualifier's statistic must agree too: "200 ms p95" and "250 ms at the
// 95th percentile" are comparable, "400 ms" (an average) and "200 ms p95"
// are not. 10 min and 3 min are comparable; 12% and 3 days, $5 and €5,
// 4/5 and 3/10, $1.2M ARR and $800k, or 40 tickets and 30 users are not.
// Mismatch says why two quantities are not comparable; Align first reads a
// bare number in the other's unit.
func (q Quantity) Comparable(o Quantity) bool {
	if q.Kind == 0 || q.Kind != o.Kind {
		return false
	}
	return sameUnit(q, o) && sameMeasure(measureOf(q.Qualifier), measureOf(o.Qualifier))
}

// sameUnit reports whether two quantities of one kind have the same unit:
// free-text units match ignoring case, spacing and plurals.
func sameUnit(q, o Quantity) bool {
	if q.Kind == Unit {
		return sameText(q.Unit, o.Unit)
	}
	return q.Unit == o.Unit
}

// Compare returns -1, 0 or +1 as q's value is less than, equal to or greater
// than o's. It is meaningful only when q.Comparable(o).
func (q Quantity) Compare(o Quantity) int { return cmp.Compare(q.Value, o.Value) }

// DefaultAbsentWords returns the words that mark a Baseline for something
// that does not exist yet. It returns a new slice each time, so callers may
// change it.
func DefaultAbsentWords() []string {
	return []string{"n/a", "na", "none", "new", "-", "–", "—"}
}

// IsAbsent reports whether s is one of words, ignoring case and surrounding
// or repeated whitespace: a Baseline of "N/A" or "none" says there is nothing
// to measure yet rather than giving a malformed number.
func IsAbsent(s string, words []string) bool {
	s = foldSpace(s)
	if s == "" {
		return false
	}
	for _, w := range words {
		if strings.EqualFold(s, foldSpace(w)) {
			return true
		}
	}
	return false
}

// Parse reads a Baseline, Target or Actual cell. It accepts one number with
// an optional sign, bound, scale, currency and unit, as described in the
// package documentation (in English, German, Japanese and Korean), and
// rejects anything else with a *ParseError saying what was expected.
func Parse(s string) (Quantity, error) {
	text := strings.TrimSpace(s)
	ascii := halfWidth(text)
	q, err := parse(ascii)
	if err != nil {
		return Quantity{}, &ParseError{Input: text, What: "quantity", Reason: explain(ascii, err).Error()}
	}
	q.Text = text
	return q, nil
}

// explain replaces the generic "want a number" with a more helpful reason
// once the whole input is known: words around one number, or several numbers.
func explain(text string, err error) error {
	if err != errNoNumber {
		return err
	}
	if stat, rest := cutLeadingStat(text + " "); stat != "" && rest == "" {
		return errStatOnly
	}
	switch countNumbers(text) {
	case 0:
		return errNoNumber
	case 1:
		return errNumberFirst
	default:
		return errSeveral
	}
}

// reading is the state of one Parse: the bound may come from before the
// number ("≥ 5") or after it ("5+"), but only once.
type reading struct {
	bound  string
	amount amount
	dots   bool // a single dot before three digits groups thousands
}

func (rd *reading) setBound(b string) error {
	if rd.bound != "" {
		return errTwoBounds
	}
	rd.bound = b
	return nil
}

// parse reads a cell whose full-width digits are already ASCII. A single
// dot before three digits ("1.200") is 1.2 in English and 1200 in German,
// so the rest of the cell decides. It is twelve hundred in a German cell
// (one holding a German word, such as "pro Monat" or "mindestens") and
// before "€" or "EUR" written after the number, as continental Europe
// writes euros. It is a decimal point where English writes three decimals:
// a percentage, a duration such as "1.500 ms", an amount after "$", a
// multiplier, a ratio. Where nothing says which is meant, in a bare
// number, a count, euros written first ("€1.200") or another currency
// written after the number ("1.200 USD"), the cell is refused.
func parse(text string) (Quantity, error) {
	q, a, err := parseNumbers(text, false)
	if err != nil || !a.dotGroup {
		return q, err
	}
	euros := q.Kind == Currency && dotThousandsCurrency(q.Unit)
	after := q.Kind == Currency && a.currency == "" // "1.200 €", not "€1.200"
	switch {
	case germanCell(text) || (euros && after):
		q, _, err = parseNumbers(text, true)
		return q, err
	case q.Kind == Number || q.Kind == Unit || euros || after:
		return Quantity{}, errDotGroup
	}
	return q, nil
}

// parseNumbers reads a cell, with a single dot before three digits read
// as a thousands separator when dots is set and as a decimal point
// otherwise, and returns the amount read with the quantity.
func parseNumbers(text string, dots bool) (Quantity, amount, error) {
	if text == "" {
		return Quantity{}, amount{}, errNoNumber
	}
	// A full date is a common slip in a Target cell; say so rather than
	// "ranges are not supported" for 2027-06-30. A bare year stays a number.
	if looksLikeDate(text) {
		return Quantity{}, amount{}, errDate
	}
	rd := reading{dots: dots}
	stat, rest := cutLeadingStat(text)
	rd.bound, rest = cutBound(rest)
	var q Quantity
	var err error
	if r, bound, ok := cutRankPrefix(rest); ok {
		if bound != "" {
			if err := rd.setBound(bound); err != nil {
				return Quantity{}, amount{}, err
			}
		}
		q, err = rd.rank(r)
	} else {
		q, err = rd.plain(rest)
	}
	if err != nil {
		return Quantity{}, amount{}, err
	}
	if stat != "" {
		q.Qualifier = strings.TrimSpace(stat + " " + q.Qualifier)
	}
	if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
		return Quantity{}, amount{}, errTooLarge
	}
	if q.Value == 0 {
		q.Value = 0 // "-0" is zero; do not print it as -0
	}
	q.Bound = rd.bound
	return q, rd.amount, nil
}

// plain reads a quantity that is not introduced by a rank prefix: the
// amount, a "+" and what follows.
func (rd *reading) plain(rest string) (Quantity, error) {
	var err error
	if rd.amount, rest, err = cutAmount(rest, rd.dots); err != nil {
		return Quantity{}, err
	}
	if r, ok := cutPlus(rest); ok {
		if err := rd.setBound(AtLeast); err != nil {
			return Quantity{}, err
		}
		rest = r
	}
	if r, ok := cutOrdinal(rest); ok && !rd.amount.neg && rd.amount.currency == "" {
		return rd.rankOf(r, false)
	}
	return rd.quantity(rest)
}

// rank reads the number and what follows a rank prefix: "#1 in the App
// Store", "top 10%".
func (rd *reading) rank(s string) (Quantity, error) {
	var err error
	var rest string
	if rd.amount, rest, err = cutAmount(s, rd.dots); err != nil {
		return Quantity{}, err
	}
	if rd.amount.currency != "" || rd.amount.neg {
		return Quantity{}, errRank
	}
	if r, ok := cutOrdinal(rest); ok {
		rest = r // "#1st" says it twice, harmlessly
	}
	return rd.rankOf(rest, true)
}

// rankOf finishes a rank whose number has been read: a "%" ("top 10%",
// only after a prefix), a noun such as "place" and a qualifier.
func (rd *reading) rankOf(rest string, prefixed bool) (Quantity, error) {
	v, err := rd.amount.value(0)
	if err != nil {
		return Quantity{}, err
	}
	q := Quantity{Kind: Rank, Value: v}
	r := skipSpace(rest)
	if unit, after, ok := cutPercent(r); ok && unit == "" && prefixed {
		q.Unit, r = "%", skipSpace(after) // "top 10%": a share, not a place
	}
	if v <= 0 || (q.Unit == "" && v != math.Trunc(v)) {
		return Quantity{}, errRank
	}
	return rd.finish(q, cutRankNoun(r), false)
}

// quantity decides the kind from what follows the number. The order matters:
// ranges before units (so 10-20% is not -20%), percentages and ratios before
// free text, and a currency prefix turns any trailing words into a qualifier.
func (rd *reading) quantity(rest string) (Quantity, error) {
	a := rd.amount
	r := skipSpace(rest)
	if r == "" {
		v, err := a.value(0)
		if a.currency != "" {
			return Quantity{Kind: Currency, Value: v, Unit: a.currency}, err
		}
		return Quantity{Kind: Number, Value: v}, err
	}
	if isRange(r) {
		return Quantity{}, errRange
	}
	if unit, after, ok := cutPercent(r); ok {
		if a.currency != "" {
			return Quantity{}, errCurrencyAnd("a percentage")
		}
		v, err := a.value(0)
		if err != nil {
			return Quantity{}, err
		}
		return rd.finish(Quantity{Kind: Percent, Value: v, Unit: unit}, after, true)
	}
	if after, ok := cutRatioMark(r); ok {
		if a.currency != "" {
			return Quantity{}, errCurrencyAnd("a ratio")
		}
		return rd.ratio(after)
	}
	if after, ok := cutMultiplier(r); ok {
		if a.currency != "" {
			return Quantity{}, errCurrencyAnd("a multiplier")
		}
		v, err := a.value(0)
		if err != nil {
			return Quantity{}, err
		}
		return rd.finish(Quantity{Kind: Multiplier, Value: v}, after, true)
	}
	if code, after, ok := cutCurrencySuffix(r); ok {
		if a.currency != "" {
			return Quantity{}, errCurrencyTwice
		}
		v, err := a.value(0)
		if err != nil {
			return Quantity{}, err
		}
		return rd.finish(Quantity{Kind: Currency, Value: v, Unit: code}, after, true)
	}
	if a.currency != "" {
		v, err := a.value(0)
		if err != nil {
			return Quantity{}, err
		}
		return rd.finish(Quantity{Kind: Currency, Value: v, Unit: a.currency}, r, false)
	}
	if secs, after, ok, err := a.duration(r); ok || err != nil {
		if err != nil {
			return Quantity{}, err
		}
		return rd.finish(Quantity{Kind: Duration, Value: secs}, after, false)
	}
	return rd.freeUnit(r)
}

// finish reads what may follow a kind's marker: a "+" meaning "at least"
// ("99%+") and a qualifier ("of users").
func (rd *reading) finish(q Quantity, after string, plusAllowed bool) (Quantity, error) {
	if r, ok := cutPlus(after); ok && plusAllowed {
		if err := rd.setBound(AtLeast); err != nil {
			return Quantity{}, err
		}
		after = r
	}
	r := skipSpace(after)
	if isRange(r) {
		return Quantity{}, errRange
	}
	qual, err := cutText(r)
	if err != nil {
		return Quantity{}, err
	}
	if q.Qualifier, err = rd.cutBoundSuffix(qual); err != nil {
		return Quantity{}, err
	}
	return q, nil
}

// cutBoundSuffix removes a bound written after the unit or qualifier
// ("or fewer", "max") and records it.
func (rd *reading) cutBoundSuffix(text string) (string, error) {
	rest, bound := cutBoundSuffix(text)
	if bound == "" {
		return text, nil
	}
	return rest, rd.setBound(bound)
}

// ratio reads the denominator after "/" or "out of". The denominator is
// kept as text in Unit so that 4.5/5 and 3/10 are not compared: a score out
// of 5 and a score out of 10 are different scales.
func (rd *reading) ratio(after string) (Quantity, error) {
	mant, rest, err := cutNumber(after)
	if err != nil {
		return Quantity{}, err
	}
	pow10, rest := cutScale(rest, false)
	den, err := amount{mantissa: mant}.value(pow10)
	if err != nil {
		return Quantity{}, err
	}
	if den == 0 {
		return Quantity{}, errZeroDenom
	}
	num, err := rd.amount.value(0)
	if err != nil {
		return Quantity{}, err
	}
	q := Quantity{Kind: Ratio, Value: num / den, Unit: strconv.FormatFloat(den, 'f', -1, 64)}
	return rd.finish(q, rest, false)
}

// looksLikeDate reports whether text is a date other than a bare year
// ("2027-06-30", "Dec 2027", "end of 2027"), or has the shape of one with
// an impossible month, day, quarter or half ("2027-13"). A bare year such
// as 2027 is left to be read as a number.
func looksLikeDate(text string) bool {
	d, err := parseDate(foldSpace(text))
	if err != nil {
		return err != errNotDate && err != errYear && err != errFiscal && err != errRelative
	}
	return d.Precision != Year || digitRun(text, 0) != len(text)
}

// freeUnit reads "40 tickets": the unit is any text that starts like a word
// and holds no second number.
func (rd *reading) freeUnit(r string) (Quantity, error) {
	if _, rest, _ := cutSign(r); startsNumber(rest) {
		return Quantity{}, errSeveral // "1200 300": a space groups only three digits
	}
	if !startsText(r) {
		return Quantity{}, errUnexpected(r)
	}
	unit, err := cutText(r)
	if err != nil {
		return Quantity{}, err
	}
	if unit, err = rd.cutBoundSuffix(unit); err != nil {
		return Quantity{}, err
	}
	v, err := rd.amount.value(0)
	if err != nil {
		return Quantity{}, err
	}
	if unit == "" { // "5 or more"
		return Quantity{Kind: Number, Value: v}, nil
	}
	return Quantity{Kind: Unit, Value: v, Unit: unit}, nil
}
