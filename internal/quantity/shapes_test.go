package quantity

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The shapes in this file are those seen in real PRFAQs and refused by
// earlier versions: bounds written as words or after the unit, statistics
// such as p95, nouns such as ARR, ranks, spelled-out numbers, named months
// and "end of" deadlines.

func TestParseNewShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in        string
		kind      Kind
		value     float64
		unit      string
		qualifier string
		bound     string
	}{
		// Statistics after or before the value.
		{"< 200 ms p95", Duration, 0.2, "", "p95", "<"},
		{"200ms (p95)", Duration, 0.2, "", "(p95)", ""},
		{"200 ms at p99.9", Duration, 0.2, "", "at p99.9", ""},
		{"250 ms at the 95th percentile", Duration, 0.25, "", "at the 95th percentile", ""},
		{"p95 < 200 ms", Duration, 0.2, "", "p95", "<"},
		{"P99: 1.5 s", Duration, 1.5, "", "p99", ""},
		{"median 3 days", Duration, 3 * day, "", "median", ""},
		{"p95 200", Number, 200, "", "p95", ""},

		// Nouns after money.
		{"$1.2M ARR", Currency, 1.2e6, "USD", "arr", ""},
		{"€40k MRR", Currency, 40000, "EUR", "mrr", ""},

		// Bounds as words, before and after.
		{"100+ stars", Unit, 100, "stars", "", ">="},
		{"5 tickets or fewer", Unit, 5, "tickets", "", "<="},
		{"5 or more", Number, 5, "", "", ">="},
		{"200 ms max", Duration, 0.2, "", "", "<="},
		{"12% or less", Percent, 12, "", "", "<="},
		{"99.9% or higher", Percent, 99.9, "", "", ">="},
		{"10 users and up", Unit, 10, "users", "", ">="},
		{"max 200 ms", Duration, 0.2, "", "", "<="},
		{"maximum of 3 days", Duration, 3 * day, "", "", "<="},
		{"within 2 days", Duration, 2 * day, "", "", "<="},
		{"below 1%", Percent, 1, "", "", "<"},
		{"greater than 40", Number, 40, "", "", ">"},
		{"no fewer than 5 pilots", Unit, 5, "pilots", "", ">="},
		{"3 requests per min", Unit, 3, "requests per min", "", ""}, // "min" is not a bound after a unit

		// Ranks.
		{"top 3", Rank, 3, "", "", "<="},
		{"Top 10", Rank, 10, "", "", "<="},
		{"top-3", Rank, 3, "", "", "<="},
		{"top ten", Rank, 10, "", "", "<="},
		{"#1", Rank, 1, "", "", ""},
		{"# 2", Rank, 2, "", "", ""},
		{"No. 1", Rank, 1, "", "", ""},
		{"number 1", Rank, 1, "", "", ""},
		{"rank #2", Rank, 2, "", "", ""},
		{"ranked 4", Rank, 4, "", "", ""},
		{"1st", Rank, 1, "", "", ""},
		{"2nd place", Rank, 2, "", "", ""},
		{"3rd", Rank, 3, "", "", ""},
		{"11th position", Rank, 11, "", "", ""},
		{"#1 spot", Rank, 1, "", "", ""},
		{"#1 in the App Store", Rank, 1, "", "in the app store", ""},
		{"top 10%", Rank, 10, "%", "", "<="},
		{"top 0.5% of apps", Rank, 0.5, "%", "of apps", "<="},

		// Spelled-out numbers.
		{"Zero critical bugs", Unit, 0, "critical bugs", "", ""},
		{"zero", Number, 0, "", "", ""},
		{"three days", Duration, 3 * day, "", "", ""},
		{"ten thousand users", Unit, 10000, "users", "", ""},
		{"at least five customers", Unit, 5, "customers", "", ">="},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tt.in, err)
			continue
		}
		if q.Kind != tt.kind || q.Value != tt.value || q.Unit != tt.unit || q.Qualifier != tt.qualifier || q.Bound != tt.bound {
			t.Errorf("Parse(%q) = %v %v unit=%q qualifier=%q bound=%q; want %v %v unit=%q qualifier=%q bound=%q",
				tt.in, q.Kind, q.Value, q.Unit, q.Qualifier, q.Bound, tt.kind, tt.value, tt.unit, tt.qualifier, tt.bound)
		}
	}
}

