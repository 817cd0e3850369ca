package wire

import (
	"errors"
	"math"
	"testing"
)

var errBad = errors.New("bad")

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	var w Writer
	w.Int(-42)
	w.Int64(math.MaxInt64)
	w.Str("")
	w.Str("héllo")
	w.Bool(true)
	w.Bool(false)
	w.Float(0.125)
	w.Int(2)
	w.Str("a")
	w.Str("b")
	r := NewReader(w.B, errBad)
	if got := r.Int(); got != -42 {
		t.Errorf("Int = %d, want -42", got)
	}
	if got := r.Int64(); got != math.MaxInt64 {
		t.Errorf("Int64 = %d", got)
	}
	if a, b := r.Str(), r.Str(); a != "" || b != "héllo" {
		t.Errorf("Str = %q, %q", a, b)
	}
	if a, b := r.Bool(), r.Bool(); !a || b {
		t.Errorf("Bool = %v, %v, want true, false", a, b)
	}
	if got := r.Float(); got != 0.125 {
		t.Errorf("Float = %v", got)
	}
	if n := r.Count(2); n != 2 || r.Str() != "a" || r.Str() != "b" {
		t.Errorf("Count = %d and its items did not follow", n)
	}
	if err := r.End(); err != nil {
		t.Errorf("End = %v, want nil", err)
	}
}

func TestDamage(t *testing.T) {
	t.Parallel()
	str := func(s string) []byte { var w Writer; w.Str(s); return w.B }
	for _, tt := range []struct {
		name string
		data []byte
		read func(r *Reader)
	}{
		{"empty int", nil, func(r *Reader) { r.Int() }},
		{"string longer than the data", str("abcdef")[:3], func(r *Reader) { r.Str() }},
		{"a bool that is neither 0 nor 1", []byte{2}, func(r *Reader) { r.Bool() }},
		{"a float cut short", []byte{1, 2, 3}, func(r *Reader) { r.Float() }},
		{"a count the data cannot hold", func() []byte { var w Writer; w.Int(1000); return w.B }(), func(r *Reader) { r.Count(1) }},
		{"a negative count", func() []byte { var w Writer; w.Int(-1); return w.B }(), func(r *Reader) { r.Count(1) }},
		{"bytes left over", append(str("x"), 0), func(r *Reader) { r.Str() }},
		{"a value that means nothing", str("x"), func(r *Reader) { r.Str(); r.Fail() }},
	} {
		r := NewReader(tt.data, errBad)
		tt.read(r)
		if err := r.End(); !errors.Is(err, errBad) {
			t.Errorf("%s: End = %v, want %v", tt.name, err, errBad)
		}
		if r.Int() != 0 || r.Str() != "" || r.Bool() {
			t.Errorf("%s: reads after the error must give zero values", tt.name)
		}
	}
}

// FuzzReader: any data decodes to values or to the malformed error, never
// a panic, and a Count never promises more items than bytes are left.
func FuzzReader(f *testing.F) {
	var w Writer
	w.Int(3)
	w.Str("abc")
	w.Bool(true)
	w.Float(1.5)
	f.Add(w.B)
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(data, errBad)
		for r.Err() == nil && len(r.b) > 0 {
			n := r.Count(1)
			if n > len(data) {
				t.Fatalf("Count = %d with %d bytes of data", n, len(data))
			}
			_ = r.Str()
			_ = r.Bool()
			_ = r.Float()
		}
		if err := r.End(); err != nil && !errors.Is(err, errBad) {
			t.Fatalf("End = %v", err)
		}
	})
}
