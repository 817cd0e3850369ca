package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/docsum"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/rule"
)

// benchResults are n documents as list sees them at 10,000 PRFAQs in an
// mkrepo repository: most fail or warn, a few are launched, every tenth
// shows progress, one in a thousand cannot be read.
func benchResults(n int) []scan.Result {
	statuses := []string{"draft", "review", "approved", "launched", "cancelled"}
	results := make([]scan.Result, n)
	for i := range results {
		path := fmt.Sprintf("services/svc%03d/PRFAQ.md", i+1)
		if i%1000 == 999 {
			results[i] = scan.Result{Path: path, Err: fmt.Errorf("%s:3: front matter: bad \x07 value", path)}
			continue
		}
		s := &docsum.Summary{Status: statuses[i%len(statuses)], Owner: fmt.Sprintf("Team %d <team%d@example.com>", i%41, i%41),
			Headline: fmt.Sprintf("Example Corp launches Service %03d", i+1), MetricCount: 2 + i%3, Met: i % 2}
		if i%10 == 0 {
			s.Progress = []check.Progress{{Metric: "Payout time", Baseline: "5 days", Target: "2 days", Current: "3 days", From: "actual",
				Fraction: 2.0 / 3, Remaining: "1 day", State: "on the way"}}
		}
		var fs []rule.Finding
		for j := range i % 4 {
			fs = append(fs, rule.Finding{Rule: rule.Placeholder, Severity: []rule.Severity{rule.Error, rule.Warning}[(i+j)%2]})
		}
		results[i] = scan.Result{Path: path, Summary: s, Findings: fs}
	}
	return results
}

func BenchmarkListEntries(b *testing.B) {
	results := benchResults(10_000)
	for b.Loop() {
		ListEntries(results)
	}
}

func BenchmarkListText(b *testing.B) {
	entries := ListEntries(benchResults(10_000))
	b.ReportAllocs()
	for b.Loop() {
		if err := ListText(io.Discard, entries); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkListJSON(b *testing.B) {
	entries := ListEntries(benchResults(10_000))
	b.ReportAllocs()
	for b.Loop() {
		if err := ListJSON(io.Discard, entries); err != nil {
			b.Fatal(err)
		}
	}
}
