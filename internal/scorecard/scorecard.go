package scorecard

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/internal/quantity"
	"github.com/prfaq/git-prfaq/prfaq"
)

// Grouping is what --by groups initiatives by.
type Grouping string

// The groupings; None gives the total only.
const (
	None      Grouping = ""
	Owner     Grouping = "owner"
	Quarter   Grouping = "quarter"
	Directory Grouping = "directory"
	Status    Grouping = "status"
)

// ParseGrouping reads --by.
func ParseGrouping(s string) (Grouping, error) {
	switch g := Grouping(strings.ToLower(strings.TrimSpace(s))); g {
	case None, Owner, Quarter, Directory, Status:
		return g, nil
	}
	return None, fmt.Errorf("unknown --by %q: use owner, quarter, directory or status", s)
}

// Options is what Build counts.
type Options struct {
	By Grouping
	// Since and Until bound the events counted, by commit date, and the
	// due metrics, by the end of their By period; Until (the whole day)
	// also cuts the history. Zero is unbounded.
	Since, Until time.Time
	// Today decides which metrics are due: those whose By period ended
	// before it.
	Today  time.Time
	Policy check.Policy
}

// MaxPoints bounds each chart: a metric edited more often shows its
// newest points only.
const MaxPoints = 60

// Scorecard is Build's answer; the JSON keys are part of the CLI
// (docs/scorecard.md).
type Scorecard struct {
	Today       string       `json:"today"`
	Since       string       `json:"since,omitempty"`
	Until       string       `json:"until,omitempty"`
	By          string       `json:"by,omitempty"`
	Total       Counts       `json:"total"`
	Groups      []Group      `json:"groups,omitempty"`
	Initiatives []Initiative `json:"initiatives"`
	Slips       []Slip       `json:"slips"`
	Weakenings  []Weakening  `json:"weakenings"`
}

// Group is the counts of the initiatives that share a key.
type Group struct {
	Key string `json:"key"`
	Counts
}

// Counts are the numbers of one group (or of everything).
type Counts struct {
	Initiatives int `json:"initiatives"`
	Proposed    int `json:"proposed"`
	Approved    int `json:"approved"`
	Launched    int `json:"launched"`
	Cancelled   int `json:"cancelled"`
	// Medians in days, null when nothing was measured.
	DaysToApprove *float64 `json:"median_days_proposed_to_approved"`
	DaysToLaunch  *float64 `json:"median_days_approved_to_launched"`
	DaysToCancel  *float64 `json:"median_days_proposed_to_cancelled"`

	Committed  int `json:"metrics_committed"`
	Due        int `json:"due"`
	Met        int `json:"met"`
	Missed     int `json:"missed"`
	Overdue    int `json:"overdue"`
	Unmeasured int `json:"unmeasured"`

	Slips          int      `json:"slips"`
	MedianSlipDays *float64 `json:"median_slip_days"`
	Weakened       int      `json:"targets_weakened"`
	Acknowledged   int      `json:"targets_weakened_acknowledged"`
	Unacknowledged int      `json:"targets_weakened_unacknowledged"`
	Removed        int      `json:"metrics_removed"`
}

// Initiative is one PRFAQ's row.
type Initiative struct {
	File      string `json:"file"`
	Directory string `json:"directory"`
	Headline  string `json:"headline"`
	Owner     string `json:"owner"`
	Status    string `json:"status"`
	Deleted   bool   `json:"deleted,omitempty"`
	Quarter   string `json:"quarter"`
	// The dates (YYYY-MM-DD) of the commits that reached each state, ""
	// for a state never reached.
	Proposed  string   `json:"proposed"`
	Approved  string   `json:"approved"`
	Launched  string   `json:"launched"`
	Cancelled string   `json:"cancelled"`
	Metrics   []Metric `json:"metrics"`
	Due       int      `json:"due"`
	Met       int      `json:"met"`
	Missed    int      `json:"missed"`
	Overdue   int      `json:"overdue"`
	Slips     int      `json:"slips"`
	Weakened  int      `json:"targets_weakened"`
}

// Metric is one row of an initiative's newest version, with its target
// (and actual) across commits.
type Metric struct {
	Name     string `json:"name"`
	Baseline string `json:"baseline"`
	Target   string `json:"target"`
	By       string `json:"by"`
	Actual   string `json:"actual"`
	// Outcome: met, missed, overdue, unmeasured, pending (not due), or ""
	// for a metric not committed (the initiative is not approved or
	// launched).
	Outcome string `json:"outcome"`
	Due     bool   `json:"due"`
	// Unit is the charts' axis unit; Targets and Actuals the values,
	// oldest first, where they changed and were comparable with the
	// newest Target.
	Unit    string  `json:"unit"`
	Targets []Point `json:"targets"`
	Actuals []Point `json:"actuals"`
}

