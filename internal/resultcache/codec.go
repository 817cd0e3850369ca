package resultcache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math"
	"time"
	"unsafe"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/docsum"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// formatVersion changes whenever Entry or its encoding does: a pack of
// another format is ignored. It is also part of the pack's name.
const formatVersion = 3

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
// the larger part of its time.
func encodeEntry(e Entry) []byte {
	w := &writer{b: make([]byte, 0, 512)}
	s := e.Static
	w.str(string(s.Status))
	w.int(len(s.Findings))
	for _, f := range s.Findings {
		w.finding(f)
	}
	w.int(len(s.Deadlines))
	for _, d := range s.Deadlines {
		w.str(d.Metric)
		w.int64(d.Due.Unix()) // not UnixNano: a year past 2262 overflows it
		w.int(d.Due.Nanosecond())
		w.str(d.DueText)
		w.pos(d.Pos)
		w.bool(d.Missing)
		w.str(d.Message)
	}
	w.int(len(s.Suppressions))
	for _, x := range s.Suppressions {
		w.pos(x.Pos)
		w.int(len(x.Rules))
		for _, r := range x.Rules {
			w.str(r)
		}
		w.str(x.Reason)
		w.bool(x.File)
		w.int(x.From)
		w.int(x.To)
	}
	m := e.Summary
	w.str(m.Status)
	w.str(m.Owner)
	w.str(m.Headline)
	w.int(m.Met)
	w.int(m.Missed)
	w.int(len(m.Metrics))
	for _, r := range m.Metrics {
		for _, t := range []string{r.Name, r.Key, r.Baseline, r.Target, r.By, r.Source, r.Actual, r.Current} {
			w.str(t)
		}
		w.bool(r.HasActual)
	}
	w.int(len(m.Progress))
	for _, p := range m.Progress {
		for _, t := range []string{p.Metric, p.Baseline, p.Target, p.Current, p.From, p.Remaining, p.State} {
			w.str(t)
		}
		w.float(p.Fraction)
	}
	return w.b
}

// decodeEntry reads what encodeEntry wrote; anything else is an error,
// never a panic or an allocation larger than the data.
func decodeEntry(data []byte) (Entry, error) {
	r := &reader{b: data}
	var e Entry
	s := &e.Static
	s.Status = prfaq.Status(r.str())
	s.Findings = make([]rule.Finding, r.count(8))
	for i := range s.Findings {
		s.Findings[i] = r.finding()
	}
	s.Deadlines = make([]check.Deadline, r.count(6))
	for i := range s.Deadlines {
		d := &s.Deadlines[i]
		d.Metric = r.str()
		sec := r.int64()
		d.Due = time.Unix(sec, int64(r.int())).UTC()
		d.DueText = r.str()
		d.Pos = r.pos()
		d.Missing = r.bool()
		d.Message = r.str()
	}
	if n := r.count(6); n > 0 {
		s.Suppressions = make([]prfaq.Suppression, n)
	}
	for i := range s.Suppressions {
		x := &s.Suppressions[i]
		x.Pos = r.pos()
		if n := r.count(1); n > 0 {
			x.Rules = make([]string, n)
		}
		for j := range x.Rules {
			x.Rules[j] = r.str()
		}
		x.Reason, x.File, x.From, x.To = r.str(), r.bool(), r.int(), r.int()
	}
	m := &e.Summary
	m.Status, m.Owner, m.Headline = r.str(), r.str(), r.str()
	m.Met, m.Missed = r.int(), r.int()
	if n := r.count(9); n > 0 {
		m.Metrics = make([]docsum.Row, n)
	}
	for i := range m.Metrics {
		row := &m.Metrics[i]
		for _, t := range []*string{&row.Name, &row.Key, &row.Baseline, &row.Target, &row.By, &row.Source, &row.Actual, &row.Current} {
			*t = r.str()
		}
		row.HasActual = r.bool()
	}
	if n := r.count(15); n > 0 {
		m.Progress = make([]check.Progress, n)
	}
	for i := range m.Progress {
		p := &m.Progress[i]
		for _, t := range []*string{&p.Metric, &p.Baseline, &p.Target, &p.Current, &p.From, &p.Remaining, &p.State} {
			*t = r.str()
		}
		p.Fraction = r.float()
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errTrailing
	}
	if r.err != nil {
		return Entry{}, r.err
	}
	return e, nil
}

