package quantity

import (
	"errors"
	"fmt"
)

// A ParseError says why a cell is not a quantity or not a date, and what
// was wanted instead. Its message leaves out the input, because callers
// quote the cell themselves ("Target \"TBD\": want a number …").
type ParseError struct {
	Input  string // the text that was read, trimmed
	What   string // "quantity" or "date"
	Reason string // what was wrong and what was expected
}

func (e *ParseError) Error() string { return e.Reason }

// wantQuantity ends most quantity errors: it shows what a valid cell looks like.
const wantQuantity = "want a number with an optional unit, such as 12%, $1.2M, 250 ms or 40 tickets"

// wantDate ends most date errors.
const wantDate = "want a date as YYYY-MM-DD, YYYY-MM, YYYY-Qn, Qn YYYY, YYYY-Hn or YYYY, such as 2027-06-30, 2027-Q3, Dec 2027 or end of 2027"

// Reasons a quantity is rejected. They are never wrapped, so parse can
// recognise errNoNumber and explain it better once it sees the whole input.
var (
	errNoNumber      = errors.New(wantQuantity)
	errNumberFirst   = errors.New("want the number first, then its unit, such as 40 tickets")
	errSeveral       = errors.New("write one number, not several; " + wantQuantity)
	errRange         = errors.New("ranges are not supported: write one number, the value you commit to (such as 20%, not 10-20%)")
	errDate          = errors.New("this is a date, not a quantity: dates belong in the By column; " + wantQuantity)
	errGrouping      = errors.New("want thousands separators between groups of three digits, such as 1,200 or 66,350, and one decimal point or comma, such as 1.5 or 1,5")
	errDotGroup      = errors.New("a dot before three digits is a decimal point in English but groups thousands in German: write thousands without it, such as 1200 or 1 200, and decimals with fewer digits or a comma, such as 1.2 or 1,2")
	errScientific    = errors.New("scientific notation is not supported: write the number out or scale it with k, M or B, such as 1.2M")
	errTooLarge      = errors.New("the number is too large")
	errZeroDenom     = errors.New("a ratio's denominator must not be zero: want a ratio such as 4.5/5")
	errTwoBounds     = errors.New("write one bound, such as ≥ 99.9% or 10k+, not both")
	errCurrencyTwice = errors.New("the currency is written twice: write it once, such as $40 or 40 USD")
	errDurationOrder = errors.New("write the parts of a duration from the largest unit to the smallest, such as 1 h 30 min")
	errStatOnly      = errors.New("this names a statistic, not a value: write the value with it, such as 200 ms p95")
	errRank          = errors.New("a rank is a place from 1 up, such as #1, top 3 or 2nd (or a share, such as top 10%)")
)

// errCurrencyAnd rejects money written with another kind's marker, such as "$12%".
func errCurrencyAnd(kind string) error {
	return fmt.Errorf("want either an amount of money or %s, not both", kind)
}

// errUnexpected names the text that could not be read as a unit.
func errUnexpected(text string) error {
	return fmt.Errorf("unexpected %q after the number; %s", text, wantQuantity)
}
