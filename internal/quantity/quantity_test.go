package quantity

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in        string
		kind      Kind
		value     float64
		unit      string
		qualifier string
		bound     string
	}{
		// Plain numbers, signs and thousands separators.
		{"0", Number, 0, "", "", ""},
		{"-0", Number, 0, "", "", ""},
		{"1,200", Number, 1200, "", "", ""},
		{"66,350", Number, 66350, "", "", ""},
		{"1,234,567.89", Number, 1234567.89, "", "", ""},
		{"-3", Number, -3, "", "", ""},
		{"−3", Number, -3, "", "", ""}, // Unicode minus sign
		{"+5", Number, 5, "", "", ""},
		{"4.0", Number, 4, "", "", ""},
		{".5", Number, 0.5, "", "", ""},
		{"  42  ", Number, 42, "", "", ""},
		{"1 200", Number, 1200, "", "", ""},
		{"1\u00a0200", Number, 1200, "", "", ""},             // no-break space
		{"1\u202f200\u202f300", Number, 1200300, "", "", ""}, // narrow no-break space
		{"12\u2009345.5", Number, 12345.5, "", "", ""},       // thin space
		{"2027", Number, 2027, "", "", ""},                   // a bare year is a number

		// Scales.
		{"1.2k", Number, 1200, "", "", ""},
		{"1.2K", Number, 1200, "", "", ""},
		{"3M", Number, 3e6, "", "", ""},
		{"2B", Number, 2e9, "", "", ""},
		{"2bn", Number, 2e9, "", "", ""},
		{"3 million", Number, 3e6, "", "", ""},
		{"1.5 billion", Number, 1.5e9, "", "", ""},
		{"500K users", Unit, 500000, "users", "", ""},
		{"3 thousand users", Unit, 3000, "users", "", ""},

		// Percentages and percentage points.
		{"12%", Percent, 12, "", "", ""},
		{"12 %", Percent, 12, "", "", ""},
		{"1.5%", Percent, 1.5, "", "", ""},
		{"-0.5%", Percent, -0.5, "", "", ""},
		{"12 percent", Percent, 12, "", "", ""},
		{"12 Percent", Percent, 12, "", "", ""},
		{"12 per cent", Percent, 12, "", "", ""},
		{"12pct", Percent, 12, "", "", ""},
		{"12％", Percent, 12, "", "", ""},
		{"3pp", Percent, 3, "pp", "", ""},
		{"3 pp", Percent, 3, "pp", "", ""},
		{"3 p.p.", Percent, 3, "pp", "", ""},
		{"3 percentage points", Percent, 3, "pp", "", ""},
		{"1 percentage point", Percent, 1, "pp", "", ""},
		{"12% of users", Percent, 12, "", "of users", ""},
		{"12% (of Users)", Percent, 12, "", "(of users)", ""},

		// Money.
		{"$1.2M", Currency, 1.2e6, "USD", "", ""},
		{"$1.2m", Currency, 1.2e6, "USD", "", ""},
		{"$1.2 M", Currency, 1.2e6, "USD", "", ""},
		{"$1.2 million", Currency, 1.2e6, "USD", "", ""},
		{"$2bn", Currency, 2e9, "USD", "", ""},
		{"$2 bn", Currency, 2e9, "USD", "", ""},
		{"€300k", Currency, 300000, "EUR", "", ""},
		{"USD 40", Currency, 40, "USD", "", ""},
		{"USD40", Currency, 40, "USD", "", ""},
		{"40 USD", Currency, 40, "USD", "", ""},
		{"40k EUR", Currency, 40000, "EUR", "", ""},
		{"$0.42", Currency, 0.42, "USD", "", ""},
		{"£5", Currency, 5, "GBP", "", ""},
		{"¥1,000", Currency, 1000, "JPY", "", ""},
		{"300 €", Currency, 300, "EUR", "", ""},
		{"40$", Currency, 40, "USD", "", ""},
		{"US$40", Currency, 40, "USD", "", ""},
		{"C$40", Currency, 40, "CAD", "", ""},
		{"CN¥40", Currency, 40, "CNY", "", ""},
		{"-$3", Currency, -3, "USD", "", ""},
		{"$-3", Currency, -3, "USD", "", ""},
		{"−$3", Currency, -3, "USD", "", ""},
		{"$ 40", Currency, 40, "USD", "", ""},
		{"$5/seat", Currency, 5, "USD", "/seat", ""},
		{"$5 per seat per month", Currency, 5, "USD", "per seat per month", ""},
		{"40 USD/month", Currency, 40, "USD", "/month", ""},

		// Durations, in seconds.
		{"250 ms", Duration, 0.25, "", "", ""},
		{"250ms", Duration, 0.25, "", "", ""},
		{"10 days", Duration, 10 * day, "", "", ""},
		{"1 day", Duration, day, "", "", ""},
		{"3d", Duration, 3 * day, "", "", ""},
		{"2 h", Duration, 2 * hour, "", "", ""},
		{"2 hr", Duration, 2 * hour, "", "", ""},
		{"2 hrs", Duration, 2 * hour, "", "", ""},
		{"1.5 hrs.", Duration, 1.5 * hour, "", "", ""},
		{"36 hours", Duration, 36 * hour, "", "", ""},
		{"45 min", Duration, 45 * minute, "", "", ""},
		{"45 mins", Duration, 45 * minute, "", "", ""},
		{"45 minutes", Duration, 45 * minute, "", "", ""},
		{"1.5s", Duration, 1.5, "", "", ""},
		{"30 sec", Duration, 30, "", "", ""},
		{"30 secs", Duration, 30, "", "", ""},
		{"30 seconds", Duration, 30, "", "", ""},
		{"3 weeks", Duration, 3 * week, "", "", ""},
		{"2 wks", Duration, 2 * week, "", "", ""},
		{"2 months", Duration, 60 * day, "", "", ""},
		{"1 year", Duration, 365 * day, "", "", ""},
		{"2 yrs", Duration, 2 * 365 * day, "", "", ""},
		{"5 µs", Duration, 5e-6, "", "", ""}, // micro sign
		{"5 μs", Duration, 5e-6, "", "", ""}, // Greek mu
		{"5 us", Duration, 5e-6, "", "", ""},
		{"7ns", Duration, 7e-9, "", "", ""},
		{"10 Days", Duration, 10 * day, "", "", ""},
		{"1 h 30 min", Duration, 90 * minute, "", "", ""},
		{"1h30min", Duration, 90 * minute, "", "", ""},
		{"2 days 4 hours", Duration, 2*day + 4*hour, "", "", ""},
		{"-1 h 30 min", Duration, -90 * minute, "", "", ""},
		{"1.2k ms", Duration, 1.2, "", "", ""},
		{"250 ms p99", Duration, 0.25, "", "p99", ""},
		{"5 min per ticket", Duration, 5 * minute, "", "per ticket", ""},

		// Multipliers.
		{"2x", Multiplier, 2, "", "", ""},
		{"2 x", Multiplier, 2, "", "", ""},
		{"1.5×", Multiplier, 1.5, "", "", ""},
		{"10X", Multiplier, 10, "", "", ""},
		{"2x faster", Multiplier, 2, "", "faster", ""},

		// Ratios: Unit is the denominator.
		{"4.5/5", Ratio, 0.9, "5", "", ""},
		{"4.5 / 5", Ratio, 0.9, "5", "", ""},
		{"3/10", Ratio, 0.3, "10", "", ""},
		{"4/5.0", Ratio, 0.8, "5", "", ""},
		{"3 out of 10", Ratio, 0.3, "10", "", ""},
		{"4.5/5 stars", Ratio, 0.9, "5", "stars", ""},
		{"1/1k", Ratio, 0.001, "1000", "", ""},

		// A number and a free-text unit.
		{"40 tickets", Unit, 40, "tickets", "", ""},
		{"1 ticket", Unit, 1, "ticket", "", ""},
		{"40 Tickets.", Unit, 40, "tickets", "", ""},
		{"500 active users", Unit, 500, "active users", "", ""},
		{"500   Active\tUsers", Unit, 500, "active users", "", ""},
		{"3 support calls/week", Unit, 3, "support calls/week", "", ""},
		{"3/week", Unit, 3, "/week", "", ""},
		{"1 200 users", Unit, 1200, "users", "", ""},
		{"40 t CO2e", Unit, 40, "t co2e", "", ""},
		{"5m", Unit, 5, "m", "", ""},        // metres or minutes: left as a unit
		{"2 B", Unit, 2, "b", "", ""},       // bytes, not billions
		{"40 usd", Unit, 40, "usd", "", ""}, // codes are upper-case
		{"40 USDC", Unit, 40, "usdc", "", ""},
		{"10 business days", Unit, 10, "business days", "", ""},
		{"2 xp", Unit, 2, "xp", "", ""},

		// Bounds.
		{"≥ 99.9%", Percent, 99.9, "", "", ">="},
		{"≥99.9%", Percent, 99.9, "", "", ">="},
		{">= 99.9%", Percent, 99.9, "", "", ">="},
		{"≤ 200 ms", Duration, 0.2, "", "", "<="},
		{"<=200ms", Duration, 0.2, "", "", "<="},
		{"< 200 ms", Duration, 0.2, "", "", "<"},
		{"> 40", Number, 40, "", "", ">"},
		{"~5", Number, 5, "", "", "~"},
		{"≈ 5", Number, 5, "", "", "~"},
		{"> -3", Number, -3, "", "", ">"},
		{"at least 40 tickets", Unit, 40, "tickets", "", ">="},
		{"At least 40 tickets", Unit, 40, "tickets", "", ">="},
		{"at most 3 days", Duration, 3 * day, "", "", "<="},
		{"up to $3M", Currency, 3e6, "USD", "", "<="},
		{"more than 2x", Multiplier, 2, "", "", ">"},
		{"under 2 s", Duration, 2, "", "", "<"},
		{"approx. 45", Number, 45, "", "", "~"},
		{"about 45%", Percent, 45, "", "", "~"},
		{"10k+", Number, 10000, "", "", ">="},
		{"10k+ users", Unit, 10000, "users", "", ">="},
		{"99%+", Percent, 99, "", "", ">="},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tt.in, err)
			continue
		}
		if q.Kind != tt.kind || q.Value != tt.value || math.Signbit(q.Value) != math.Signbit(tt.value) || q.Unit != tt.unit || q.Qualifier != tt.qualifier || q.Bound != tt.bound {
			t.Errorf("Parse(%q) = %v %v unit=%q qualifier=%q bound=%q; want %v %v unit=%q qualifier=%q bound=%q",
				tt.in, q.Kind, q.Value, q.Unit, q.Qualifier, q.Bound, tt.kind, tt.value, tt.unit, tt.qualifier, tt.bound)
		}
		if want := strings.TrimSpace(tt.in); q.Text != want || q.String() != want {
			t.Errorf("Parse(%q).Text = %q, want %q", tt.in, q.Text, want)
		}
	}
}

