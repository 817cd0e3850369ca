package scorecard

import (
	"fmt"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/prfaq"
)

func TestMedian(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   []float64
		want string
	}{
		{nil, "none"},
		{[]float64{7}, "7"},
		{[]float64{30, 0, 30}, "30"},
		{[]float64{62, 92}, "77"},
		{[]float64{1, 2, 3, 10}, "2.5"},
	} {
		got := "none"
		if m := median(tc.in); m != nil {
			got = fmt.Sprint(*m)
		}
		if got != tc.want {
			t.Errorf("median(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestWindow(t *testing.T) {
	t.Parallel()
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	w := window{since: date("2026-04-01"), until: date("2026-06-30")}
	for _, tc := range []struct {
		t    string
		want bool
	}{
		{"2026-03-31T23:59:59Z", false},
		{"2026-04-01T00:00:00Z", true},
		{"2026-06-30T23:59:59Z", true}, // until is the whole day
		{"2026-07-01T00:00:00Z", false},
	} {
		if got := w.has(at(tc.t)); got != tc.want {
			t.Errorf("has(%s) = %v, want %v", tc.t, got, tc.want)
		}
	}
	if !(window{}).has(at("1999-01-01T00:00:00Z")) {
		t.Error("an open window leaves something out")
	}
}

func TestParseGrouping(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Grouping{"": None, "owner": Owner, " Quarter ": Quarter, "DIRECTORY": Directory, "status": Status} {
		if got, err := ParseGrouping(in); err != nil || got != want {
			t.Errorf("ParseGrouping(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseGrouping("team"); err == nil || err.Error() != `unknown --by "team": use owner, quarter, directory or status` {
		t.Errorf("ParseGrouping(team): %v", err)
	}
}

func TestQuarterAndSlip(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"2026-01-01": "2026-Q1", "2026-03-31": "2026-Q1", "2026-04-01": "2026-Q2", "2026-12-31": "2026-Q4"} {
		if got := quarterOf(date(in)); got != want {
			t.Errorf("quarterOf(%s) = %s, want %s", in, got, want)
		}
	}
	for _, tc := range []struct{ from, to, want string }{
		{"2026-06-30", "2026-08-31", "62"},
		{"2026-Q3", "2026-Q4", "92"},
		{"2026-08", "2026-09-30", "30"}, // a change of form counts by the end of each period
		{"2026-06-30", "TBD", "none"},   // weakened (no longer a date), but no number of days
	} {
		s := slipOf(change.Change{Field: "by", From: tc.from, To: tc.to, Effect: change.Weakened})
		got := "none"
		if s.Days != nil {
			got = fmt.Sprint(*s.Days)
		}
		if got != tc.want {
			t.Errorf("slip %s → %s: %s days, want %s", tc.from, tc.to, got, tc.want)
		}
	}
}

// TestChartBound: a metric edited more often than MaxPoints shows its
// newest MaxPoints targets.
func TestChartBound(t *testing.T) {
	t.Parallel()
	var vs []history.Version
	for i := range MaxPoints + 15 {
		m := prfaq.Metric{Name: "Users", Key: "users", Cells: map[prfaq.Field]prfaq.Cell{
			prfaq.FieldBaseline: {Text: "10"}, prfaq.FieldTarget: {Text: fmt.Sprint(100 + i)}, prfaq.FieldBy: {Text: "2030"}}}
		vs = append(vs, history.Version{Commit: fmt.Sprint(i), Date: time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.RFC3339),
			Path: "a/PRFAQ.md", Readable: true, Status: prfaq.Approved, Metrics: []prfaq.Metric{m}})
	}
	sc := Build([]history.Timeline{{File: "a/PRFAQ.md", Versions: vs}}, Options{Today: date("2027-01-01")})
	ts := sc.Initiatives[0].Metrics[0].Targets
	if len(ts) != MaxPoints || ts[0].Value != 115 || ts[len(ts)-1].Value != 174 {
		t.Errorf("%d points from %v to %v; want %d from 115 to 174", len(ts), ts[0].Value, ts[len(ts)-1].Value, MaxPoints)
	}
	if sc.Total.Committed != 1 || sc.Total.Due != 0 || sc.Initiatives[0].Metrics[0].Outcome != "pending" {
		t.Errorf("committed %d, due %d, outcome %q", sc.Total.Committed, sc.Total.Due, sc.Initiatives[0].Metrics[0].Outcome)
	}
}

// TestDeleted: a PRFAQ deleted after approval is listed as deleted with
// its last status, its metrics count as removed, and it commits to
// nothing any more.
func TestDeleted(t *testing.T) {
	t.Parallel()
	m := prfaq.Metric{Name: "Users", Key: "users", Cells: map[prfaq.Field]prfaq.Cell{
		prfaq.FieldBaseline: {Text: "10"}, prfaq.FieldTarget: {Text: "100"}, prfaq.FieldBy: {Text: "2026-06"}}}
	removed := change.Change{File: "a/PRFAQ.md", Metric: "Users", Field: change.FieldMetric, From: "Users", Effect: change.Weakened,
		Commit: "c2", Date: "2026-03-01T00:00:00Z"}
	vs := []history.Version{
		{Commit: "c1", Date: "2026-01-01T00:00:00Z", Path: "a/PRFAQ.md", Readable: true, Status: prfaq.Approved, Owner: "Ana", Metrics: []prfaq.Metric{m}},
		{Commit: "c2", Date: "2026-03-01T00:00:00Z", Path: "a/PRFAQ.md", Deleted: true, Changes: []change.Change{removed}},
	}
	sc := Build([]history.Timeline{{File: "a/PRFAQ.md", Versions: vs}}, Options{Today: date("2027-01-01")})
	in := sc.Initiatives[0]
	if !in.Deleted || in.Status != "approved" || in.Owner != "Ana" || in.Approved != "2026-01-01" {
		t.Errorf("row: %+v", in)
	}
	if c := sc.Total; c.Removed != 1 || c.Committed != 0 || c.Due != 0 || c.Approved != 1 {
		t.Errorf("removed %d, committed %d, due %d, approved %d; want 1, 0, 0, 1", c.Removed, c.Committed, c.Due, c.Approved)
	}
}