func TestParseNewShapesRejects(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"#0", "a rank is a place from 1 up"},
		{"#1.5", "a rank is a place from 1 up"},
		{"1.5th", "a rank is a place from 1 up"},
		{"#-1", "want the number first"},
		{"at most top 3", "write one bound"},
		{"at least 5 tickets or more", "write one bound"},
		{"10+ or more", "write one bound"},
		{"Dec 2027", "this is a date, not a quantity"},
		{"end of 2027", "this is a date, not a quantity"},
		{"by 2027", "this is a date, not a quantity"},
		{"mid-2027", "this is a date, not a quantity"},
		{"200 ms 95 percentile", "write one number, not several"},
		{"top", "want a number with an optional unit"},
		{"p95", "this names a statistic, not a value: write the value with it, such as 200 ms p95"},
		{"median", "this names a statistic, not a value"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestParseDateNewShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in         string
		start, end string
		precision  Precision
	}{
		{"Dec 2027", "2027-12-01", "2027-12-31", Month},
		{"dec 2027", "2027-12-01", "2027-12-31", Month},
		{"Dec. 2027", "2027-12-01", "2027-12-31", Month},
		{"Dec, 2027", "2027-12-01", "2027-12-31", Month},
		{"Dec-2027", "2027-12-01", "2027-12-31", Month},
		{"December 2027", "2027-12-01", "2027-12-31", Month},
		{"Sept 2027", "2027-09-01", "2027-09-30", Month},
		{"June 2027", "2027-06-01", "2027-06-30", Month},
		{"Feb 2028", "2028-02-01", "2028-02-29", Month},
		{"Dec 31, 2027", "2027-12-31", "2027-12-31", Day},
		{"Dec. 31, 2027", "2027-12-31", "2027-12-31", Day},
		{"December 31st 2027", "2027-12-31", "2027-12-31", Day},
		{"March 1 2027", "2027-03-01", "2027-03-01", Day},
		{"31 Dec 2027", "2027-12-31", "2027-12-31", Day},
		{"1st March 2027", "2027-03-01", "2027-03-01", Day},
		{"31 December, 2027", "2027-12-31", "2027-12-31", Day},

		// Deadline words.
		{"by 2027-06-30", "2027-06-30", "2027-06-30", Day},
		{"By Dec 2027", "2027-12-01", "2027-12-31", Month},
		{"in Q3 2027", "2027-07-01", "2027-09-30", Quarter},
		{"until 2027", "2027-01-01", "2027-12-31", Year},
		{"no later than 2027-H1", "2027-01-01", "2027-06-30", Half},

		// End of a period is the period.
		{"end of 2027", "2027-01-01", "2027-12-31", Year},
		{"End of Q3 2027", "2027-07-01", "2027-09-30", Quarter},
		{"by the end of Q3 2027", "2027-07-01", "2027-09-30", Quarter},
		{"by end of December 2027", "2027-12-01", "2027-12-31", Month},
		{"end of 2027-06", "2027-06-01", "2027-06-30", Month},
		{"end of 2027-06-30", "2027-06-30", "2027-06-30", Day},
		{"year-end 2027", "2027-01-01", "2027-12-31", Year},
		{"EOY 2027", "2027-01-01", "2027-12-31", Year},
		{"H2 2027", "2027-07-01", "2027-12-31", Half},

		// Early, mid and late parts.
		{"early 2027", "2027-01-01", "2027-03-31", Quarter},
		{"mid-2027", "2027-01-01", "2027-06-30", Half},
		{"mid 2027", "2027-01-01", "2027-06-30", Half},
		{"mid-year 2027", "2027-01-01", "2027-06-30", Half},
		{"the middle of 2027", "2027-01-01", "2027-06-30", Half},
		{"late 2027", "2027-10-01", "2027-12-31", Quarter},
		{"start of 2027", "2027-01-01", "2027-03-31", Quarter},
		{"early H2 2027", "2027-07-01", "2027-09-30", Quarter},
		{"mid-H2 2027", "2027-07-01", "2027-09-30", Quarter},
		{"late H2 2027", "2027-10-01", "2027-12-31", Quarter},
		{"early Q3 2027", "2027-07-01", "2027-07-31", Month},
		{"mid-Q3 2027", "2027-08-01", "2027-08-31", Month},
		{"late Q3 2027", "2027-09-01", "2027-09-30", Month},
		{"early December 2027", "2027-12-10", "2027-12-10", Day},
		{"mid-December 2027", "2027-12-15", "2027-12-15", Day},
		{"late Feb 2028", "2028-02-29", "2028-02-29", Day},
		{"by late 2027-02", "2027-02-28", "2027-02-28", Day},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): unexpected error %v", tt.in, err)
			continue
		}
		if !d.Start.Equal(utcDay(tt.start)) || !d.End.Equal(utcDay(tt.end)) || d.Precision != tt.precision {
			t.Errorf("ParseDate(%q) = %s..%s %v, want %s..%s %v", tt.in,
				d.Start.Format(time.DateOnly), d.End.Format(time.DateOnly), d.Precision, tt.start, tt.end, tt.precision)
		}
		if d.Text != strings.TrimSpace(tt.in) {
			t.Errorf("ParseDate(%q).Text = %q", tt.in, d.Text)
		}
	}
}

