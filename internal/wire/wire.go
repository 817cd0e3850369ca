// Package wire is the binary encoding of the caches' entries (package
// resultcache's check results, package history's slim versions): varints,
// length-prefixed strings, strict booleans and little-endian floats, read
// back by a Reader whose first error sticks, so a damaged entry is one
// error, never a panic or an allocation larger than the data.
package wire

import (
	"encoding/binary"
	"math"
	"unsafe"
)

// Writer appends values to B.
type Writer struct{ B []byte }

func (w *Writer) Int(n int)       { w.B = binary.AppendVarint(w.B, int64(n)) }
func (w *Writer) Int64(n int64)   { w.B = binary.AppendVarint(w.B, n) }
func (w *Writer) Float(f float64) { w.B = binary.LittleEndian.AppendUint64(w.B, math.Float64bits(f)) }
func (w *Writer) Str(s string)    { w.B = append(binary.AppendUvarint(w.B, uint64(len(s))), s...) }

// Bool writes 1 or 0.
func (w *Writer) Bool(v bool) {
	if v {
		w.B = append(w.B, 1)
		return
	}
	w.B = append(w.B, 0)
}

// Reader reads what a Writer wrote. After the first value that does not
// decode, every read returns a zero value and Err returns the error given
// to NewReader.
type Reader struct {
	b         []byte
	err       error
	malformed error
}

// NewReader reads b; malformed is the error a damaged b gives.
func NewReader(b []byte, malformed error) *Reader { return &Reader{b: b, malformed: malformed} }

// Err is the first error, or nil.
func (r *Reader) Err() error { return r.err }

// End is Err, or malformed when bytes are left over.
func (r *Reader) End() error {
	if r.err == nil && len(r.b) != 0 {
		r.err = r.malformed
	}
	return r.err
}

// Fail marks the data damaged, for a value that decoded but means nothing
// (a name the reader does not know); the first error still wins.
func (r *Reader) Fail() {
	if r.err == nil {
		r.err = r.malformed
	}
}

func (r *Reader) fail() { r.err = r.malformed }

func (r *Reader) Int64() int64 {
	if r.err != nil {
		return 0
	}
	n, m := binary.Varint(r.b)
	if m <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[m:]
	return n
}

// Int is Int64, refusing a value an int cannot hold.
func (r *Reader) Int() int {
	n := r.Int64()
	if int64(int(n)) != n {
		r.fail()
		return 0
	}
	return int(n)
}

// Str returns a string that shares the data's bytes, which must never be
// written to afterwards: the caches decode some 100,000 strings a run, and
// copying each was a third of the decoding time.
func (r *Reader) Str() string {
	if r.err != nil {
		return ""
	}
	n, m := binary.Uvarint(r.b)
	if m <= 0 || n > uint64(len(r.b)-m) {
		r.fail()
		return ""
	}
	var s string
	if n > 0 {
		s = unsafe.String(&r.b[m], int(n))
	}
	r.b = r.b[m+int(n):]
	return s
}

func (r *Reader) Float() float64 {
	if r.err != nil || len(r.b) < 8 {
		r.fail()
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return f
}

// Bool reads a 0 or a 1; any other byte is damage.
func (r *Reader) Bool() bool {
	if r.err != nil || len(r.b) == 0 || r.b[0] > 1 {
		r.fail()
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

// Count reads a number of items that take at least minBytes each,
// refusing one the remaining data cannot hold, so that no caller
// allocates more than the data justifies.
func (r *Reader) Count(minBytes int) int {
	n := r.Int()
	if n < 0 || n > len(r.b)/minBytes {
		if r.err == nil {
			r.fail()
		}
		return 0
	}
	return n
}
