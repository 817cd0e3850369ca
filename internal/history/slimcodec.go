package history

import (
	"errors"
	"slices"

	"github.com/prfaq/git-prfaq/internal/wire"
	"github.com/prfaq/git-prfaq/prfaq"
)

// A slim version (see slim) is held, and kept in the result cache, encoded:
// varints and length-prefixed strings, some 300 bytes for a table of four
// metrics, where the parsed form, a map per metric, takes ten times that.
// A walk over 10,000 PRFAQs holds every version until its changes are
// judged; decoding one again costs a few microseconds (README,
// "Performance"; docs/performance.md).
//
// slimFormat names this encoding in the cache's key: change it whenever
// the encoding or what slim keeps does.
const slimFormat = "history-slim/1"

// CacheKind is the kind of result-cache pack (resultcache.OpenKind) that
// holds slim versions for Log, Timelines and DiffPairs.
const CacheKind = slimFormat

// encodeSlim writes a slim version; nil (no document, or one that cannot
// be read) is one byte.
func encodeSlim(d *prfaq.Document) []byte {
	w := &slimWriter{wire.Writer{B: make([]byte, 0, 256)}}
	if d == nil {
		w.Bool(false)
		return w.B
	}
	w.Bool(true)
	fm := d.FrontMatter
	w.Bool(fm.Present)
	w.pos(fm.Pos)
	w.Int(fm.EndLine)
	w.Str(string(fm.Status))
	w.pos(fm.StatusPos)
	w.Str(fm.Owner)
	w.Bool(fm.Err != nil)
	if fm.Err != nil {
		w.pos(fm.Err.Pos)
		w.Str(fm.Err.Msg)
	}
	w.Bool(d.Headline != nil)
	if d.Headline != nil {
		w.heading(*d.Headline)
	}
	var s *prfaq.Section
	if len(d.Sections) > 0 {
		s = d.Sections[0]
	}
	w.Bool(s != nil)
	if s == nil {
		return w.B
	}
	name := ""
	if s.Spec != nil {
		name = s.Spec.Name
	}
	w.Str(name)
	w.heading(s.Heading)
	w.Int(s.EndLine)
	w.Bool(s.Metrics != nil)
	if s.Metrics != nil {
		w.table(s.Metrics)
	}
	return w.B
}

func (w *slimWriter) table(t *prfaq.MetricsTable) {
	w.pos(t.Pos)
	w.Int(len(t.Columns))
	for _, c := range t.Columns {
		w.Str(c.Header)
		w.Str(string(c.Field))
		w.pos(c.Pos)
	}
	w.Int(len(t.Metrics))
	for _, m := range t.Metrics {
		w.Str(m.Name)
		w.Str(m.Key)
		w.pos(m.Pos)
		// In field order, so that equal tables encode to equal bytes.
		fields := make([]prfaq.Field, 0, len(m.Cells))
		for f := range m.Cells {
			fields = append(fields, f)
		}
		slices.Sort(fields)
		w.Int(len(fields))
		for _, f := range fields {
			w.Str(string(f))
			w.cell(m.Cells[f])
		}
		w.Int(len(m.Extra))
		for _, c := range m.Extra {
			w.cell(c)
		}
	}
}

// errSlim is any encoded version that does not decode: a cache entry of
// another format, or damaged; the version is then read from git.
var errSlim = errors.New("malformed slim version")

// decodeSlim reads what encodeSlim wrote. The metrics section's spec is
// looked up by name in spec; a name it lacks (another configuration) is an
// error. Strings share data, which must never change afterwards. It
// never panics or allocates more than data can describe.
func decodeSlim(data []byte, spec *prfaq.Spec) (*prfaq.Document, error) {
	d, err := decodeSlimDoc(data, spec)
	if err != nil {
		return nil, err
	}
	return d, nil
}

func decodeSlimDoc(data []byte, spec *prfaq.Spec) (*prfaq.Document, error) {
	r := &slimReader{wire.NewReader(data, errSlim)}
	if !r.Bool() {
		return nil, r.End()
	}
	d := &prfaq.Document{}
	fm := &d.FrontMatter
	fm.Present, fm.Pos, fm.EndLine = r.Bool(), r.pos(), r.Int()
	fm.Status, fm.StatusPos, fm.Owner = prfaq.Status(r.Str()), r.pos(), r.Str()
	if r.Bool() {
		fm.Err = &prfaq.FrontMatterError{Pos: r.pos(), Msg: r.Str()}
	}
	if r.Bool() {
		h := r.heading()
		d.Headline = &h
	}
	if !r.Bool() {
		return d, r.End()
	}
	s := &prfaq.Section{Spec: metricsSpec(spec, r.Str())}
	if s.Spec == nil {
		r.Fail() // another configuration's section name
	}
	s.Heading, s.EndLine = r.heading(), r.Int()
	if r.Bool() {
		s.Metrics = r.table()
	}
	d.Sections = []*prfaq.Section{s}
	return d, r.End()
}

func (r *slimReader) table() *prfaq.MetricsTable {
	t := &prfaq.MetricsTable{Pos: r.pos()}
	if n := r.Count(3); n > 0 {
		t.Columns = make([]prfaq.Column, n)
	}
	for i := range t.Columns {
		t.Columns[i] = prfaq.Column{Header: r.Str(), Field: prfaq.Field(r.Str()), Pos: r.pos()}
	}
	if n := r.Count(6); n > 0 {
		t.Metrics = make([]*prfaq.Metric, n)
	}
	for i := range t.Metrics {
		m := &prfaq.Metric{Name: r.Str(), Key: r.Str(), Pos: r.pos()}
		n := r.Count(5)
		m.Cells = make(map[prfaq.Field]prfaq.Cell, n)
		for range n {
			f := prfaq.Field(r.Str())
			m.Cells[f] = r.cell()
		}
		if n := r.Count(4); n > 0 {
			m.Extra = make([]prfaq.Cell, n)
		}
		for j := range m.Extra {
			m.Extra[j] = r.cell()
		}
		t.Metrics[i] = m
	}
	return t
}

// metricsSpec is the metrics section of spec called name; nil if none.
func metricsSpec(spec *prfaq.Spec, name string) *prfaq.SectionSpec {
	for i := range spec.Sections {
		if s := &spec.Sections[i]; s.Name == name && s.Kind == prfaq.KindMetrics {
			return s
		}
	}
	return nil
}

type slimWriter struct{ wire.Writer }

func (w *slimWriter) pos(p prfaq.Pos) {
	w.Int(p.Line)
	w.Int(p.Column)
}

func (w *slimWriter) heading(h prfaq.Heading) {
	w.Str(h.Text)
	w.Int(h.Level)
	w.pos(h.Pos)
	w.Bool(h.Pseudo)
}

func (w *slimWriter) cell(c prfaq.Cell) {
	w.Str(c.Header)
	w.Str(c.Text)
	w.pos(c.Pos)
}

// slimReader reads what slimWriter wrote (package wire: the first error
// sticks).
type slimReader struct{ *wire.Reader }

func (r *slimReader) pos() prfaq.Pos { return prfaq.Pos{Line: r.Int(), Column: r.Int()} }

func (r *slimReader) heading() prfaq.Heading {
	return prfaq.Heading{Text: r.Str(), Level: r.Int(), Pos: r.pos(), Pseudo: r.Bool()}
}

func (r *slimReader) cell() prfaq.Cell {
	return prfaq.Cell{Header: r.Str(), Text: r.Str(), Pos: r.pos()}
}