// Point is a value as one commit left it.
type Point struct {
	Commit string  `json:"commit"`
	Date   string  `json:"date"`
	Value  float64 `json:"value"`
	Text   string  `json:"text"`
}

// Slip is a By date moved later after approval.
type Slip struct {
	File         string `json:"file"`
	Metric       string `json:"metric"`
	From         string `json:"from"`
	To           string `json:"to"`
	Days         *int   `json:"days"` // null when To is not a date
	Commit       string `json:"commit"`
	Date         string `json:"date"`
	Author       string `json:"author"`
	Acknowledged string `json:"acknowledged"`
}

// Weakening is a Target weakened after approval; Acknowledged is the
// reason given (the trailer's value), "" when none.
type Weakening struct {
	File           string `json:"file"`
	Metric         string `json:"metric"`
	From           string `json:"from"`
	To             string `json:"to"`
	Commit         string `json:"commit"`
	Date           string `json:"date"`
	Author         string `json:"author"`
	Acknowledged   string `json:"acknowledged"`
	AcknowledgedBy string `json:"acknowledged_by,omitempty"`
}

// Build counts the timelines under opts.
func Build(ts []history.Timeline, opts Options) Scorecard {
	sc := Scorecard{Today: day(opts.Today), Since: day(opts.Since), Until: day(opts.Until), By: string(opts.By),
		Initiatives: []Initiative{}, Slips: []Slip{}, Weakenings: []Weakening{}}
	w := window{since: opts.Since, until: opts.Until}
	total := &tally{}
	groups := map[string]*tally{}
	for _, t := range ts {
		in, ok := readInitiative(t, opts, w)
		if !ok {
			continue
		}
		sc.Initiatives = append(sc.Initiatives, in.row)
		sc.Slips = append(sc.Slips, in.slips...)
		sc.Weakenings = append(sc.Weakenings, in.weakenings...)
		total.add(in)
		if opts.By != None {
			k := groupKey(in.row, opts.By)
			if groups[k] == nil {
				groups[k] = &tally{}
			}
			groups[k].add(in)
		}
	}
	// Goalposts in the order they moved.
	slices.SortStableFunc(sc.Slips, func(a, b Slip) int { return cmp.Compare(a.Date, b.Date) })
	slices.SortStableFunc(sc.Weakenings, func(a, b Weakening) int { return cmp.Compare(a.Date, b.Date) })
	sc.Total = total.counts()
	for _, k := range sortedKeys(groups) {
		sc.Groups = append(sc.Groups, Group{Key: k, Counts: groups[k].counts()})
	}
	return sc
}

func sortedKeys(m map[string]*tally) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// groupKey is the initiative's group; "(none)" when it has no owner or
// status.
func groupKey(in Initiative, by Grouping) string {
	var k string
	switch by {
	case Owner:
		k = in.Owner
	case Quarter:
		k = in.Quarter
	case Directory:
		k = in.Directory
	case Status:
		k = in.Status
	}
	if k == "" {
		return "(none)"
	}
	return k
}

// window is the --since/--until bounds.
type window struct{ since, until time.Time }

// has reports whether t falls in the window, until counting as a whole
// day.
func (w window) has(t time.Time) bool {
	if !w.since.IsZero() && t.Before(w.since) {
		return false
	}
	return w.until.IsZero() || t.Before(w.until.AddDate(0, 0, 1))
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// initiative is one PRFAQ's row and the events counted for it.
type initiative struct {
	row                   Initiative
	proposed, approved    bool
	launched, cancelled   bool
	toApprove, toLaunch   []float64
	toCancel              []float64
	committed, unmeasured int
	slips                 []Slip
	weakenings            []Weakening
	acknowledged, removed int
}

// dated is a version with its commit time read.
type dated struct {
	history.Version
	at time.Time
}

// readInitiative reads one timeline; ok is false when none of its
// versions is in the history the window reads.
func readInitiative(t history.Timeline, opts Options, w window) (initiative, bool) {
	vs := versionsUntil(t.Versions, opts.Until)
	if len(vs) == 0 {
		return initiative{}, false
	}
	var in initiative
	newest := vs[len(vs)-1]
	in.row = Initiative{File: newest.Path, Directory: path.Dir(newest.Path), Deleted: newest.Deleted,
		Quarter: quarterOf(vs[0].at), Metrics: []Metric{}}
	last := lastReadable(vs)
	if last != nil {
		in.row.Headline, in.row.Owner, in.row.Status = last.Headline, last.Owner, string(last.Status)
	}
	in.states(vs, w)
	in.changes(vs, w)
	if last != nil {
		in.metrics(vs, last, opts, w)
	}
	return in, true
}

// versionsUntil keeps the versions committed up to until's day, with
// their dates read; a version with an unreadable date is left out.
func versionsUntil(vs []history.Version, until time.Time) []dated {
	out := make([]dated, 0, len(vs))
	w := window{until: until}
	for _, v := range vs {
		at, err := time.Parse(time.RFC3339, v.Date)
		if err != nil || !w.has(at) {
			continue
		}
		out = append(out, dated{v, at})
	}
	return out
}

func lastReadable(vs []dated) *dated {
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].Readable {
			return &vs[i]
		}
	}
	return nil
}

