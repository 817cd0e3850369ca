package resultcache

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/docsum"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// counted is what a counts-only lookup of e gives: the summary without
// its metric rows, and of each finding its rule, severity and line.
func counted(e Entry) Entry {
	e.Summary.Metrics = nil
	fs := make([]rule.Finding, len(e.Static.Findings))
	for i, f := range e.Static.Findings {
		fs[i] = rule.Finding{Rule: f.Rule, Severity: f.Severity, Line: f.Line}
	}
	e.Static.Findings = fs
	if e.Static.Deadlines == nil {
		e.Static.Deadlines = []check.Deadline{}
	}
	return e
}

// unsuppressed is e as check.Checker.Static makes it: no finding is
// suppressed before Finish (sample's is, to test the codec).
func unsuppressed(e Entry) Entry {
	fs := make([]rule.Finding, len(e.Static.Findings))
	for i, f := range e.Static.Findings {
		f.Suppressed, f.Suppression = false, ""
		fs[i] = f
	}
	e.Static.Findings = fs
	return e
}

// suppressed is an entry whose suppressions judge its findings: one
// covers a placeholder, one a metric-overdue finding that exists only
// once the metric is due (before that, it suppresses nothing: a finding
// of its own), one is file-wide, and one names no rule.
func suppressed() Entry {
	e := unsuppressed(sample(2))
	e.Static.Findings = append(e.Static.Findings,
		rule.Finding{Rule: rule.Placeholder, Severity: rule.Error, File: "a/PRFAQ.md", Line: 10, Column: 1, Message: "TBD", Text: "TBD"},
		rule.Finding{Rule: rule.Placeholder, Severity: rule.Warning, File: "a/PRFAQ.md", Line: 30, Column: 4, Message: "TODO"},
		rule.Finding{Rule: rule.FAQUnanswered, Severity: rule.Warning, File: "a/PRFAQ.md", Line: 20, Column: 1, Message: "no answer", Question: "Why?"},
	)
	e.Static.Suppressions = []prfaq.Suppression{
		{Pos: prfaq.Pos{Line: 9, Column: 1}, Rules: []string{rule.Placeholder}, Reason: "launch day", From: 10, To: 10},
		{Pos: prfaq.Pos{Line: 40, Column: 1}, Rules: []string{rule.MetricOverdue}, Reason: "measured in May", From: 41, To: 41},
		{Pos: prfaq.Pos{Line: 2, Column: 1}, Rules: []string{rule.FAQUnanswered}, Reason: "an example", File: true, From: 1, To: 200},
		{Pos: prfaq.Pos{Line: 5, Column: 1}, Reason: "no rule"},
	}
	return e
}

