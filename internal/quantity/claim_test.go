package quantity

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// claimWant is what a test expects of one claim: its kind, direction,
// text as quoted and subject, and its numbers written as text.
type claimWant struct {
	kind    ClaimKind
	dir     Direction
	text    string
	subject string
	nums    string // Amount; Factor; From→To; To
}

func numsOf(c Claim) string {
	switch c.Kind {
	case Change:
		return c.Amount.Text
	case Factor:
		return FormatNumber(c.Factor)
	case FromTo:
		return c.From.Text + "→" + c.To.Text
	}
	return c.To.Text
}

func TestClaims(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want []claimWant
	}{
		// The examples.
		{"50% improvement in qualified lead conversion for telecommunications companies",
			[]claimWant{{Change, Better, "50% improvement in qualified lead conversion", "qualified lead conversion", "50%"}}},
		{"Example Corp helps shops cut month-end close from 6 days to 1",
			[]claimWant{{FromTo, Down, "cut month-end close from 6 days to 1", "month-end close", "6 days→1"}}},
		{"Builds are 2x faster", []claimWant{{Factor, Better, "2x faster", "Builds", "2"}}},
		// Verbs before "by", nouns and comparatives after.
		{"FakeCo Launches PR-FAQ Validator, Reducing Document Review Time by 75%",
			[]claimWant{{Change, Down, "Reducing Document Review Time by 75%", "Document Review Time", "75%"}}},
		{"It cuts the time to first response by up to 40%.",
			[]claimWant{{Change, Down, "cuts the time to first response by up to 40%", "time to first response", "40%"}}},
		{"Teams see 75% fewer revision cycles and 80% higher approval rates.", []claimWant{
			{Change, Down, "75% fewer revision cycles", "revision cycles", "75%"},
			{Change, Up, "80% higher approval rates", "approval rates", "80%"}}},
		{"Conversion up 20% and errors down 30%", []claimWant{
			{Change, Up, "up 20%", "Conversion", "20%"}, {Change, Down, "down 30%", "errors", "30%"}}},
		{"reduces p95 latency by 200 ms", []claimWant{{Change, Down, "reduces p95 latency by 200 ms", "p95 latency", "200 ms"}}},
		{"raises conversion by 5pp", []claimWant{{Change, Up, "raises conversion by 5pp", "conversion", "5pp"}}},
		// Factors.
		{"with 3 times more coverage", []claimWant{{Factor, Up, "3 times more coverage", "coverage", "3"}}},
		{"It doubles throughput and halves the time to first byte.", []claimWant{
			{Factor, Up, "doubles throughput", "throughput", "2"}, {Factor, Down, "halves the time", "time", "2"}}},
		{"improves render speed 3x", []claimWant{{Factor, Better, "improves render speed 3x", "render speed", "3"}}},
		// From … to, and a change restated as from … to: one claim.
		{"grew from 1,200 users to 5,000 users", []claimWant{{FromTo, Up, "grew from 1,200 users to 5,000 users", "", "1,200 users→5,000 users"}}},
		{"conversion rises from 10% to 15%", []claimWant{{FromTo, Up, "rises from 10% to 15%", "conversion", "10%→15%"}}},
		{"reduce document review cycles by 75%, from 12 hours to 3 hours.", []claimWant{
			{FromTo, Down, "reduce document review cycles by 75%, from 12 hours to 3 hours", "document review cycles", "12 hours→3 hours"}}},
		// A level after a change verb.
		{"Ledger cuts close time to one day for 500 shops in 12 countries.",
			[]claimWant{{Level, Down, "cuts close time to one day", "close time", "1 day"}}},
		{"Foo 3.0 improves accuracy to 99.5% and lowers p99 latency to under 100 ms.", []claimWant{
			{Level, Better, "improves accuracy to 99.5%", "accuracy", "99.5%"},
			{Level, Down, "lowers p99 latency to under 100 ms", "p99 latency", "100 ms"}}},
		{"Lower your bill by 20%.", []claimWant{{Change, Down, "Lower your bill by 20%", "bill", "20%"}}},
		{"Acme cuts onboarding from two weeks to two days.", []claimWant{
			{FromTo, Down, "cuts onboarding from two weeks to two days", "onboarding", "2 weeks→2 days"}}},
		{"launches Service 1 to speed up payouts for freight carriers by 50%", []claimWant{
			{Change, Better, "speed up payouts for freight carriers by 50%", "payouts for freight carriers", "50%"}}},
		// A percentage right after a verb and its object, without "by".
		{"In 2025 revenue grew 40% and we boost conversion 20% for 95% of users.", []claimWant{
			{Change, Up, "grew 40%", "revenue", "40%"}, {Change, Up, "boost conversion 20%", "conversion", "20%"}}},
		{"It improves accuracy for 95% of users and cuts errors in 40% of cases.", nil},
		{"Individual results: 45-90% reduction, median 75%. An increase, 20% of it.", nil},
		// Claims never overlap: the verb inside the first is not the
		// second's, which restates it.
		{"50% reduction in cut times from 6 days to 1", []claimWant{
			{FromTo, Down, "50% reduction in cut times from 6 days to 1", "cut times", "6 days→1"}}},
		{"doubles throughput, and cuts costs from $5 to $3", []claimWant{
			{Factor, Up, "doubles throughput", "throughput", "2"},
			{FromTo, Down, "cuts costs from $5 to $3", "costs", "$5→$3"}}},
		// Not claims.
		{"In Q3 2026 the team grew to 25 engineers and expands to 3 new regions.", nil},
		{"With Foo, teams ship 10 times a day and save up to 40% on storage.", nil},
		{"Support is available 24/7 for $20 a month, version 2.2.0, since 2019.", nil},
		{"Call 555-1234 today. Top 10 in the App Store. Our 3rd release, July 2026.", nil},
		{"SEATTLE, March 2027 — Example Corp today announced Ledger for shops with fewer than twenty staff.", nil},
		{"helped 50+ product teams in 12 countries; 90% of users are in Europe", nil},
		{"\"We cut costs by 40%,\" said Jane. “Our close went from 6 days to 1.”", nil},
		{"LZ4: 2-3x faster compression; 20-50% of their time", nil},
		{"from 2020 to 2025, from 1 to 5", nil},
		{"a 1.5x multiplier, doubling down, double tap to edit", nil},
		{"build time roughly triples, because libgit2 is linked", nil},
		{"rated 4.5/5 by 1,200 reviewers, #1 in the App Store", nil},
	} {
		got := Claims(tc.text)
		if len(got) != len(tc.want) {
			t.Errorf("Claims(%q) = %d claims %+v, want %d", tc.text, len(got), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if g.Kind != w.kind || g.Dir != w.dir || g.Text != w.text || g.Subject != w.subject || numsOf(g) != w.nums {
				t.Errorf("Claims(%q)[%d] = kind %d dir %d %q subject %q nums %q; want kind %d dir %d %q subject %q nums %q",
					tc.text, i, g.Kind, g.Dir, g.Text, g.Subject, numsOf(g), w.kind, w.dir, w.text, w.subject, w.nums)
			}
			if !strings.Contains(strings.Join(strings.Fields(tc.text[g.Start:g.End]), " "), strings.Fields(g.Text)[0]) {
				t.Errorf("Claims(%q)[%d]: offsets %d..%d do not hold %q", tc.text, i, g.Start, g.End, g.Text)
			}
		}
	}
}

