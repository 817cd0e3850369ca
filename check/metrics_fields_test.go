package check

import (
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// metricsPart is the good document from its metrics heading on.
func metricsPart(t *testing.T) string {
	t.Helper()
	src := goodDoc(t)
	return src[strings.Index(src, "## Success Metrics"):]
}

// withMetrics is the good document with its metrics section replaced.
func withMetrics(t *testing.T, section string) string {
	t.Helper()
	return strings.Replace(goodDoc(t), metricsPart(t), section, 1)
}

// TestMetricFindingFields: every metric finding says what it is about:
// the metrics section for metrics-missing, the metric and the field of
// its row (or the missing column) for the others.
func TestMetricFindingFields(t *testing.T) {
	t.Parallel()
	type want struct {
		rule, section, metric, field string
		line                         int
	}
	header := "## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n"
	tests := []struct {
		name    string
		section string // replaces the metrics section
		want    []want
	}{
		{"no table", "## Success Metrics\n\nWe will see.\n",
			[]want{{rule.MetricsMissing, "Success Metrics", "", "", 54}}},
		{"no rows", header,
			[]want{{rule.MetricsMissing, "Success Metrics", "", "", 56}}},
		{"bad cells", header + "| Churn | 6% | lower | soon |  |\n",
			[]want{
				{rule.MetricsMissing, "Success Metrics", "", "", 56},
				{rule.MetricUnmeasurable, "", "Churn", "target", 58},
				{rule.MetricUnmeasurable, "", "Churn", "by", 58},
				{rule.MetricUnmeasurable, "", "Churn", "source", 58},
			}},
		{"no name", header + "|  | 6% | 3% | 2027 | CRM |\n",
			[]want{{rule.MetricsMissing, "Success Metrics", "", "", 56}, {rule.MetricUnmeasurable, "", "", "metric", 58}}},
		{"baseline kinds", header + "| Churn | 6 days | 3% | 2027 | CRM |\n",
			[]want{{rule.MetricsMissing, "Success Metrics", "", "", 56}, {rule.MetricUnmeasurable, "", "Churn", "target", 58}}},
		{"missing columns, one finding each", "## Success Metrics\n\n| Metric | Target |\n|---|---|\n| Churn | 3% |\n",
			[]want{
				{rule.MetricUnmeasurable, "", "", "baseline", 56},
				{rule.MetricUnmeasurable, "", "", "by", 56},
				{rule.MetricUnmeasurable, "", "", "source", 56},
			}},
		{"overdue", header + "| Churn | 6% | 3% | 2026-01-31 | CRM |\n",
			[]want{{rule.MetricOverdue, "", "Churn", "actual", 58}}},
		{"overdue, unreadable actual", "## Success Metrics\n\n| Metric | Baseline | Target | By | Source | Actual |\n|---|---|---|---|---|---|\n| Churn | 6% | 3% | 2026-01-31 | CRM | lots |\n",
			[]want{{rule.MetricOverdue, "", "Churn", "actual", 58}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := metricFindings(run(t, withMetrics(t, tt.section), nil))
			var got []want
			for _, f := range fs {
				got = append(got, want{f.Rule, f.Section, f.Metric, f.Field, f.Line})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v\nwant %+v\nfindings %+v", got, tt.want, fs)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("finding %d: got %+v, want %+v (%s)", i, got[i], tt.want[i], fs[i].Message)
				}
			}
		})
	}
}

// TestMetricsSectionMissingNamesConfiguredSection: the message and the
// Section field use the configured name and column headers.
func TestMetricsSectionMissingNamesConfiguredSection(t *testing.T) {
	t.Parallel()
	cfg, err := config.Parse(".prfaq.toml", []byte(`
[[sections]]
name = "Zusammenfassung"
kind = "prose"
[[sections]]
name = "Erfolgskennzahlen"
kind = "metrics"
[metrics.columns]
metric = ["Kennzahl"]
baseline = ["Ausgangswert"]
target = ["Ziel"]
by = ["Bis"]
source = ["Quelle"]
`))
	if err != nil {
		t.Fatal(err)
	}
	fs := run(t, "# Acme bringt X\n\n## Zusammenfassung\n\nEin kurzer guter Text.\n", cfg)
	want := "no success metrics: add a ## Erfolgskennzahlen section with a table | Kennzahl | Ausgangswert | Ziel | Bis | Quelle |"
	for _, f := range fs {
		if f.Rule == rule.MetricsMissing {
			if f.Message != want || f.Section != "Erfolgskennzahlen" {
				t.Errorf("got %q (section %q), want %q (section Erfolgskennzahlen)", f.Message, f.Section, want)
			}
			return
		}
	}
	t.Errorf("no %s finding: %+v", rule.MetricsMissing, fs)
}

// TestMetricsTemplateCells: a cell that is only template text is the
// placeholder rule's; the metric rules say nothing more about it, and a
// table of template rows is not also "not measurable".
func TestMetricsTemplateCells(t *testing.T) {
	t.Parallel()
	header := "## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n"
	templateRow := "| <Metric name> | <12%> | <18%> | <YYYY-MM-DD> | <Where the number is read from> |\n"
	tests := []struct {
		name    string
		section string
		want    []string // rule and field of each metric finding
	}{
		{"fresh template row", header + templateRow, nil},
		{"TBD cells", header + "| Churn | TBD | TBD | TBD | TBD |\n", nil},
		{"template row beside a real one", header + templateRow + "| Churn | 6% | 3% | 2027 | CRM |\n", nil},
		{"one template cell", header + "| Churn | 6% | <3%> | 2027 | CRM |\n", nil},
		{"template cell and a real problem", header + "| Churn | 6% | <3%> | soon | CRM |\n", []string{"metrics-missing ", "metric-unmeasurable by"}},
		{"template actual, overdue", "## Success Metrics\n\n| Metric | Baseline | Target | By | Source | Actual |\n|---|---|---|---|---|---|\n| Churn | 6% | 3% | 2026-01 | CRM | <Result> |\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := run(t, withMetrics(t, tt.section), nil)
			var got []string
			for _, f := range metricFindings(fs) {
				got = append(got, f.Rule+" "+f.Field)
			}
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("metric findings %q, want %q: %+v", got, tt.want, fs)
			}
			if !has(fs, rule.Placeholder, "") {
				t.Errorf("no placeholder finding: %+v", fs)
			}
		})
	}
}

// TestFreshTemplateHasNoMetricFinding: `git prfaq new` gives placeholder
// findings for the metrics row and no metric-* finding at all.
func TestFreshTemplateHasNoMetricFinding(t *testing.T) {
	t.Parallel()
	fs := run(t, string(prfaq.Template("Acme launches X", "Jane")), nil)
	if m := metricFindings(fs); len(m) != 0 {
		t.Errorf("metric findings on a fresh template: %+v", m)
	}
}
