package resultcache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/docsum"
	"github.com/prfaq/git-prfaq/internal/wire"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// formatVersion changes whenever Entry or its encoding does: a pack of
// another format is ignored. It is also part of the pack's name.
const formatVersion = 4

// packName is the pack of one configuration, tool version and kind of
// entry: its key is sha256(config fingerprint ‖ tool version ‖ format
// version [‖ kind]), and an entry's key within it is the blob id. The
// check's own entries have kind "" (and keep the name they had before
// kinds).
func packName(configFingerprint, toolVersion, kind string) string {
	h := sha256.New()
	parts := []string{configFingerprint, toolVersion, string(rune('0' + formatVersion))}
	if kind != "" {
		parts = append(parts, kind)
	}
	for _, part := range parts {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32] + ".pack"
}

// encodeEntry writes an entry as varints and length-prefixed strings: a
// warm run decodes 10,000 of them, which encoding/json or gob would make
// the larger part of its time. What a counts-only lookup (GetCounts, for
// list) reads comes first, so that it stops there:
//
//	summary:  status, owner, headline, met, missed, number of metric rows, progress
//	counts:   status; per finding its rule, severity and line; deadlines; suppressions
//	the rest: the metric rows; per finding its other fields
func encodeEntry(e Entry) []byte {
	w := &writer{wire.Writer{B: make([]byte, 0, 512)}}
	m := e.Summary
	w.Str(m.Status)
	w.Str(m.Owner)
	w.Str(m.Headline)
	w.Int(m.Met)
	w.Int(m.Missed)
	w.Int(len(m.Metrics))
	w.Int(len(m.Progress))
	for _, p := range m.Progress {
		for _, t := range []string{p.Metric, p.Baseline, p.Target, p.Current, p.From, p.Remaining, p.State} {
			w.Str(t)
		}
		w.Float(p.Fraction)
	}
	s := e.Static
	w.Str(string(s.Status))
	w.Int(len(s.Findings))
	for _, f := range s.Findings {
		w.Str(f.Rule)
		w.Str(string(f.Severity))
		w.Int(f.Line)
	}
	w.Int(len(s.Deadlines))
	for _, d := range s.Deadlines {
		w.Str(d.Metric)
		w.Int64(d.Due.Unix()) // not UnixNano: a year past 2262 overflows it
		w.Int(d.Due.Nanosecond())
		w.Str(d.DueText)
		w.pos(d.Pos)
		w.Bool(d.Missing)
		w.Str(d.Message)
	}
	w.Int(len(s.Suppressions))
	for _, x := range s.Suppressions {
		w.pos(x.Pos)
		w.Int(len(x.Rules))
		for _, r := range x.Rules {
			w.Str(r)
		}
		w.Str(x.Reason)
		w.Bool(x.File)
		w.Int(x.From)
		w.Int(x.To)
	}
	for _, r := range m.Metrics {
		for _, t := range []string{r.Name, r.Key, r.Baseline, r.Target, r.By, r.Source, r.Actual, r.Current} {
			w.Str(t)
		}
		w.Bool(r.HasActual)
	}
	for _, f := range s.Findings {
		w.findingRest(f)
	}
	return w.B
}