func q(t *testing.T, s string) Quantity {
	t.Helper()
	v, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return v
}

func TestClaimBackedBy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		claim            string
		baseline, target string // "" baseline: none yet
		want             bool
	}{
		// A relative change, within 5% of the claimed figure.
		{"50% improvement in conversion", "10%", "15%", true},
		{"50% improvement in conversion", "10%", "15.2%", true},
		{"50% improvement in conversion", "10%", "14%", false},
		{"50% improvement in close time", "6 days", "3 days", true},
		{"50% faster close", "6 days", "4 days", true}, // 6/4 − 1
		{"reduce review time by 75%", "12 hours", "3 hours", true},
		{"reduce review time by 75%", "3 hours", "12 hours", false}, // the wrong way
		{"increase conversion by 5%", "10%", "15%", true},           // read as points
		{"raises conversion by 5pp", "10%", "15%", true},
		{"raises conversion by 5pp", "10 users", "15 users", false},
		{"reduces p95 latency by 200 ms", "500 ms", "300 ms", true},
		{"reduces p95 latency by 200 ms", "500 ms", "350 ms", false},
		// A factor.
		{"2x faster builds", "10 min", "5 min", true},
		{"2x faster builds", "10 min", "6 min", false},
		{"3 times more coverage", "20%", "60%", true},
		{"3 times more coverage", "60%", "20%", false},
		{"2x faster builds", "1x", "2x", true},
		// From … to: both ends.
		{"cut month-end close from 6 days to 1", "6 days", "1 day", true},
		{"cut month-end close from 6 days to 1", "5 days", "1 day", false},
		{"cut month-end close from 6 days to 1", "144 hours", "24 hours", true},
		{"reduce cycles by 75%, from 12 hours to 3 hours", "10 hours", "2.5 hours", true}, // the 75% backs it
		// A level: the target alone, with or without a baseline.
		{"cuts close time to one day", "", "1 day", true},
		{"cuts close time to one day", "5 days", "2 days", false},
		// Nothing to compare: no baseline, or other kinds.
		{"50% improvement in conversion", "", "15%", false},
		{"50% improvement in conversion", "10 users", "15 tickets", false},
	} {
		cs := Claims(tc.claim)
		if len(cs) != 1 {
			t.Fatalf("Claims(%q) = %+v, want one claim", tc.claim, cs)
		}
		var base Quantity
		if tc.baseline != "" {
			base = q(t, tc.baseline)
		}
		target := q(t, tc.target)
		if tc.baseline != "" {
			base, target = Align(base, target)
		}
		if got := cs[0].BackedBy(base, target, tc.baseline == ""); got != tc.want {
			t.Errorf("%q backed by %q → %q = %v, want %v", tc.claim, tc.baseline, tc.target, got, tc.want)
		}
	}
}