func quarterOf(t time.Time) string {
	return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
}

// isApproved: launching implies approval.
func isApproved(s prfaq.Status) bool { return s == prfaq.Approved || s == prfaq.Launched }

// states finds the commits that reached each state and counts those in
// the window, with the time between them.
func (in *initiative) states(vs []dated, w window) {
	proposed := vs[0].at
	in.row.Proposed = day(proposed)
	in.proposed = w.has(proposed)
	first := func(ok func(prfaq.Status) bool) (time.Time, bool) {
		for _, v := range vs {
			if v.Readable && ok(v.Status) {
				return v.at, true
			}
		}
		return time.Time{}, false
	}
	approved, ok := first(isApproved)
	if ok {
		in.row.Approved = day(approved)
		if in.approved = w.has(approved); in.approved {
			in.toApprove = append(in.toApprove, days(proposed, approved))
		}
	}
	if launched, ok2 := first(func(s prfaq.Status) bool { return s == prfaq.Launched }); ok2 {
		in.row.Launched = day(launched)
		if in.launched = w.has(launched); in.launched && ok {
			in.toLaunch = append(in.toLaunch, days(approved, launched))
		}
	}
	if cancelled, ok3 := first(func(s prfaq.Status) bool { return s == prfaq.Cancelled }); ok3 {
		in.row.Cancelled = day(cancelled)
		if in.cancelled = w.has(cancelled); in.cancelled {
			in.toCancel = append(in.toCancel, days(proposed, cancelled))
		}
	}
}

// days between two commits, by calendar date in UTC.
func days(from, to time.Time) float64 {
	a := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	b := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	return float64((b.Unix() - a.Unix()) / 86400)
}

// changes counts the slips, weakened targets and removed metrics made
// after approval, in the window.
func (in *initiative) changes(vs []dated, w window) {
	everApproved := false
	for _, v := range vs {
		after := everApproved && !v.Status.IsDraft()
		if v.Readable && isApproved(v.Status) {
			everApproved = true
		}
		if !after || !w.has(v.at) {
			continue
		}
		for _, c := range v.Changes {
			if c.Effect != change.Weakened {
				continue
			}
			switch c.Field {
			case string(prfaq.FieldBy):
				in.slips = append(in.slips, slipOf(c))
			case string(prfaq.FieldTarget):
				in.weakenings = append(in.weakenings, Weakening{File: c.File, Metric: c.Metric, From: c.From, To: c.To,
					Commit: c.Commit, Date: c.Date, Author: c.Author, Acknowledged: c.Acknowledged, AcknowledgedBy: c.AcknowledgedBy})
				if c.Acknowledged != "" {
					in.acknowledged++
				}
			case change.FieldMetric:
				in.removed++
			}
		}
	}
	in.row.Slips, in.row.Weakened = len(in.slips), len(in.weakenings)
}

// slipOf is a weakened By change; its days are between the ends of the
// two periods when both are dates.
func slipOf(c change.Change) Slip {
	s := Slip{File: c.File, Metric: c.Metric, From: c.From, To: c.To, Commit: c.Commit, Date: c.Date,
		Author: c.Author, Acknowledged: c.Acknowledged}
	from, err1 := quantity.ParseDate(c.From)
	to, err2 := quantity.ParseDate(c.To)
	if err1 == nil && err2 == nil {
		d := int((to.End.Unix() - from.End.Unix()) / 86400)
		s.Days = &d
	}
	return s
}

// metrics reads the newest version's metrics: their outcomes when the
// initiative is approved or launched, and their charts.
func (in *initiative) metrics(vs []dated, last *dated, opts Options, w window) {
	// A deleted PRFAQ commits to nothing any more: its metrics were
	// removed, and counted so when that happened after approval.
	committed := isApproved(last.Status) && !vs[len(vs)-1].Deleted
	for i := range last.Metrics {
		m := &last.Metrics[i]
		row := Metric{Name: m.Name, Baseline: cell(m, prfaq.FieldBaseline), Target: cell(m, prfaq.FieldTarget),
			By: cell(m, prfaq.FieldBy), Actual: cell(m, prfaq.FieldActual)}
		row.Unit, row.Targets, row.Actuals = series(vs, m)
		if committed {
			in.committed++
			row.Outcome, row.Due = outcome(m, opts, w)
			in.count(row)
		}
		in.row.Metrics = append(in.row.Metrics, row)
	}
}