// decodeEntry reads what encodeEntry wrote; anything else is an error,
// never a panic or an allocation larger than the data.
func decodeEntry(data []byte) (Entry, error) {
	r := newReader(data)
	var e Entry
	if rows := r.head(&e); rows > 0 {
		e.Summary.Metrics = make([]docsum.Row, rows)
	}
	for i := range e.Summary.Metrics {
		row := &e.Summary.Metrics[i]
		for _, t := range []*string{&row.Name, &row.Key, &row.Baseline, &row.Target, &row.By, &row.Source, &row.Actual, &row.Current} {
			*t = r.Str()
		}
		row.HasActual = r.Bool()
	}
	for i := range e.Static.Findings {
		r.findingRest(&e.Static.Findings[i])
	}
	if err := r.End(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// decodeCounts reads the part of an entry a counts-only lookup needs
// (GetCounts) and stops: the metric rows and the findings' other fields
// are not read, so a damaged byte there goes unnoticed here (the pack's
// checksum was checked when it loaded).
func decodeCounts(data []byte) (Entry, error) {
	r := newReader(data)
	var e Entry
	r.head(&e)
	if err := r.Err(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// head reads the summary but its metric rows (their number is
// MetricCount, and returned) and the counts: the findings with their
// rule, severity and line only.
func (r *reader) head(e *Entry) (rows int) {
	m := &e.Summary
	m.Status, m.Owner, m.Headline = r.Str(), r.Str(), r.Str()
	m.Met, m.Missed = r.Int(), r.Int()
	rows = r.Count(9)
	m.MetricCount = rows
	if n := r.Count(15); n > 0 {
		m.Progress = make([]check.Progress, n)
	}
	for i := range m.Progress {
		p := &m.Progress[i]
		for _, t := range []*string{&p.Metric, &p.Baseline, &p.Target, &p.Current, &p.From, &p.Remaining, &p.State} {
			*t = r.Str()
		}
		p.Fraction = r.Float()
	}
	s := &e.Static
	s.Status = prfaq.Status(r.Str())
	s.Findings = make([]rule.Finding, r.Count(3))
	for i := range s.Findings {
		f := &s.Findings[i]
		f.Rule = r.Str()
		f.Severity = rule.Severity(r.Str())
		f.Line = r.Int()
	}
	s.Deadlines = make([]check.Deadline, r.Count(6))
	for i := range s.Deadlines {
		d := &s.Deadlines[i]
		d.Metric = r.Str()
		sec := r.Int64()
		d.Due = time.Unix(sec, int64(r.Int())).UTC()
		d.DueText = r.Str()
		d.Pos = r.pos()
		d.Missing = r.Bool()
		d.Message = r.Str()
	}
	if n := r.Count(6); n > 0 {
		s.Suppressions = make([]prfaq.Suppression, n)
	}
	for i := range s.Suppressions {
		x := &s.Suppressions[i]
		x.Pos = r.pos()
		if n := r.Count(1); n > 0 {
			x.Rules = make([]string, n)
		}
		for j := range x.Rules {
			x.Rules[j] = r.Str()
		}
		x.Reason, x.File, x.From, x.To = r.Str(), r.Bool(), r.Int(), r.Int()
	}
	return rows
}

// errMalformed is any entry that does not decode: damaged, or of another
// format; it is then checked again.
var errMalformed = errors.New("malformed cache entry")

type writer struct{ wire.Writer }

func (w *writer) pos(p prfaq.Pos) {
	w.Int(p.Line)
	w.Int(p.Column)
}

// findingRest writes a finding's fields but its rule, severity and line,
// which come first with the counts.
func (w *writer) findingRest(f rule.Finding) {
	for _, s := range []string{f.File, f.Message, f.Commit, f.Ref,
		f.Section, f.Question, f.Text, f.Metric, f.Field, f.Suggestion, f.Suppression} {
		w.Str(s)
	}
	w.Int(f.Column)
	w.Bool(f.Suppressed)
}

// reader reads what writer wrote (package wire: the first error sticks).
type reader struct{ *wire.Reader }

func newReader(data []byte) *reader { return &reader{wire.NewReader(data, errMalformed)} }

func (r *reader) pos() prfaq.Pos { return prfaq.Pos{Line: r.Int(), Column: r.Int()} }

func (r *reader) findingRest(f *rule.Finding) {
	for _, s := range []*string{&f.File, &f.Message, &f.Commit, &f.Ref,
		&f.Section, &f.Question, &f.Text, &f.Metric, &f.Field, &f.Suggestion, &f.Suppression} {
		*s = r.Str()
	}
	f.Column, f.Suppressed = r.Int(), r.Bool()
}
