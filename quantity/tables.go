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
// prefixes come first so that "<=" is not read as "<" and "maximum of" not
// as "maximum".
var boundPrefixes = []struct{ prefix, bound string }{
	{"<=", AtMost}, {">=", AtLeast}, {"=<", AtMost}, {"=>", AtLeast},
	{"≤", AtMost}, {"≥", AtLeast}, {"⩽", AtMost}, {"⩾", AtLeast}, {"≦", AtMost}, {"≧", AtLeast},
	{"<", Below}, {">", Above}, {"~", About}, {"≈", About},
	{"less than or equal to", AtMost}, {"more than or equal to", AtLeast}, {"greater than or equal to", AtLeast},
	{"no more than", AtMost}, {"no less than", AtLeast}, {"no fewer than", AtLeast},
	{"not more than", AtMost}, {"not less than", AtLeast}, {"not exceeding", AtMost},
	{"at or below", AtMost}, {"at or above", AtLeast},
	{"at most", AtMost}, {"at least", AtLeast}, {"up to", AtMost}, {"within", AtMost},
	{"maximum of", AtMost}, {"minimum of", AtLeast}, {"maximum", AtMost}, {"minimum", AtLeast},
	{"max.", AtMost}, {"max", AtMost}, {"min.", AtLeast}, {"min", AtLeast},
	{"more than", Above}, {"greater than", Above}, {"higher than", Above},
	{"less than", Below}, {"fewer than", Below}, {"lower than", Below},
	{"over", Above}, {"above", Above}, {"under", Below}, {"below", Below},
	{"approximately", About}, {"approx.", About}, {"approx", About}, {"about", About},
	{"around", About}, {"circa", About}, {"roughly", About},
}

// boundSuffixes are the bounds people write after a quantity: "5 tickets
// or fewer", "200 ms max". They are matched as whole words at the end of
// the lower-cased unit or qualifier. "min" is missing on purpose: it ends
// "requests per min".
var boundSuffixes = []struct{ suffix, bound string }{
	{"or more", AtLeast}, {"or higher", AtLeast}, {"or greater", AtLeast}, {"or above", AtLeast},
	{"or over", AtLeast}, {"and above", AtLeast}, {"and up", AtLeast}, {"and over", AtLeast},
	{"at least", AtLeast}, {"minimum", AtLeast},
	{"or less", AtMost}, {"or fewer", AtMost}, {"or lower", AtMost}, {"or below", AtMost},
	{"or under", AtMost}, {"and below", AtMost}, {"and under", AtMost},
	{"at most", AtMost}, {"at the most", AtMost}, {"maximum", AtMost}, {"max", AtMost},
	{"or so", About},
}

// numberWords are the small numbers people spell out: "Zero critical bugs",
// "top ten".
var numberWords = []struct{ word, digits string }{
	{"zero", "0"}, {"one", "1"}, {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"},
	{"six", "6"}, {"seven", "7"}, {"eight", "8"}, {"nine", "9"}, {"ten", "10"},
	{"eleven", "11"}, {"twelve", "12"},
}

// rankPrefixes introduce a position in a ranking: "top 3", "#1", "No. 1",
// "rank 2". "top N" means the N-th place or better, so its bound is "<=".
// Each must be followed by a number (after an optional space, "-" or "#").
var rankPrefixes = []struct{ prefix, bound string }{
	{"#", ""}, {"№", ""}, {"no.", ""}, {"nr.", ""}, {"number", ""},
	{"ranked", ""}, {"ranking", ""}, {"rank", ""}, {"top", AtMost},
}

// rankNouns may follow a rank without saying what is ranked: "3rd place",
// "#1 spot". They are dropped, so "#1 spot" compares with "1st".
var rankNouns = []string{"place", "position", "spot", "rank", "ranking"}

// ordinalSuffixes follow the number of a rank: "1st", "22nd", "3rd", "4th".
var ordinalSuffixes = []string{"st", "nd", "rd", "th"}

// statisticWords name the statistic a value is: "p95", "median". Mean and
// average are what a value without one is taken to be.
var statisticWords = map[string]string{
	"median": "p50", "mean": statMean, "average": statMean, "avg": statMean,
}

// statMean is the statistic of an average, written or not.
const statMean = "mean"

// monthNames maps month names and their abbreviations, lower-case, to
// months: "Dec", "December", "Sept".
var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// deadlineWords may open a By cell without changing it: "by 2027-06-30",
// "in Q3 2027". Longer phrases come first.
var deadlineWords = []string{"no later than", "not later than", "due by", "due", "by", "in", "until", "till", "on"}

// A dateModifier picks a part of a period: the end (the period itself,
// since a period counts as its last day), its early, middle or late part.
type dateModifier int

const (
	modNone dateModifier = iota
	modEnd
	modEarly
	modMid
	modLate
)

// dateModifiers open a By cell such as "end of Q3 2027" or "mid-2027".
// Longer phrases come first; those marked yearOnly need a bare year after
// them ("year-end 2027").
var dateModifiers = []struct {
	prefix   string
	mod      dateModifier
	yearOnly bool
}{
	{"the end of", modEnd, false}, {"end of", modEnd, false},
	{"the middle of", modMid, false}, {"middle of", modMid, false},
	{"the start of", modEarly, false}, {"start of", modEarly, false},
	{"the beginning of", modEarly, false}, {"beginning of", modEarly, false},
	{"year-end", modEnd, true}, {"year end", modEnd, true}, {"eoy", modEnd, true},
	{"mid-year", modMid, true}, {"midyear", modMid, true},
	{"early", modEarly, false}, {"mid", modMid, false}, {"late", modLate, false}, {"end", modEnd, false},
}

// relativeWords in a By cell that is not a date mark a deadline relative
// to something else ("30 days after launch", "Week 4"), which needs the
// calendar date instead.
var relativeWords = map[string]bool{
	"launch": true, "launched": true, "launching": true, "after": true, "post-launch": true,
	"ga": true, "release": true, "kickoff": true, "week": true, "weeks": true,
	"sprint": true, "day": true, "days": true, "month": true, "months": true,
}

// stopWords end the words that Find takes as a unit or qualifier: "90%
// reduction in time" is "90% reduction".
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "in": true, "on": true, "at": true, "by": true,
	"for": true, "of": true, "to": true, "from": true, "with": true, "within": true,
	"across": true, "over": true, "under": true, "after": true, "before": true,
	"during": true, "and": true, "or": true, "than": true, "vs": true, "versus": true,
	"while": true, "when": true, "since": true, "as": true, "via": true, "into": true,
	"among": true, "between": true, "through": true, "using": true, "per": true,
	"is": true, "are": true, "be": true, "that": true, "which": true, "who": true,
	"compared": true, "each": true, "every": true,
}

// irregularPlurals lets "1 person" compare with "5 people".
var irregularPlurals = map[string]string{
	"person": "people", "child": "children", "man": "men", "woman": "women",
}

// spaceSeparators may group thousands: "1 200", with a plain, no-break,
// narrow no-break or thin space.
var spaceSeparators = []string{" ", "\u00a0", "\u202f", "\u2009"}
