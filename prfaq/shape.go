package prfaq

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Shapes of Markdown that make goldmark (v1.8.7, the newest there is) take
// time that grows with the square of the input are refused before it
// parses them, each with the limit it passes. A real PRFAQ is nowhere near
// any of them; a hostile one of 1 MiB would otherwise hold a hook for
// minutes.
const (
	// MaxContainerDepth bounds list items and block quotes open at once,
	// on one line (`- - - x`, `1. 1. x`, `> - > - x`) or by indentation.
	// goldmark measures each open container's indentation again on every
	// line (text.Reader.LineOffset), and tries a thematic break at every
	// level of `- - - … x`: 160,000 markers on one line took 77 s.
	MaxContainerDepth = 100
	// MaxLinkWork bounds the work of the link brackets in one document:
	// for each ] that closes a [, goldmark scans the destination after
	// "](" to the next space, the nodes since the [, and, when it is no
	// link, every line of the paragraph after the [. `[a](` 100,000
	// times on one line took 41 s.
	MaxLinkWork = 1 << 25
)

// checkShape refuses src when it holds a shape above. It is one pass over
// the lines, linear in len(src).
func checkShape(src []byte) *InputError {
	var s shapeScan
	line, off := 1, 0
	// TOML front matter is tomlguard's to judge, and never Markdown.
	if first, _, _ := bytes.Cut(src, []byte("\n")); strings.TrimRight(string(first), " \t") == "+++" {
		if end, closeLine := closingFence(src, "+++"); end >= 0 {
			line, off = closeLine+1, end
		}
	}
	for ; off <= len(src); line++ {
		end := off
		for end < len(src) && src[end] != '\n' {
			end++
		}
		if err := s.line(src[off:end], line); err != nil {
			return err
		}
		off = end + 1
	}
	return s.endParagraph(line)
}

type shapeScan struct {
	// items are the list items open by indentation.
	items []item
	// blankBefore: the previous line was blank (no lazy continuation).
	blankBefore bool
	// fence is the fence character and length of an open code fence.
	fenceChar byte
	fenceLen  int

	// The paragraph being read: its first line, its lines, the [ not yet
	// closed (offsets in the paragraph), the ] that may be no link.
	paraStart int
	paraLines int
	paraLen   int
	openers   []int
	failing   int
	// work is the link work so far, of whole paragraphs and this one.
	work int
}

