package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
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
	lead := "success metrics are a bullet list, which cannot be measured (a metric needs a baseline, a target, a date and a source): rewrite them as a table with one row per metric"
	head := " and fill in each ?:\n| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n"
	tests := []struct {
		name    string
		bullets []prfaq.Bullet
		want    string
	}{
		{"the real list: five rows and the count of the rest", bullets(8), lead + head +
			"| 100+ GitHub stars | ? | 100 stars | ? | ? |\n" +
			"| 10+ production deployments | ? | 10 deployments | ? | ? |\n" +
			"| 5+ community contributors | ? | 5 contributors | ? | ? |\n" +
			"| Zero critical bugs | ? | 0 bugs | ? | ? |\n" +
			"| 1,000+ npm downloads | ? | 1,000 downloads | ? | ? |\n" +
			"… and 3 more"},
		{"six rows are all shown", bullets(6), lead + head +
			"| 100+ GitHub stars | ? | 100 stars | ? | ? |\n" +
			"| 10+ production deployments | ? | 10 deployments | ? | ? |\n" +
			"| 5+ community contributors | ? | 5 contributors | ? | ? |\n" +
			"| Zero critical bugs | ? | 0 bugs | ? | ? |\n" +
			"| 1,000+ npm downloads | ? | 1,000 downloads | ? | ? |\n" +
			"| 50+ GitHub issues (engagement) | ? | 50 issues | ? | ? |"},
		{"no quantity, a percentage", []prfaq.Bullet{{Text: appstoreBullets[6].text}, {Text: appstoreBullets[7].text}}, lead + head +
			"| Become default solution for iOS + AI integration | ? | ? | ? | ? |\n" +
			"| 90% reduction in time spent gathering iOS metrics | ? | 90% reduction | ? | ? |"},
		{"pipes and line breaks stay inside the cell", []prfaq.Bullet{{Text: "Latency | p95\nunder 200 ms"}}, lead + head +
			`| Latency \| p95 under 200 ms | ? | 200 ms p95 | ? | ? |`},
		{"no items read: the header alone", nil, lead + ", | Metric | Baseline | Target | By | Source |"},
	}
	for _, tt := range tests {
		if got := c.proposeTable(tt.bullets); got != tt.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.name, got, tt.want)
		}
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
	for _, want := range []string{
		"success metrics are a bullet list",
		"| Metric | Baseline | Target | By | Source |",
		"| 100+ GitHub stars | ? | 100 stars | ? | ? |",
		"| Zero critical bugs | ? | 0 bugs | ? | ? |",
		"… and 3 more",
	} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message lacks %q:\n%s", want, f.Message)
		}
	}
	if f.Rule != MetricsMissing || f.Section != "Success Metrics" || f.Line != 57 || f.Metric != "" || f.Field != "" {
		t.Errorf("want %s about section Success Metrics at the list (line 57), got %+v", MetricsMissing, f)
	}
	if rows := strings.Count(f.Message, "\n| "); rows != 1+maxProposedRows {
		t.Errorf("want the header and %d rows, got %d lines starting with |:\n%s", maxProposedRows, rows, f.Message)
	}
}