func TestParseDateNewShapesRejects(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Dec 32, 2027", "December 2027 has 31 days, not 32"},
		{"Feb 29 2027", "February 2027 has 28 days, not 29"},
		{"Dec 3000", "want a year from 1900 to 2999"},
		{"Dec 27", "want a date as YYYY-MM-DD"},
		{"Decem 2027", "want a date as YYYY-MM-DD"},
		{"Dec 31 2027 12:00", "want a date as YYYY-MM-DD"},
		{"mid 2027-06-30", "early, mid and late need a period longer than a day"},
		{"year-end Q3 2027", "want a date as YYYY-MM-DD"},
		{"end of FY27", "fiscal years and quarters differ"},
		{"Week 4", "write the calendar date it falls on"},
		{"30 days after launch", "write the calendar date it falls on"},
		{"Launch + 90 days", "write the calendar date it falls on"},
		{"T+30", "write the calendar date it falls on"},
		{"Month 3", "write the calendar date it falls on"},
		{"end of", "want a date as YYYY-MM-DD"},
		{"soon", "want a date as YYYY-MM-DD, YYYY-MM, YYYY-Qn, Qn YYYY, YYYY-Hn or YYYY, such as 2027-06-30, 2027-Q3, Dec 2027 or end of 2027"},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseDate(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestComparableNewShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"200 ms p95", "< 150 ms p95", true},
		{"200 ms p95", "250 ms at the 95th percentile", true},
		{"200 ms p95", "p95 < 150 ms", true},
		{"200ms (p95)", "150 ms P95", true},
		{"200 ms p95 latency", "150 ms p95 latency", true},
		{"400 ms", "< 200 ms p95", false},
		{"400 ms p50", "200 ms p95", false},
		{"400 ms p50", "300 ms median", true},
		{"400 ms", "300 ms mean", true}, // a value without a statistic is an average
		{"400 ms", "300 ms average", true},
		{"200 ms p95 latency", "150 ms p95", false},
		{"$1.2M ARR", "$800k ARR", true},
		{"$1.2M ARR", "$800k", false},
		{"$1.2M ARR", "$800k MRR", false},
		{"top 3", "#1", true},
		{"top 3", "2nd place", true},
		{"#1 in the App Store", "top 5 in the app store", true},
		{"top 10%", "top 5%", true},
		{"top 10%", "#1", false},
		{"top 3", "3", false},
		{"100+ stars", "40 stars", true},
		{"5 tickets or fewer", "9 tickets", true},
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
}

func TestAlign(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b       string
		value      float64 // of the aligned bare side
		comparable bool
	}{
		{"9 issues", "0", 0, true},
		{"0", "40 tickets", 0, true},
		{"12%", "18", 18, true},
		{"3pp", "5", 5, true},
		{"$5", "7", 7, true},
		{"400 ms p95", "250", 0.25, true},
		{"1 h 30 min", "45", 45 * minute, true},
		{"6 days", "2", 2 * day, true},
		{"2x", "3", 3, true},
		{"4.2/5", "4.5", 0.9, true},
		{"#3", "1", 1, true},
		{"top 3", "1.5", 1.5, false}, // not a place: left as a number
		{"5", "7", 7, true},          // two bare numbers stay numbers
		{"p95 200", "400 ms", 200 * 1e-3, false},
		{"1M", "3m", 0, false}, // a mistyped scale, not 3 metres
		{"2 B", "5", 0, false},
	}
	for _, tt := range tests {
		a, _ := Parse(tt.a)
		b, _ := Parse(tt.b)
		a2, b2 := Align(a, b)
		bare := b2
		if a.Kind == Number && b.Kind != Number {
			bare = a2
		}
		if a2.Comparable(b2) != tt.comparable {
			t.Errorf("Align(%q, %q): comparable = %v, want %v (%+v, %+v)", tt.a, tt.b, a2.Comparable(b2), tt.comparable, a2, b2)
		}
		if tt.comparable && bare.Value != tt.value {
			t.Errorf("Align(%q, %q): bare value %v, want %v", tt.a, tt.b, bare.Value, tt.value)
		}
		if a2.Text != a.Text || b2.Text != b.Text || a2.Bound != a.Bound || b2.Bound != b.Bound {
			t.Errorf("Align(%q, %q) changed a Text or Bound: %+v, %+v", tt.a, tt.b, a2, b2)
		}
	}
}