func (s *shapeScan) line(l []byte, n int) *InputError {
	if s.fenceLen > 0 {
		if closesFence(l, s.fenceChar, s.fenceLen) {
			s.fenceLen = 0
		}
		return nil
	}
	i, col := skipIndent(l, 0, 0)
	if i == len(l) {
		s.blankBefore = true
		return s.endParagraph(n)
	}
	// The block quotes that start the line; list items are placed by
	// their columns after them.
	quotes := 0
	for i < len(l) && l[i] == '>' {
		quotes++
		i++
		if i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		i, col = skipIndent(l, i, 0)
	}
	// Items in a deeper quote are closed; so, at a list item or after a
	// blank line (no lazy continuation), is every item of this quote whose
	// content starts further right.
	top := func() (item, bool) {
		if len(s.items) == 0 {
			return item{}, false
		}
		return s.items[len(s.items)-1], true
	}
	for t, ok := top(); ok && t.quotes > quotes; t, ok = top() {
		s.items = s.items[:len(s.items)-1]
	}
	t, ok := top()
	isItem := isListMarker(l, i) && (!ok || t.quotes < quotes || col-t.content < 4)
	if isItem || s.blankBefore {
		for t, ok := top(); ok && t.quotes == quotes && t.content > col; t, ok = top() {
			s.items = s.items[:len(s.items)-1]
		}
	}
	s.blankBefore = false

	// The markers at the start of the line: list items, and quotes inside
	// them, up to a thematic break (`- - -` alone is a break, not lists).
	tb := thematicBreakFrom(l)
	code := false
markers:
	for i < len(l) && i < tb {
		switch {
		case l[i] == '>':
			// Columns count from the quote marker, as at the line's start.
			quotes++
			i++
			if i < len(l) && (l[i] == ' ' || l[i] == '\t') {
				i++
			}
			i, col = skipIndent(l, i, 0)
			if len(s.items)+quotes > MaxContainerDepth {
				break markers
			}
			continue
		case isListMarker(l, i):
			base := 0
			if t, ok := top(); ok && t.quotes == quotes {
				base = t.content
			}
			if col-base >= 4 {
				code = true // indented code
				break markers
			}
			j, c := markerEnd(l, i, col)
			k, kc := skipIndent(l, j, c)
			content := kc
			if k == len(l) || kc-c > 4 {
				content = c + 1
			}
			s.items = append(s.items, item{quotes: quotes, content: content})
			i, col = k, kc
			if len(s.items)+quotes > MaxContainerDepth {
				break markers // refused below, without reading further
			}
			continue
		default:
			break markers // text
		}
	}
	if d := len(s.items) + quotes; d > MaxContainerDepth {
		return &InputError{Line: n, Msg: fmt.Sprintf("list items and block quotes nested more than %d deep: a PRFAQ never needs this, flatten it", MaxContainerDepth)}
	}
	if rest := l[min(i, len(l)):]; !code && isFenceOpen(rest) {
		s.fenceChar, s.fenceLen = rest[0], fenceRun(rest)
		return s.endParagraph(n)
	}
	return s.links(l, n)
}

// item is a list item open by indentation: the block quotes it is in and
// the column its content starts at, after them.
type item struct{ quotes, content int }

// links adds the link work of one line of a paragraph.
func (s *shapeScan) links(l []byte, n int) *InputError {
	if s.paraLines == 0 {
		s.paraStart = n
	}
	s.paraLines++
	base := s.paraLen
	s.paraLen += len(l) + 1
	// The next space or tab, and the next >, at or after the position
	// last asked for: the positions asked for only grow, so finding them
	// is linear in the line.
	space, gt := 0, 0
	// Room for every [ of the line at once: a line of nested brackets
	// would otherwise grow the stack by copying it again and again, on
	// fresh pages each time (a 256 KB line cost six times a 64 KB one).
	if n := bytes.Count(l, []byte{'['}); cap(s.openers)-len(s.openers) < n {
		s.openers = slices.Grow(s.openers, n)
	}
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++ // an escaped bracket is text
		case '[':
			s.openers = append(s.openers, base+i)
		case ']':
			if len(s.openers) == 0 {
				continue
			}
			o := s.openers[len(s.openers)-1]
			s.openers = s.openers[:len(s.openers)-1]
			s.work += base + i - o // the nodes since the [
			closed := false
			if i+1 < len(l) && l[i+1] == '(' {
				// The destination: to the next space, or to > after "(<".
				j := i + 2
				if j < len(l) && l[j] == '<' {
					if gt < j {
						gt = j
						for gt < len(l) && l[gt] != '>' {
							gt++
						}
					}
					j = gt
				} else {
					if space < j {
						space = j
						for space < len(l) && l[space] != ' ' && l[space] != '\t' {
							space++
						}
					}
					depth := 0
					for j < space && depth >= 0 {
						// The scan ends at an unbalanced ")": a link.
						switch l[j] {
						case '(':
							depth++
						case ')':
							depth--
						}
						j++
						if depth < 0 {
							closed = true
						}
						if j-(i+2) > 64 && !closed {
							j = space // long: count it whole, unread
						}
					}
				}
				s.work += j - i
			}
			if !closed {
				s.failing++
			}
		}
		if s.work > MaxLinkWork {
			return s.tooMuchLinkWork()
		}
	}
	return nil
}

