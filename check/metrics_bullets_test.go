package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// appstoreBullets are the success metrics of a real PRFAQ (appstore-mcp),
// written as bullets under bold group labels.
var appstoreBullets = []struct{ group, text string }{
	{"Launch Success (Week 1)", "100+ GitHub stars"},
	{"Launch Success (Week 1)", "10+ production deployments"},
	{"Launch Success (Week 1)", "5+ community contributors"},
	{"Launch Success (Week 1)", "Zero critical bugs"},
	{"Growth Success (Month 1)", "1,000+ npm downloads"},
	{"Growth Success (Month 1)", "50+ GitHub issues (engagement)"},
	{"Long-term Success (Year 1)", "Become default solution for iOS + AI integration"},
	{"Long-term Success (Year 1)", "90% reduction in time spent gathering iOS metrics"},
}

func bullets(n int) []prfaq.Bullet {
	var bs []prfaq.Bullet
	for i, b := range appstoreBullets[:n] {
		bs = append(bs, prfaq.Bullet{Text: b.text, Group: b.group, Pos: prfaq.Pos{Line: 10 + i, Column: 1}})
	}
	return bs
}

func TestProposeTable(t *testing.T) {
	t.Parallel()
	c := &checker{Checker: New(config.Default())}
	head := "| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n"
	tests := []struct {
		name    string
		bullets []prfaq.Bullet
		want    string
	}{
		{"the real list: a row per bullet", bullets(8), head +
			"| 100+ GitHub stars | ? | 100 stars | ? | ? |\n" +
			"| 10+ production deployments | ? | 10 deployments | ? | ? |\n" +
			"| 5+ community contributors | ? | 5 contributors | ? | ? |\n" +
			"| Zero critical bugs | ? | 0 bugs | ? | ? |\n" +
			"| 1,000+ npm downloads | ? | 1,000 downloads | ? | ? |\n" +
			"| 50+ GitHub issues (engagement) | ? | 50 issues | ? | ? |\n" +
			"| Become default solution for iOS + AI integration | ? | ? | ? | ? |\n" +
			"| 90% reduction in time spent gathering iOS metrics | ? | 90% reduction | ? | ? |"},
		{"pipes and line breaks stay inside the cell", []prfaq.Bullet{{Text: "Latency | p95\nunder 200 ms"}}, head +
			`| Latency \| p95 under 200 ms | ? | 200 ms p95 | ? | ? |`},
	}
	for _, tt := range tests {
		if got := c.proposeTable(tt.bullets); got != tt.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
	many := make([]prfaq.Bullet, maxProposedRows+3)
	for i := range many {
		many[i].Text = fmt.Sprintf("%d users", i+1)
	}
	if got := c.proposeTable(many); !strings.HasSuffix(got, "\n… and 3 more") || strings.Count(got, "\n| ") != maxProposedRows {
		t.Errorf("a long list: want %d rows and the count of the rest, got\n%s", maxProposedRows, got)
	}
}

// TestMetricsBulletListFinding: a metrics section written as a bullet list
// gives one metrics-missing at the list, about the metrics section, with
// the table pre-filled from the bullets.
func TestMetricsBulletListFinding(t *testing.T) {
	t.Parallel()
	var list strings.Builder
	group := ""
	for _, b := range appstoreBullets {
		if b.group != group {
			fmt.Fprintf(&list, "\n**%s**:\n", b.group)
			group = b.group
		}
		fmt.Fprintf(&list, "- %s\n", b.text)
	}
	src := withMetrics(t, "## Success Metrics\n"+list.String())
	fs := metricFindings(run(t, src, nil))
	if len(fs) != 1 {
		t.Fatalf("want one metric finding, got %+v", fs)
	}
	f := fs[0]
	for _, want := range []string{"success metrics are a bullet list", "| Metric | Baseline | Target | By | Source |", "8 bullets"} {
		if !strings.Contains(f.Message, want) || strings.Contains(f.Message, "\n") {
			t.Errorf("message lacks %q or is not one line:\n%s", want, f.Message)
		}
	}
	for _, want := range []string{"| 100+ GitHub stars | ? | 100 stars | ? | ? |", "| Zero critical bugs | ? | 0 bugs | ? | ? |"} {
		if !strings.Contains(f.Suggestion, want) {
			t.Errorf("suggestion lacks %q:\n%s", want, f.Suggestion)
		}
	}
	if f.Rule != rule.MetricsMissing || f.Section != "Success Metrics" || f.Line != 57 || f.Metric != "" || f.Field != "" {
		t.Errorf("want %s about section Success Metrics at the list (line 57), got %+v", rule.MetricsMissing, f)
	}
	if rows := strings.Count(f.Suggestion, "\n| "); rows != len(appstoreBullets) {
		t.Errorf("want a row per bullet, got %d:\n%s", rows, f.Suggestion)
	}
}
