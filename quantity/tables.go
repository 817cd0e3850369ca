package quantity

// The tables in this file are read-only: nothing in the package writes to
// them after initialisation.

// currencySymbols maps the symbols written around an amount to ISO 4217
// codes. Longer symbols come first so that "US$" wins over "$".
var currencySymbols = []struct{ symbol, code string }{
	{"US$", "USD"}, {"CA$", "CAD"}, {"AU$", "AUD"}, {"NZ$", "NZD"}, {"HK$", "HKD"},
	{"CN¥", "CNY"}, {"JP¥", "JPY"},
	{"A$", "AUD"}, {"C$", "CAD"}, {"S$", "SGD"}, {"R$", "BRL"},
	{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"},
	{"₹", "INR"}, {"₩", "KRW"}, {"₺", "TRY"}, {"₪", "ILS"}, {"₱", "PHP"},
}

// currencyCodes are the ISO 4217 codes recognised when written in upper case
// before or after an amount. Codes that read like English words or units
// (ALL, TOP, MOP, CUP, GEL, PHP) are left out on purpose.
var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "CHF": true,
	"CAD": true, "AUD": true, "NZD": true, "SEK": true, "NOK": true, "DKK": true,
	"ISK": true, "PLN": true, "CZK": true, "HUF": true, "RON": true, "BGN": true,
	"INR": true, "BRL": true, "MXN": true, "ARS": true, "CLP": true, "COP": true,
	"PEN": true, "KRW": true, "SGD": true, "HKD": true, "TWD": true, "THB": true,
	"IDR": true, "MYR": true, "VND": true, "ZAR": true, "NGN": true, "KES": true,
	"EGP": true, "ILS": true, "TRY": true, "AED": true, "SAR": true, "UAH": true,
}

// scaleWords are the spelled-out scales, matched case-insensitively and
// possibly after a space: "$2 bn", "3 million users".
var scaleWords = []struct {
	word  string
	pow10 int
}{
	{"bn", 9}, {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12},
}

// durationUnit converts a count of the unit to seconds: count × 10^pow10 ×
// factor. Sub-second units use pow10 so that 250 ms is exactly 0.25 s.
type durationUnit struct {
	factor float64
	pow10  int
}

// seconds is the size of one unit, used to check that the parts of a
// compound duration ("1 h 30 min") go from the largest unit to the smallest.
func (u durationUnit) seconds() float64 {
	s := u.factor
	for i := 0; i > u.pow10; i-- {
		s /= 10
	}
	return s
}

const (
	minute = 60
	hour   = 60 * minute
	day    = 24 * hour
	week   = 7 * day
	month  = 30 * day  // for ordering only: months vary
	year   = 365 * day // for ordering only: leap years are ignored
)

// durationUnits maps lower-cased unit names to their size. "m" is missing on
// purpose: it is minutes to some writers and metres to others.
var durationUnits = map[string]durationUnit{
	"ns": {1, -9}, "nsec": {1, -9}, "nanosecond": {1, -9}, "nanoseconds": {1, -9},
	"µs": {1, -6}, "μs": {1, -6}, "us": {1, -6}, "usec": {1, -6},
	"microsecond": {1, -6}, "microseconds": {1, -6},
	"ms": {1, -3}, "msec": {1, -3}, "msecs": {1, -3},
	"millisecond": {1, -3}, "milliseconds": {1, -3},
	"s": {1, 0}, "sec": {1, 0}, "secs": {1, 0}, "second": {1, 0}, "seconds": {1, 0},
	"min": {minute, 0}, "mins": {minute, 0}, "minute": {minute, 0}, "minutes": {minute, 0},
	"h": {hour, 0}, "hr": {hour, 0}, "hrs": {hour, 0}, "hour": {hour, 0}, "hours": {hour, 0},
	"d": {day, 0}, "day": {day, 0}, "days": {day, 0},
	"w": {week, 0}, "wk": {week, 0}, "wks": {week, 0}, "week": {week, 0}, "weeks": {week, 0},
	"mo": {month, 0}, "mos": {month, 0}, "month": {month, 0}, "months": {month, 0},
	"y": {year, 0}, "yr": {year, 0}, "yrs": {year, 0}, "year": {year, 0}, "years": {year, 0},
}

// percentMarkers follow the number of a percentage. Longer markers come
// first so that "percentage points" is not read as "percent".
var percentMarkers = []struct{ marker, unit string }{
	{"percentage points", "pp"}, {"percentage point", "pp"}, {"p.p.", "pp"}, {"pp", "pp"},
	{"%", ""}, {"％", ""}, {"percent", ""}, {"per cent", ""}, {"pct", ""},
}

// Bound values kept in Quantity.Bound.
const (
	About       = "~"
	Below       = "<"
	AtMost      = "<="
	Above       = ">"
	AtLeast     = ">="
	boundSuffix = "+" // "10k+" means at least 10k
)

// boundPrefixes are the qualifiers people put before a number. Longer
// prefixes come first so that "<=" is not read as "<".
var boundPrefixes = []struct{ prefix, bound string }{
	{"<=", AtMost}, {">=", AtLeast}, {"≤", AtMost}, {"≥", AtLeast}, {"⩽", AtMost}, {"⩾", AtLeast},
	{"<", Below}, {">", Above}, {"~", About}, {"≈", About},
	{"no more than", AtMost}, {"no less than", AtLeast}, {"at most", AtMost}, {"at least", AtLeast},
	{"up to", AtMost}, {"more than", Above}, {"less than", Below}, {"fewer than", Below},
	{"over", Above}, {"above", Above}, {"under", Below}, {"below", Below},
	{"approximately", About}, {"approx.", About}, {"approx", About}, {"about", About},
	{"around", About}, {"circa", About},
}

// irregularPlurals lets "1 person" compare with "5 people".
var irregularPlurals = map[string]string{
	"person": "people", "child": "children", "man": "men", "woman": "women",
}

// spaceSeparators may group thousands: "1 200", with a plain, no-break,
// narrow no-break or thin space.
var spaceSeparators = []string{" ", "\u00a0", "\u202f", "\u2009"}