func (s *shapeScan) tooMuchLinkWork() *InputError {
	return &InputError{Line: s.paraStart, Msg: fmt.Sprintf("this paragraph's link brackets (such as \"[a](\" many times without a closing \")\", or many \"[\" closed far away) would take the Markdown parser more than %d steps: a PRFAQ never needs this, close the links or split the paragraph", MaxLinkWork)}
}

// endParagraph adds the work of the ] that may be no link (goldmark reads
// every later line of the paragraph for each) and starts a new paragraph.
func (s *shapeScan) endParagraph(int) *InputError {
	s.work += s.failing * s.paraLines
	if s.work > MaxLinkWork {
		return s.tooMuchLinkWork()
	}
	s.paraLines, s.paraLen, s.failing = 0, 0, 0
	s.openers = s.openers[:0]
	return nil
}

// skipIndent skips spaces and tabs from l[i], column col (tabs stop every
// 4 columns), and returns where it stops.
func skipIndent(l []byte, i, col int) (int, int) {
	for i < len(l) {
		switch l[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return i, col
		}
		i++
	}
	return i, col
}

// isListMarker: l[i:] starts with a bullet (- * +) or an ordered marker
// (up to 9 digits then . or )) followed by a space, a tab or the end.
func isListMarker(l []byte, i int) bool {
	j, _ := markerEnd(l, i, 0)
	return j > i && (j == len(l) || l[j] == ' ' || l[j] == '\t')
}

// markerEnd returns the offset and column just past a list marker at l[i],
// or i when there is none.
func markerEnd(l []byte, i, col int) (int, int) {
	if i >= len(l) {
		return i, col
	}
	switch c := l[i]; {
	case c == '-' || c == '*' || c == '+':
		return i + 1, col + 1
	case c >= '0' && c <= '9':
		j := i
		for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
			j++
		}
		if j < len(l) && (l[j] == '.' || l[j] == ')') {
			return j + 1, col + j + 1 - i
		}
	}
	return i, col
}

// thematicBreakFrom is the offset from which the rest of l is a thematic
// break (three or more of one of - * _, with spaces and tabs only), or
// len(l)+1 when no end of l is one.
func thematicBreakFrom(l []byte) int {
	end := len(l)
	for end > 0 && (l[end-1] == ' ' || l[end-1] == '\t') {
		end--
	}
	if end == 0 {
		return len(l) + 1
	}
	c := l[end-1]
	if c != '-' && c != '*' && c != '_' {
		return len(l) + 1
	}
	from, count, at := len(l)+1, 0, end
	for at > 0 && (l[at-1] == c || l[at-1] == ' ' || l[at-1] == '\t') {
		at--
		if l[at] == c {
			if count++; count >= 3 {
				from = at
			}
		}
	}
	return from
}

func fenceRun(l []byte) int {
	n := 0
	for n < len(l) && l[n] == l[0] {
		n++
	}
	return n
}

// isFenceOpen: l starts a fenced code block (``` or ~~~, or longer).
func isFenceOpen(l []byte) bool {
	if len(l) < 3 || (l[0] != '`' && l[0] != '~') || fenceRun(l) < 3 {
		return false
	}
	if l[0] == '`' {
		for _, c := range l[fenceRun(l):] {
			if c == '`' {
				return false // an info string with a backtick: inline code
			}
		}
	}
	return true
}

// closesFence: l closes a fence of n c's (indentation and trailing spaces
// allowed).
func closesFence(l []byte, c byte, n int) bool {
	i, _ := skipIndent(l, 0, 0)
	// Markers of the containers the fence is in may come first.
	for i < len(l) && l[i] == '>' {
		i, _ = skipIndent(l, i+1, 0)
	}
	run := 0
	for i+run < len(l) && l[i+run] == c {
		run++
	}
	if run < n {
		return false
	}
	j, _ := skipIndent(l, i+run, 0)
	return j == len(l)
}