// Scaling goes through the decimal text, so scaled and written-out values
// are exactly equal.
func TestParseScaledValuesAreExact(t *testing.T) {
	pairs := [][2]string{
		{"$1.2M", "$1,200,000"},
		{"0.3k", "300"},
		{"1.1B", "1,100,000,000"},
		{"250 ms", "0.25 s"},
		{"0.1 h", "6 min"},
	}
	for _, p := range pairs {
		a, errA := Parse(p[0])
		b, errB := Parse(p[1])
		if errA != nil || errB != nil {
			t.Fatalf("Parse(%q), Parse(%q): %v, %v", p[0], p[1], errA, errB)
		}
		if a.Value != b.Value {
			t.Errorf("Parse(%q).Value = %v, Parse(%q).Value = %v; want equal", p[0], a.Value, p[1], b.Value)
		}
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		in   string
		want string // a substring of the message
	}{
		{"", "want a number with an optional unit, such as 12%, $1.2M, 250 ms or 40 tickets"},
		{"   ", "want a number with an optional unit"},
		{"TBD", "want a number with an optional unit"},
		{"high", "want a number with an optional unit"},
		{"improve", "want a number with an optional unit"},
		{"n/a", "want a number with an optional unit"},
		{"-", "want a number with an optional unit"},
		{"$", "want a number with an optional unit"},
		{"%", "want a number with an optional unit"},
		{"at least", "want a number with an optional unit"},
		{"users 40", "want the number first, then its unit"},
		{"- 3", "want the number first"},
		{"10-20%", "ranges are not supported: write one number"},
		{"10%-20%", "ranges are not supported"},
		{"10 – 20 days", "ranges are not supported"},
		{"$10-$20", "ranges are not supported"},
		{"10 to 20", "ranges are not supported"},
		{"-3 to -1", "ranges are not supported"},
		{"10~20", "ranges are not supported"},
		{"from 45 to 80", "write one number, not several"},
		{"between 10 and 20", "write one number, not several"},
		{"1200 300", "write one number, not several"},
		{"40 tickets or 50", "write one number, not several"},
		{"12% of users in 2027", "write one number, not several"},
		{"1 h 30", "write one number, not several"},
		{"2027-06-30", "this is a date, not a quantity"},
		{"2027-06", "this is a date, not a quantity"},
		{"2027-Q3", "this is a date, not a quantity"},
		{"Q3 2027", "this is a date, not a quantity"},
		{"2027 H2", "this is a date, not a quantity"},
		{"2027-13", "this is a date, not a quantity"},
		{"1,2.5", "want thousands separators between groups of three digits"}, // a decimal comma, then a point
		{"1 200,300", "groups of three digits"},
		{"1200,300", "groups of three digits"},
		{"1,200,3", "groups of three digits"},
		{"1.5,3", "groups of three digits"},
		{"1e6", "scientific notation is not supported"},
		{"2.5E-3", "scientific notation is not supported"},
		{"$12%", "want either an amount of money or a percentage, not both"},
		{"$2x", "want either an amount of money or a multiplier"},
		{"$3/5", "want either an amount of money or a ratio"},
		{"$40 USD", "the currency is written twice"},
		{"4/0", "a ratio's denominator must not be zero"},
		{"≥ 10+", "write one bound"},
		{"30 min 1 h", "from the largest unit to the smallest"},
		{"1 h 2 h", "from the largest unit to the smallest"},
		{"12%*", `unexpected "*" after the number`},
		{"0x10", "write one number, not several"},
		{"3/5/2027", "write one number, not several"},
		{"40 .", `unexpected "." after the number`},
		{strings.Repeat("9", 400), "the number is too large"},
		{strings.Repeat("9", 300) + "B", "the number is too large"},
		{strings.Repeat("9", 305) + " years", "the number is too large"},
		{"1/0." + strings.Repeat("0", 400) + "1", "a ratio's denominator must not be zero"}, // underflows to 0
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v %v %q, want an error containing %q", tt.in, q.Kind, q.Value, q.Unit, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Input != strings.TrimSpace(tt.in) || pe.What != "quantity" {
			t.Errorf("Parse(%q) error = %#v, want a *ParseError for the quantity %q", tt.in, err, strings.TrimSpace(tt.in))
		}
		if q != (Quantity{}) {
			t.Errorf("Parse(%q) returned %+v with its error, want the zero Quantity", tt.in, q)
		}
	}
}