var (
	errTruncated = errors.New("cache entry truncated")
	errTrailing  = errors.New("cache entry has trailing bytes")
)

type writer struct{ b []byte }

func (w *writer) int(n int)       { w.b = binary.AppendVarint(w.b, int64(n)) }
func (w *writer) int64(n int64)   { w.b = binary.AppendVarint(w.b, n) }
func (w *writer) float(f float64) { w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(f)) }
func (w *writer) str(s string)    { w.b = append(binary.AppendUvarint(w.b, uint64(len(s))), s...) }
func (w *writer) pos(p prfaq.Pos) {
	w.int(p.Line)
	w.int(p.Column)
}

func (w *writer) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
		return
	}
	w.b = append(w.b, 0)
}

func (w *writer) finding(f rule.Finding) {
	for _, s := range []string{f.Rule, string(f.Severity), f.File, f.Message, f.Commit, f.Ref,
		f.Section, f.Question, f.Text, f.Metric, f.Field, f.Suggestion, f.Suppression} {
		w.str(s)
	}
	w.int(f.Line)
	w.int(f.Column)
	w.bool(f.Suppressed)
}

// reader reads what writer wrote; the first error sticks and every later
// read returns a zero value.
type reader struct {
	b   []byte
	err error
}

func (r *reader) int64() int64 {
	if r.err != nil {
		return 0
	}
	n, m := binary.Varint(r.b)
	if m <= 0 {
		r.err = errTruncated
		return 0
	}
	r.b = r.b[m:]
	return n
}

func (r *reader) int() int { return int(r.int64()) }

func (r *reader) str() string {
	if r.err != nil {
		return ""
	}
	n, m := binary.Uvarint(r.b)
	if m <= 0 || n > uint64(len(r.b)-m) {
		r.err = errTruncated
		return ""
	}
	var s string
	if n > 0 {
		// The string shares the loaded pack's bytes, which nothing ever
		// writes to after they are read: a warm run decodes some 100,000
		// strings, and copying each was a third of its decoding time.
		s = unsafe.String(&r.b[m], int(n))
	}
	r.b = r.b[m+int(n):]
	return s
}

// float reads what writer.float wrote: 8 bytes, little-endian.
func (r *reader) float() float64 {
	if r.err != nil || len(r.b) < 8 {
		r.err = errTruncated
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return f
}

func (r *reader) bool() bool {
	if r.err != nil || len(r.b) == 0 {
		r.err = errTruncated
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

// count reads a length whose items take at least minBytes each, refusing
// one the remaining data cannot hold.
func (r *reader) count(minBytes int) int {
	n := r.int()
	if n < 0 || n > len(r.b)/minBytes {
		if r.err == nil {
			r.err = errTruncated
		}
		return 0
	}
	return n
}

func (r *reader) pos() prfaq.Pos { return prfaq.Pos{Line: r.int(), Column: r.int()} }

func (r *reader) finding() rule.Finding {
	var f rule.Finding
	var sev string
	for _, s := range []*string{&f.Rule, &sev, &f.File, &f.Message, &f.Commit, &f.Ref,
		&f.Section, &f.Question, &f.Text, &f.Metric, &f.Field, &f.Suggestion, &f.Suppression} {
		*s = r.str()
	}
	f.Severity = rule.Severity(sev)
	f.Line, f.Column, f.Suppressed = r.int(), r.int(), r.bool()
	return f
}