func TestFormat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		value float64
		like  string
		want  string
	}{
		{172800, "6 days", "2 days"}, {86400, "6 days", "1 day"}, {5400, "6 days", "1.5 hours"},
		{30, "1 min", "30 s"}, {5, "10%", "5%"}, {2, "3pp", "2pp"}, {1200, "$3M", "1200 USD"},
		{12, "40 tickets", "12 tickets"}, {1.5, "2x", "1.5x"}, {0.9, "4.5/5", "4.5/5"}, {1.3333333, "7", "1.333"},
	} {
		if got := Format(tc.value, q(t, tc.like)); got != tc.want {
			t.Errorf("Format(%v, %q) = %q, want %q", tc.value, tc.like, got, tc.want)
		}
	}
}

// FuzzClaims: any text gives claims whose offsets lie inside it, in order,
// with text quoted from it, and finite numbers; never a panic.
func FuzzClaims(f *testing.F) {
	for _, s := range []string{
		"50% improvement in qualified lead conversion", "cut close from 6 days to 1", "2x faster",
		"reduce review time by 75%, from 12 hours to 3 hours.", "“We cut costs by 40%,” she said",
		"doubles throughput", "up 20%", "from 45 to 85 points", "24/7 for $20", "by 2027", "", "from", "by 50",
		"**Reducing** time by **75%**", "3 times more", "to 1 day", "from 1 to \"2 days\"",
		"50% reduction in cut times from 6 days to 1", "doubles throughput from 5x to 10x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, c := range Claims(s) {
			if c.Start < prev || c.End < c.Start || c.End > len(s) {
				t.Fatalf("Claims(%q): offsets %d..%d overlap the claim before (ending at %d) or leave the text", s, c.Start, c.End, prev)
			}
			prev = c.End
			if c.Text == "" || c.Kind < Change || c.Kind > Level {
				t.Fatalf("Claims(%q): claim %+v has no text or kind", s, c)
			}
			if utf8.ValidString(s) && !utf8.ValidString(c.Text) {
				t.Fatalf("Claims(%q): text %q is not UTF-8", s, c.Text)
			}
		}
	})
}
