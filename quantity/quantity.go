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
)

var kindNames = [...]string{
	Number: "number", Percent: "percent", Currency: "currency", Duration: "duration",
	Multiplier: "multiplier", Ratio: "ratio", Unit: "unit",
}

func (k Kind) String() string {
	if k >= Number && k <= Unit {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

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
// qualifiers (ignoring case, spacing and singular versus plural). 10 min and
// 3 min are comparable; 12% and 3 days, $5 and €5, 4/5 and 3/10, or
// 40 tickets and 30 users are not.
func (q Quantity) Comparable(o Quantity) bool {
	if q.Kind == 0 || q.Kind != o.Kind {
		return false
	}
	sameUnit := q.Unit == o.Unit
	if q.Kind == Unit {
		sameUnit = sameText(q.Unit, o.Unit)
	}
	return sameUnit && sameText(q.Qualifier, o.Qualifier)
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
// package documentation, and rejects anything else with a *ParseError
// saying what was expected.
func Parse(s string) (Quantity, error) {
	text := strings.TrimSpace(s)
	q, err := parse(text)
	if err != nil {
		return Quantity{}, &ParseError{Input: text, What: "quantity", Reason: explain(text, err).Error()}
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
}

func (rd *reading) setBound(b string) error {
	if rd.bound != "" {
		return errTwoBounds
	}
	rd.bound = b
	return nil
}

func parse(text string) (Quantity, error) {
	if text == "" {
		return Quantity{}, errNoNumber
	}
	// A full date is a common slip in a Target cell; say so rather than
	// "ranges are not supported" for 2027-06-30. A bare year stays a number.
	if looksLikeDate(text) {
		return Quantity{}, errDate
	}
	var rd reading
	rest := text
	rd.bound, rest = cutBound(rest)
	var err error
	if rd.amount, rest, err = cutAmount(rest); err != nil {
		return Quantity{}, err
	}
	if r, ok := cutPlus(rest); ok {
		if err := rd.setBound(AtLeast); err != nil {
			return Quantity{}, err
		}
		rest = r
	}
	q, err := rd.quantity(rest)
	if err != nil {
		return Quantity{}, err
	}
	if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
		return Quantity{}, errTooLarge
	}
	if q.Value == 0 {
		q.Value = 0 // "-0" is zero; do not print it as -0
	}
	q.Bound = rd.bound
	return q, nil
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
	q.Qualifier = qual
	return q, nil
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

// looksLikeDate reports whether text is a date finer than a year, or has
// the shape of one with an impossible month, day, quarter or half
// ("2027-13"). A bare year such as 2027 is left to be read as a number.
func looksLikeDate(text string) bool {
	d, err := parseDate(foldSpace(text))
	if err != nil {
		return err != errNotDate && err != errYear && err != errFiscal
	}
	return d.Precision != Year
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
	v, err := rd.amount.value(0)
	if err != nil {
		return Quantity{}, err
	}
	return Quantity{Kind: Unit, Value: v, Unit: unit}, nil
}
