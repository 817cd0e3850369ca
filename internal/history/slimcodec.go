package history

import (
	"encoding/binary"
	"errors"
	"slices"
	"unsafe"

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
	w := &slimWriter{b: make([]byte, 0, 256)}
	if d == nil {
		w.bool(false)
		return w.b
	}
	w.bool(true)
	fm := d.FrontMatter
	w.bool(fm.Present)
	w.pos(fm.Pos)
	w.int(fm.EndLine)
	w.str(string(fm.Status))
	w.pos(fm.StatusPos)
	w.str(fm.Owner)
	w.bool(fm.Err != nil)
	if fm.Err != nil {
		w.pos(fm.Err.Pos)
		w.str(fm.Err.Msg)
	}
	w.bool(d.Headline != nil)
	if d.Headline != nil {
		w.heading(*d.Headline)
	}
	var s *prfaq.Section
	if len(d.Sections) > 0 {
		s = d.Sections[0]
	}
	w.bool(s != nil)
	if s == nil {
		return w.b
	}
	name := ""
	if s.Spec != nil {
		name = s.Spec.Name
	}
	w.str(name)
	w.heading(s.Heading)
	w.int(s.EndLine)
	w.bool(s.Metrics != nil)
	if s.Metrics != nil {
		w.table(s.Metrics)
	}
	return w.b
}

func (w *slimWriter) table(t *prfaq.MetricsTable) {
	w.pos(t.Pos)
	w.int(len(t.Columns))
	for _, c := range t.Columns {
		w.str(c.Header)
		w.str(string(c.Field))
		w.pos(c.Pos)
	}
	w.int(len(t.Metrics))
	for _, m := range t.Metrics {
		w.str(m.Name)
		w.str(m.Key)
		w.pos(m.Pos)
		// In field order, so that equal tables encode to equal bytes.
		fields := make([]prfaq.Field, 0, len(m.Cells))
		for f := range m.Cells {
			fields = append(fields, f)
		}
		slices.Sort(fields)
		w.int(len(fields))
		for _, f := range fields {
			w.str(string(f))
			w.cell(m.Cells[f])
		}
		w.int(len(m.Extra))
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
	r := &slimReader{b: data}
	if !r.bool() {
		return nil, r.end()
	}
	d := &prfaq.Document{}
	fm := &d.FrontMatter
	fm.Present, fm.Pos, fm.EndLine = r.bool(), r.pos(), r.int()
	fm.Status, fm.StatusPos, fm.Owner = prfaq.Status(r.str()), r.pos(), r.str()
	if r.bool() {
		fm.Err = &prfaq.FrontMatterError{Pos: r.pos(), Msg: r.str()}
	}
	if r.bool() {
		h := r.heading()
		d.Headline = &h
	}
	if !r.bool() {
		return d, r.end()
	}
	s := &prfaq.Section{Spec: metricsSpec(spec, r.str())}
	if s.Spec == nil && r.err == nil {
		r.err = errSlim
	}
	s.Heading, s.EndLine = r.heading(), r.int()
	if r.bool() {
		s.Metrics = r.table()
	}
	d.Sections = []*prfaq.Section{s}
	return d, r.end()
}

func (r *slimReader) table() *prfaq.MetricsTable {
	t := &prfaq.MetricsTable{Pos: r.pos()}
	if n := r.count(3); n > 0 {
		t.Columns = make([]prfaq.Column, n)
	}
	for i := range t.Columns {
		t.Columns[i] = prfaq.Column{Header: r.str(), Field: prfaq.Field(r.str()), Pos: r.pos()}
	}
	if n := r.count(6); n > 0 {
		t.Metrics = make([]*prfaq.Metric, n)
	}
	for i := range t.Metrics {
		m := &prfaq.Metric{Name: r.str(), Key: r.str(), Pos: r.pos()}
		n := r.count(5)
		m.Cells = make(map[prfaq.Field]prfaq.Cell, n)
		for range n {
			f := prfaq.Field(r.str())
			m.Cells[f] = r.cell()
		}
		if n := r.count(4); n > 0 {
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

type slimWriter struct{ b []byte }

func (w *slimWriter) int(n int)    { w.b = binary.AppendVarint(w.b, int64(n)) }
func (w *slimWriter) str(s string) { w.b = append(binary.AppendUvarint(w.b, uint64(len(s))), s...) }
func (w *slimWriter) pos(p prfaq.Pos) {
	w.int(p.Line)
	w.int(p.Column)
}

func (w *slimWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
		return
	}
	w.b = append(w.b, 0)
}

func (w *slimWriter) heading(h prfaq.Heading) {
	w.str(h.Text)
	w.int(h.Level)
	w.pos(h.Pos)
	w.bool(h.Pseudo)
}

func (w *slimWriter) cell(c prfaq.Cell) {
	w.str(c.Header)
	w.str(c.Text)
	w.pos(c.Pos)
}

// slimReader reads what slimWriter wrote; the first error sticks and every
// later read returns a zero value.
type slimReader struct {
	b   []byte
	err error
}

func (r *slimReader) int() int {
	if r.err != nil {
		return 0
	}
	n, m := binary.Varint(r.b)
	if m <= 0 || int64(int(n)) != n {
		r.err = errSlim
		return 0
	}
	r.b = r.b[m:]
	return int(n)
}

func (r *slimReader) str() string {
	if r.err != nil {
		return ""
	}
	n, m := binary.Uvarint(r.b)
	if m <= 0 || n > uint64(len(r.b)-m) {
		r.err = errSlim
		return ""
	}
	var s string
	if n > 0 {
		// Shared, not copied: a walk decodes each version several times.
		s = unsafe.String(&r.b[m], int(n))
	}
	r.b = r.b[m+int(n):]
	return s
}

func (r *slimReader) bool() bool {
	if r.err != nil || len(r.b) == 0 || r.b[0] > 1 {
		r.err = errSlim
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *slimReader) pos() prfaq.Pos { return prfaq.Pos{Line: r.int(), Column: r.int()} }

func (r *slimReader) heading() prfaq.Heading {
	return prfaq.Heading{Text: r.str(), Level: r.int(), Pos: r.pos(), Pseudo: r.bool()}
}

func (r *slimReader) cell() prfaq.Cell {
	return prfaq.Cell{Header: r.str(), Text: r.str(), Pos: r.pos()}
}

// count reads a length whose items take at least minBytes each, refusing
// one the remaining data cannot hold.
func (r *slimReader) count(minBytes int) int {
	n := r.int()
	if n < 0 || n > len(r.b)/minBytes {
		if r.err == nil {
			r.err = errSlim
		}
		return 0
	}
	return n
}

// end is the decoding's error: a sticky one, or bytes left over.
func (r *slimReader) end() error {
	if r.err == nil && len(r.b) != 0 {
		r.err = errSlim
	}
	return r.err
}
