package report

import (
	"strings"
	"testing"
)

// oneLineSlow is oneLine as it was before its fast path: newlines and
// carriage returns become spaces, then Escape.
func oneLineSlow(s string) string {
	return Escape(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s))
}

// TestAppendOneLine: the printable-ASCII fast path of text findings gives
// what oneLine always gave, for text that needs nothing and text that
// needs escaping.
func TestAppendOneLine(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", ""},
		{"metric \"Churn\" was due 2026-Q3", "metric \"Churn\" was due 2026-Q3"},
		{"tab\tstays", "tab\tstays"},
		{"two\nlines\r", "two lines "},
		{"esc \x1b[2J", `esc \x1b[2J`},
		{"del \x7f", `del \x7f`},
		{"csi \u009b31m", `csi \u009b31m`},
		{"bad \xff byte", "bad \ufffd byte"}, // strings.Map's replacement, as before
		{"café → 5%", "café → 5%"},
	}
	for _, tt := range tests {
		got := string(appendOneLine([]byte("x"), tt.in))
		if got != "x"+tt.want {
			t.Errorf("appendOneLine(%q) = %q, want %q", tt.in, got[1:], tt.want)
		}
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzAppendOneLine(f *testing.F) {
	for _, s := range []string{"plain", "a\tb", "a\nb", "\x1b[0m", "\u009b", "\xff", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := oneLineSlow(s)
		if got := oneLine(s); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
		if got := string(appendOneLine(nil, s)); got != want {
			t.Errorf("appendOneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
