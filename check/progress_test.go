package check

import (
	"fmt"
	"math"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

func TestMetricProgress(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		header, row string
		want        string // "" for none: metric | from | fraction | remaining | state
	}{
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Close | 6 days | 1 day | 2027-06-30 | Survey | 3 days |",
			"Close | actual | 0.6 | 2 days | on the way"},
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Conversion | 10% | 15% | 2027-06-30 | CRM | 15% |",
			"Conversion | actual | 1 |  | met"},
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Conversion | 10% | 15% | 2027-06-30 | CRM | 16% |",
			"Conversion | actual | 1.2 |  | past target"},
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Conversion | 10% | 15% | 2027-06-30 | CRM | 8% |",
			"Conversion | actual | -0.4 | 7% | moved away"},
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Conversion | 10% | 15% | 2027-06-30 | CRM | 10 |",
			"Conversion | actual | 0 | 5% | not moved"}, // a bare number takes the Target's unit
		{"| Metric | Baseline | Current | Target | By | Source |", "| Shops | 0 shops | 300 shops | 1,200 shops | 2027-Q4 | Billing |",
			"Shops | current | 0.25 | 900 shops | on the way"},
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Shops | new | 1,200 shops | 2027-Q4 | Billing | 400 shops |",
			"Shops | actual | 0.3333 | 800 shops | on the way"},
		// No current value, or one that cannot be compared: nothing.
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Close | 6 days | 1 day | 2027-06-30 | Survey | |", ""},
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Close | 6 days | 1 day | 2027-06-30 | Survey | soon |", ""},
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Close | 6 days | 1 day | 2027-06-30 | Survey | 40% |", ""},
		{"| Metric | Current | Target | By | Source |", "| Close | 6 days | 1 day | 2027-06-30 | Survey |", ""}, // Current alone is the Baseline
		{"| Metric | Baseline | Target | By | Source | Actual |", "| Close | 6 days | TBD | 2027-06-30 | Survey | 3 days |", ""},
	} {
		src := "# Acme launches X\n\n## Success Metrics\n\n" + tc.header + "\n|---|---|---|---|---|---|\n" + tc.row + "\n"
		doc, err := prfaq.Parse([]byte(src), config.Default().Spec())
		if err != nil {
			t.Fatal(err)
		}
		ps := DocumentProgress(doc, PolicyOf(config.Default()))
		got := ""
		if len(ps) == 1 {
			p := ps[0]
			got = fmt.Sprintf("%s | %s | %v | %s | %s", p.Metric, p.From, math.Round(p.Fraction*10000)/10000, p.Remaining, p.State)
		} else if len(ps) > 1 {
			got = fmt.Sprint(ps)
		}
		if got != tc.want {
			t.Errorf("%s\n%s\n= %q, want %q", tc.header, tc.row, got, tc.want)
		}
	}
}