func TestComparable(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"10 min", "3 min", true},
		{"10 min", "2 h", true},
		{"250 ms", "1.5s", true},
		{"12%", "18%", true},
		{"12%", "3 days", false},
		{"12%", "3pp", false},
		{"3pp", "5 percentage points", true},
		{"12% of users", "18% of users", true},
		{"12% of users", "18%", false},
		{"12% of users", "18% of sessions", false},
		{"$5", "$7", true},
		{"$5", "7 USD", true},
		{"$5", "€5", false},
		{"$5/seat", "$7 per seat", true},
		{"4/5", "3/10", false},
		{"4.5/5", "3 out of 5", true},
		{"4/5", "4/5.0", true},
		{"40 tickets", "30 tickets", true},
		{"40 tickets", "30 users", false},
		{"1 ticket", "40 tickets", true},
		{"1 query", "40 queries", true},
		{"1 box", "2 boxes", true},
		{"1 person", "5 people", true},
		{"40 Tickets", "30 tickets.", true},
		{"3 support calls/week", "1 support call per week", true},
		{"500 active users", "600 users", false},
		{"5 m", "5 ms", false},
		{"1,200", "1.5k", true},
		{"1,200", "1,200 users", false},
		{"2x", "3X", true},
		{"2x", "2", false},
		{"≥ 99.9%", "99%", true}, // bounds do not matter
		{"10 business days", "10 days", false},
	}
	for _, tt := range tests {
		a, errA := Parse(tt.a)
		b, errB := Parse(tt.b)
		if errA != nil || errB != nil {
			t.Fatalf("Parse(%q), Parse(%q): %v, %v", tt.a, tt.b, errA, errB)
		}
		if got := a.Comparable(b); got != tt.want {
			t.Errorf("Parse(%q).Comparable(Parse(%q)) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := b.Comparable(a); got != tt.want {
			t.Errorf("Parse(%q).Comparable(Parse(%q)) = %v, want %v (Comparable must be symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
	if (Quantity{}).Comparable(Quantity{}) {
		t.Error("the zero Quantity is comparable with itself, want not: it has no kind")
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"12%", "18%", -1},
		{"18%", "12%", 1},
		{"4.0", "4", 0},
		{"1,200", "1.2k", 0},
		{"2 h", "90 min", 1},
		{"1 h 30 min", "90 min", 0},
		{"250 ms", "0.3 s", -1},
		{"-$3", "$1", -1},
		{"$1.2M", "$1,200,000", 0},
		{"4.5/5", "4/5", 1},
		{"40 tickets", "30 tickets", 1},
	}
	for _, tt := range tests {
		a, errA := Parse(tt.a)
		b, errB := Parse(tt.b)
		if errA != nil || errB != nil {
			t.Fatalf("Parse(%q), Parse(%q): %v, %v", tt.a, tt.b, errA, errB)
		}
		if !a.Comparable(b) {
			t.Errorf("Parse(%q) and Parse(%q) are not comparable", tt.a, tt.b)
		}
		if got := a.Compare(b); got != tt.want {
			t.Errorf("Parse(%q).Compare(Parse(%q)) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIsAbsent(t *testing.T) {
	words := DefaultAbsentWords()
	tests := []struct {
		in   string
		want bool
	}{
		{"n/a", true},
		{"N/A", true},
		{"  None ", true},
		{"new", true},
		{"NEW", true},
		{"-", true},
		{"—", true},
		{"–", true},
		{"", false},
		{"0", false},
		{"TBD", false},
		{"newer", false},
		{"n / a", false},
	}
	for _, tt := range tests {
		if got := IsAbsent(tt.in, words); got != tt.want {
			t.Errorf("IsAbsent(%q, defaults) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if !IsAbsent("does not exist yet", []string{"  Does not   exist yet "}) {
		t.Error("IsAbsent with a configured phrase: want whitespace and case folded")
	}
	if IsAbsent("n/a", nil) {
		t.Error("IsAbsent with no words = true, want false")
	}
	words[0] = "changed"
	if DefaultAbsentWords()[0] != "n/a" {
		t.Error("DefaultAbsentWords shares its slice between calls")
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{
		Number: "number", Percent: "percent", Currency: "currency", Duration: "duration",
		Multiplier: "multiplier", Ratio: "ratio", Unit: "unit", 0: "Kind(0)", 99: "Kind(99)",
	}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), k.String(), s)
		}
	}
}
