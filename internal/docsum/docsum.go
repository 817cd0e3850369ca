// Package docsum reduces a parsed PRFAQ to what `git prfaq list` shows and
// what the result cache keeps of it: its status, owner and headline, and
// its metric rows as written. A Summary is a few hundred bytes where the
// parsed document is tens of kilobytes, so commands that read every PRFAQ
// keep summaries, never documents (README: Performance).
package docsum

import (
	"strings"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Summary is one document reduced for list.
type Summary struct {
	Status   string // as written
	Owner    string
	Headline string
	Metrics  []Row
	// MetricCount is the number of metric rows: len(Metrics), or the
	// number alone in a summary read back without its rows (a cached
	// result looked up for list, resultcache.Cache.GetCounts).
	MetricCount int
	// Met and Missed count the metrics whose Actual reached, or did not
	// reach, the Target (check.Outcome).
	Met, Missed int
	// Progress is where each measurable metric with an Actual or Current
	// value stands between its Baseline and Target (check.DocumentProgress):
	// the gap list shows.
	Progress []check.Progress
}

// Row is one metric row's cells as written; "" for a column the table
// does not have. Current is an extra column headed "Current", when there
// is one.
type Row struct {
	Name, Key                    string
	Baseline, Target, By, Source string
	Actual, Current              string
	HasActual                    bool
}

// Of summarises doc; policy decides which metrics were met.
func Of(doc *prfaq.Document, policy check.Policy) Summary {
	s := Summary{Status: string(doc.FrontMatter.Status), Owner: doc.FrontMatter.Owner, Progress: check.DocumentProgress(doc, policy)}
	if doc.Headline != nil {
		s.Headline = doc.Headline.Text
	}
	for _, sec := range doc.Sections {
		if sec.Kind() != prfaq.KindMetrics || sec.Metrics == nil {
			continue
		}
		for _, m := range sec.Metrics.Metrics {
			row := rowOf(m)
			s.Metrics = append(s.Metrics, row)
			if strings.TrimSpace(row.Actual) == "" {
				continue // no result to judge (Outcome says ""), and cheaply so
			}
			switch check.Outcome(m, policy) {
			case "met":
				s.Met++
			case "missed":
				s.Missed++
			}
		}
	}
	s.MetricCount = len(s.Metrics)
	return s
}

func rowOf(m *prfaq.Metric) Row {
	text := func(f prfaq.Field) string {
		c, _ := m.Get(f)
		return c.Text
	}
	r := Row{Name: m.Name, Key: m.Key, Baseline: text(prfaq.FieldBaseline), Target: text(prfaq.FieldTarget),
		By: text(prfaq.FieldBy), Source: text(prfaq.FieldSource), Actual: text(prfaq.FieldActual)}
	_, r.HasActual = m.Get(prfaq.FieldActual)
	for _, c := range m.Extra {
		if strings.EqualFold(strings.TrimSpace(c.Header), "current") {
			r.Current = c.Text
			break
		}
	}
	return r
}
