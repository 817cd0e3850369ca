package prfaq

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"
)

// InputError says why bytes cannot be read as a PRFAQ at all (as opposed to
// a document with findings).
type InputError struct {
	Line int
	Msg  string
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// normalize strips a UTF-8 BOM and turns CRLF and lone CR line endings into
// LF, so that offsets map to the lines an editor shows. It refuses binary
// data and invalid UTF-8 with the line where they start.
func normalize(src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &InputError{Line: lineAt(src, i), Msg: "binary file (NUL byte): a PRFAQ must be UTF-8 text"}
	}
	if !utf8.Valid(src) {
		return nil, &InputError{Line: lineAt(src, firstInvalid(src)), Msg: "invalid UTF-8: save the file as UTF-8"}
	}
	if line := tooDeep(src, maxQuoteDepth); line > 0 {
		return nil, &InputError{Line: line, Msg: fmt.Sprintf("block quotes nested more than %d deep: a PRFAQ never needs this, flatten it", maxQuoteDepth)}
	}
	out := src
	if bytes.IndexByte(src, '\r') >= 0 {
		out = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		out = bytes.ReplaceAll(out, []byte("\r"), []byte("\n"))
	}
	if err := checkShape(out); err != nil {
		return nil, err
	}
	return out, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineAt is the 1-based line of offset i, counting LF, CRLF or CR endings.
func lineAt(b []byte, i int) int {
	b = b[:i]
	return 1 + bytes.Count(b, []byte("\n")) + bytes.Count(b, []byte("\r")) - bytes.Count(b, []byte("\r\n"))
}

// lineIndex maps byte offsets of the normalized source to positions.
type lineIndex struct {
	src    []byte
	starts []int // offset of the first byte of each line
	// The last position asked for: the next one on the same line further
	// right counts characters from there (the cells of a table row with
	// 40,000 columns are asked for left to right).
	lastLine, lastOff, lastCol int
}

func newLineIndex(src []byte) *lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// pos converts a byte offset into a line and a column counted in
// characters, as editors count them.
func (x *lineIndex) pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	var col int
	if line+1 == x.lastLine && off >= x.lastOff {
		col = x.lastCol + utf8.RuneCount(x.src[x.lastOff:off])
	} else {
		col = utf8.RuneCount(x.src[x.starts[line]:off]) + 1
	}
	x.lastLine, x.lastOff, x.lastCol = line+1, off, col
	return Pos{Line: line + 1, Column: col}
}

// line returns the text of 1-based line n without its newline.
func (x *lineIndex) line(n int) string {
	if n < 1 || n > len(x.starts) {
		return ""
	}
	start := x.starts[n-1]
	end := len(x.src)
	if n < len(x.starts) {
		end = x.starts[n] - 1
	}
	return string(x.src[start:end])
}

func (x *lineIndex) count() int {
	if len(x.src) == 0 {
		return 0
	}
	if len(x.src) > 0 && x.src[len(x.src)-1] == '\n' {
		return len(x.starts) - 1
	}
	return len(x.starts)
}

// maxQuoteDepth bounds block-quote nesting: goldmark's time grows with the
// square of the depth (50,000 levels took 6 s), and a hook must not hang.
const maxQuoteDepth = 100

// tooDeep returns the first line whose block-quote markers nest deeper than
// limit, or 0.
func tooDeep(src []byte, limit int) int {
	line, depth, start := 1, 0, true
	for _, c := range src {
		switch {
		case c == '\n' || c == '\r':
			line, depth, start = line+1, 0, true
		case start && c == '>':
			if depth++; depth > limit {
				return line
			}
		case start && (c == ' ' || c == '\t'):
		default:
			start = false
		}
	}
	return 0
}