func TestMismatch(t *testing.T) {
	t.Parallel()
	tests := []struct{ a, b, want string }{
		{"400 ms", "< 200 ms p95", `Baseline "400 ms" is an average (it names no percentile) and Target "< 200 ms p95" the 95th percentile: write both as p95`},
		{"400 ms p95", "200 ms", `Baseline "400 ms p95" is the 95th percentile and Target "200 ms" an average (it names no percentile): write both as p95`},
		{"300 ms median", "200 ms p99", `Baseline "300 ms median" is the median (p50) and Target "200 ms p99" the 99th percentile: write both as p99`},
		{"300 ms p99.9", "200 ms mean", `Baseline "300 ms p99.9" is the 99.9th percentile and Target "200 ms mean" an average: write both as p99.9`},
		{"$800k", "$1.2M ARR", `Baseline "$800k" does not say what it measures and Target "$1.2M ARR" says "ARR": write "ARR" after both numbers, such as "$800k ARR"`},
		{"$800k MRR", "$1.2M", `Baseline "$800k MRR" says "MRR" and Target "$1.2M" does not say what it measures: write "MRR" after both numbers, such as "$1.2M MRR"`},
		{"$800k MRR", "$1.2M ARR", `Baseline "$800k MRR" says "MRR" and Target "$1.2M ARR" says "ARR": measure the same thing in both, in the same words`},
		{"12% of users", "18% of sessions", `Baseline "12% of users" says "of users" and Target "18% of sessions" says "of sessions": measure the same thing in both, in the same words`},
		{"40 tickets", "30 users", `Baseline "40 tickets" and Target "30 users" count different things ("tickets" vs "users"): write both in the same unit`},
		{"$5", "€5", `Baseline "$5" and Target "€5" are in different currencies (USD vs EUR): write both in the same currency`},
		{"12%", "3pp", `Baseline "12%" is a percentage and Target "3pp" in percentage points (a change, not a level): write both as percentages (the level, such as 15%) or both in percentage points`},
		{"4/5", "3/10", `Baseline "4/5" is out of 5 and Target "3/10" out of 10: write both out of the same maximum`},
		{"top 10%", "#1", `Baseline "top 10%" is a share of the ranking and Target "#1" a place in the ranking: write both as a place (#3) or both as a share (top 10%)`},
		{"12%", "3 days", `Baseline "12%" (percent) and Target "3 days" (duration) are not the same kind of quantity: write both in the same unit`},
		{"1M", "3m", `Baseline "1M" and Target "3m" are not the same kind of quantity: "1M" is a plain number but "3m" counts a unit "m" (for thousands, millions or billions write k, M or B): write both the same way`},
		{"12%", "18%", ``},
	}
	for _, tt := range tests {
		a, errA := Parse(tt.a)
		b, errB := Parse(tt.b)
		if errA != nil || errB != nil {
			t.Fatalf("Parse(%q), Parse(%q): %v, %v", tt.a, tt.b, errA, errB)
		}
		if got := Mismatch("Baseline", a, "Target", b); got != tt.want {
			t.Errorf("Mismatch(%q, %q) =\n  %s\nwant\n  %s", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestMismatchNeverContradicts pairs quantities of every kind and shape:
// each pair that is not comparable gets a message, and no message says two
// quantities of one kind are "not the same kind".
func TestMismatchNeverContradicts(t *testing.T) {
	t.Parallel()
	cells := []string{
		"7", "p95 7", "12%", "3pp", "12% of users", "$5", "€5", "$1.2M ARR", "$5/seat",
		"400 ms", "< 200 ms p95", "200 ms median", "250 ms at the 95th percentile", "3 days mean",
		"2x", "2x faster", "4.5/5", "3/10", "40 tickets", "30 users", "100+ stars",
		"top 3", "#1 in the App Store", "top 10%", "2nd place", "3m", "1M",
	}
	sameKind := regexp.MustCompile(`\((\w+)\) and .* \((\w+)\) are not the same kind`)
	for _, x := range cells {
		for _, y := range cells {
			a, _ := Parse(x)
			b, _ := Parse(y)
			a, b = Align(a, b)
			msg := Mismatch("Baseline", a, "Target", b)
			if (msg == "") != a.Comparable(b) {
				t.Errorf("Mismatch(%q, %q) = %q, but Comparable = %v", x, y, msg, a.Comparable(b))
			}
			if m := sameKind.FindStringSubmatch(msg); m != nil && m[1] == m[2] {
				t.Errorf("Mismatch(%q, %q) contradicts itself: %s", x, y, msg)
			}
			if msg != "" && (!strings.Contains(msg, fmt.Sprintf("%q", x)) || !strings.Contains(msg, fmt.Sprintf("%q", y)) || !strings.Contains(msg, ": ")) {
				t.Errorf("Mismatch(%q, %q) = %q: want both cells quoted and a fix after a colon", x, y, msg)
			}
		}
	}
}

func TestKindLowerIsBetter(t *testing.T) {
	t.Parallel()
	for k := Number; k <= Rank; k++ {
		if got := k.LowerIsBetter(); got != (k == Rank) {
			t.Errorf("%v.LowerIsBetter() = %v", k, got)
		}
	}
	if Rank.String() != "rank" {
		t.Errorf("Rank.String() = %q", Rank.String())
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // "" when no quantity
		kind Kind
	}{
		// The bullets of a real PRFAQ.
		{"100+ GitHub stars", "100 stars", Unit},
		{"10+ production deployments", "10 deployments", Unit},
		{"5+ community contributors", "5 contributors", Unit},
		{"Zero critical bugs", "0 bugs", Unit},
		{"1,000+ npm downloads", "1,000 downloads", Unit},
		{"Become default solution for iOS + AI integration", "", 0},
		{"90% reduction in time spent gathering iOS metrics", "90% reduction", Percent},

		{"$1.2M ARR by end of 2027", "$1.2M ARR", Currency},
		{"Top 3 in the App Store", "top 3", Rank},
		{"Rank #1 for 'metrics sdk'", "rank 1", Rank},
		{"Reach a 4.5/5 rating", "4.5/5 rating", Ratio},
		{"3 support calls per week", "3 calls per week", Unit},
		{"p95 latency under 200 ms", "200 ms p95", Duration},
		{"Cut checkout time to 2 min, from 6", "2 min", Duration},
		{"2x faster onboarding for new users", "2x faster onboarding", Multiplier},
		{"At least five design partners", "5 partners", Unit},
		{"NPS of 50+", "50", Number},
		{"Launch by 2027", "", 0},
		{"Launch in 2027 Q3 with 12 partners", "12 partners", Unit},
		{"Ship the 2027-06-30 release to 40 shops", "40 shops", Unit},
		{"Support 10-20 teams", "", 0},
		{"one of the top tools", "", 0},
		{"Used by one team", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		q, ok := Find(tt.in)
		if ok != (tt.want != "") || q.Text != tt.want || q.Kind != tt.kind {
			t.Errorf("Find(%q) = %q %v %v, want %q %v", tt.in, q.Text, q.Kind, ok, tt.want, tt.kind)
		}
	}
}

// TestLinear reads long inputs of the shapes that make naive scanners
// quadratic: many number groups, many words, many numbers. Each must
// finish at once; a quadratic scan of a megabyte would not.
func TestLinear(t *testing.T) {
	t.Parallel()
	const n = 1 << 20
	inputs := []string{
		"1" + strings.Repeat(" 111", n/4) + "-5",
		strings.Repeat("1 ", n/2),
		strings.Repeat("#1 ", n/3),
		strings.Repeat("top ", n/4) + "3",
		strings.Repeat("end of ", n/7) + "2027",
		strings.Repeat("a", n) + " 5",
		"1 h" + strings.Repeat(" 111", n/4) + " z",
		strings.Repeat("p95 ", n/4),
		"5 " + strings.Repeat("x ", n/2) + "or fewer",
		// Japanese and Korean, whose words touch, and German numbers.
		strings.Repeat("あ1", n/4),
		strings.Repeat("あ1漢", n/7),
		strings.Repeat("あ", n/3) + "1",
		"1" + strings.Repeat("日", n/3),
		"1" + strings.Repeat("万", n/3),
		"1 " + strings.Repeat("件以上", n/9),
		"2027年" + strings.Repeat("末", n/3),
		"2027年" + strings.Repeat("6月", n/4),
		"1" + strings.Repeat(".111", n/4) + ",5",
		strings.Repeat("1,5 ", n/4),
		strings.Repeat("Tage ", n/5) + "1.200",
		strings.Repeat("１", n/3),
	}
	for _, in := range inputs {
		start := time.Now()
		_, _ = Parse(in)
		_, _ = ParseDate(in)
		_, _ = Find(in)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("reading %d bytes starting %q took %v", len(in), in[:20], d)
		}
	}
}