func (in *initiative) count(m Metric) {
	if !m.Due {
		return
	}
	in.row.Due++
	switch m.Outcome {
	case "met":
		in.row.Met++
	case "missed":
		in.row.Missed++
	case "overdue":
		in.row.Overdue++
	case "unmeasured":
		in.unmeasured++
	}
}

func cell(m *prfaq.Metric, f prfaq.Field) string {
	c, _ := m.Get(f)
	return c.Text
}

// outcome says what became of a committed metric: met or missed
// (check.Outcome, whether or not it is due yet), else overdue or
// unmeasured when due, pending when not. It is due when its By period
// ended before today and that end is in the window.
func outcome(m *prfaq.Metric, opts Options, w window) (string, bool) {
	due := false
	if by, err := quantity.ParseDate(cell(m, prfaq.FieldBy)); err == nil && !opts.Today.IsZero() {
		due = by.End.Before(opts.Today) && w.has(by.End)
	}
	if o := check.Outcome(m, opts.Policy); o != "" {
		return o, due
	}
	switch {
	case !due:
		return "pending", false
	case strings.TrimSpace(cell(m, prfaq.FieldActual)) == "":
		return "overdue", true
	}
	return "unmeasured", true
}

// series is the metric's Target, and Actual, at each version where it
// changed, as numbers in the unit of the newest Target. A metric whose
// newest Target is not a quantity has no chart.
func series(vs []dated, m *prfaq.Metric) (string, []Point, []Point) {
	target, err := quantity.Parse(cell(m, prfaq.FieldTarget))
	if err != nil {
		return "", []Point{}, []Point{}
	}
	unit, scale := quantity.AxisUnit(target)
	read := func(text string) (float64, bool) {
		q, err := quantity.Parse(text)
		if err != nil {
			return 0, false
		}
		if q, _ = quantity.Align(q, target); !q.Comparable(target) {
			return 0, false
		}
		return q.Value / scale, true
	}
	var targets, actuals []Point
	var lastTarget, lastActual string
	for _, v := range vs {
		vm := metricByKey(v.Metrics, m.Key)
		if vm == nil {
			continue
		}
		p := Point{Commit: v.Commit, Date: day(v.at)}
		if t := cell(vm, prfaq.FieldTarget); prfaq.FoldSpace(t) != lastTarget {
			lastTarget = prfaq.FoldSpace(t)
			if val, ok := read(t); ok {
				p.Value, p.Text = val, t
				targets = append(targets, p)
			}
		}
		if a := cell(vm, prfaq.FieldActual); prfaq.FoldSpace(a) != lastActual {
			lastActual = prfaq.FoldSpace(a)
			if val, ok := read(a); ok {
				p.Value, p.Text = val, a
				actuals = append(actuals, p)
			}
		}
	}
	return unit, newest(targets), newest(actuals)
}

func newest(ps []Point) []Point {
	if ps == nil {
		return []Point{}
	}
	return ps[max(len(ps)-MaxPoints, 0):]
}

func metricByKey(ms []prfaq.Metric, key string) *prfaq.Metric {
	for i := range ms {
		if ms[i].Key == key {
			return &ms[i]
		}
	}
	return nil
}

// tally adds initiatives up; counts turns it into Counts.
type tally struct {
	c                             Counts
	toApprove, toLaunch, toCancel []float64
	slipDays                      []float64
}

func (t *tally) add(in initiative) {
	t.c.Initiatives++
	t.c.Proposed += b2i(in.proposed)
	t.c.Approved += b2i(in.approved)
	t.c.Launched += b2i(in.launched)
	t.c.Cancelled += b2i(in.cancelled)
	t.toApprove = append(t.toApprove, in.toApprove...)
	t.toLaunch = append(t.toLaunch, in.toLaunch...)
	t.toCancel = append(t.toCancel, in.toCancel...)
	t.c.Committed += in.committed
	t.c.Due += in.row.Due
	t.c.Met += in.row.Met
	t.c.Missed += in.row.Missed
	t.c.Overdue += in.row.Overdue
	t.c.Unmeasured += in.unmeasured
	t.c.Slips += len(in.slips)
	for _, s := range in.slips {
		if s.Days != nil {
			t.slipDays = append(t.slipDays, float64(*s.Days))
		}
	}
	t.c.Weakened += len(in.weakenings)
	t.c.Acknowledged += in.acknowledged
	t.c.Unacknowledged += len(in.weakenings) - in.acknowledged
	t.c.Removed += in.removed
}

func (t *tally) counts() Counts {
	c := t.c
	c.DaysToApprove, c.DaysToLaunch, c.DaysToCancel = median(t.toApprove), median(t.toLaunch), median(t.toCancel)
	c.MedianSlipDays = median(t.slipDays)
	return c
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// median is nil for no values.
func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.SortFunc(s, cmp.Compare[float64])
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return &m
}