// TestGetCounts: a counts-only lookup of an entry gives its summary (with
// the number of metric rows, without the rows) and its findings' rule,
// severity and line; finished for counts on any day, it counts the
// errors, warnings and suppressed findings a full lookup finished in full
// does, metric-overdue and the suppressions included.
func TestGetCounts(t *testing.T) {
	t.Parallel()
	entries := map[string]Entry{"empty": {}, "every field": unsuppressed(sample(1)), "suppressions": suppressed()}
	many := unsuppressed(sample(3))
	for i := range 300 {
		many.Static.Findings = append(many.Static.Findings, rule.Finding{Rule: rule.Placeholder, Severity: rule.Warning,
			Line: i + 1, Column: 2, Message: fmt.Sprintf("placeholder %d", i)})
		many.Summary.Metrics = append(many.Summary.Metrics, docsum.Row{Name: fmt.Sprint("m", i), Target: "1"})
	}
	many.Summary.MetricCount = len(many.Summary.Metrics)
	entries["300 findings and rows"] = many

	dir := t.TempDir()
	c := Open(dir, "cfg", "v1")
	for name, e := range entries {
		c.Put(name, e)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	checker := check.New(config.Default())
	days := []time.Time{{}, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)}
	for name, e := range entries {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := Open(dir, "cfg", "v1")
			full, ok := c.Get(name)
			if !ok {
				t.Fatal("Get missed")
			}
			counts, ok := c.GetCounts(name)
			if !ok {
				t.Fatal("GetCounts missed")
			}
			if want := counted(full); !reflect.DeepEqual(counts, want) {
				t.Fatalf("GetCounts:\n got %#v\nwant %#v", counts, want)
			}
			if counts.Summary.MetricCount != len(e.Summary.Metrics) {
				t.Errorf("MetricCount = %d, want %d", counts.Summary.MetricCount, len(e.Summary.Metrics))
			}
			for _, today := range days {
				want := checker.Finish("a/PRFAQ.md", full.Static, today)
				got := checker.FinishCounts("a/PRFAQ.md", counts.Static, today)
				we, ww := rule.Count(want)
				ge, gw := rule.Count(got)
				if ge != we || gw != ww || rule.CountSuppressed(got) != rule.CountSuppressed(want) || len(got) != len(want) {
					t.Errorf("on %s: counts-only %d errors, %d warnings, %d suppressed of %d; full %d, %d, %d of %d", today.Format(time.DateOnly),
						ge, gw, rule.CountSuppressed(got), len(got), we, ww, rule.CountSuppressed(want), len(want))
				}
			}
		})
	}
	if _, ok := c.GetCounts("never put"); ok {
		t.Error("GetCounts of a blob never put hit")
	}
	if _, ok := OpenKind(dir, "cfg", "v1", "slim/1").GetCounts("empty"); ok {
		t.Error("GetCounts read a pack of another kind")
	}
	var none *Cache
	if _, ok := none.GetCounts("empty"); ok {
		t.Error("a nil cache hit")
	}
}

// TestSuppressedOnEveryDay: the entry TestGetCounts finishes does give
// metric-overdue and suppression-invalid findings that come and go with
// the date, so that the comparison there means something.
func TestSuppressedOnEveryDay(t *testing.T) {
	t.Parallel()
	checker := check.New(config.Default())
	for _, tt := range []struct {
		day                         time.Time
		overdue, invalid, suppressd int
	}{
		{time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), 1, 2, 2},   // Churn's only: the overdue comment suppresses nothing
		{time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), 2, 1, 3}, // Latency is due too, on the suppressed line 41
	} {
		fs := checker.Finish("a/PRFAQ.md", suppressed().Static, tt.day)
		overdue, invalid := 0, 0
		for _, f := range fs {
			switch f.Rule {
			case rule.MetricOverdue:
				overdue++
			case rule.SuppressionInvalid:
				invalid++
			}
		}
		if overdue != tt.overdue || invalid != tt.invalid || rule.CountSuppressed(fs) != tt.suppressd {
			t.Errorf("on %s: %d metric-overdue, %d suppression-invalid, %d suppressed; want %d, %d, %d:\n%+v", tt.day.Format(time.DateOnly),
				overdue, invalid, rule.CountSuppressed(fs), tt.overdue, tt.invalid, tt.suppressd, fs)
		}
	}
}

// FuzzDecodeCounts: a counts-only decode never panics nor allocates more
// than the data holds, and of an entry that decodes in full it gives what
// the full decode gives, counted.
func FuzzDecodeCounts(f *testing.F) {
	f.Add(encodeEntry(sample(1)))
	f.Add(encodeEntry(suppressed()))
	f.Add(encodeEntry(Entry{}))
	f.Add([]byte{0x7f, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		counts, err := decodeCounts(data)
		full, fullErr := decodeEntry(data)
		if fullErr != nil {
			return
		}
		if err != nil {
			t.Fatalf("decodeEntry reads what decodeCounts refuses: %v", err)
		}
		if want := counted(full); !reflect.DeepEqual(counts, want) {
			t.Fatalf("decodeCounts:\n got %#v\nwant %#v", counts, want)
		}
	})
}
