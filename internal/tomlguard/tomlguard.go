// Package tomlguard bounds the shape of TOML before it is decoded.
//
// github.com/BurntSushi/toml (v1.6.0, the newest there is) spends time and
// memory that grow with the square of a key's depth: it records every
// prefix of a dotted key, a table header or a chain of inline tables as a
// string, so one key 20,000 parts deep (`a.a.a…=1`, 40 KB) took 35 s and
// 5.6 GB, and 11,000 nested inline tables 2.6 GB. Check is one linear pass
// over the text that refuses such shapes first: no PRFAQ front matter or
// .prfaq.toml is ever more than a few levels deep.
package tomlguard

import "fmt"

// MaxDepth is how deep a key or value may be: the parts of its table
// header, of the keys of the inline tables around it, one per array it
// sits in, and its own dotted parts; and no more arrays and inline tables
// than that may be open at once. The configuration's deepest
// key is three (sections.press_release.min_words with its header).
const MaxDepth = 32

// Error says where the text is too deep.
type Error struct {
	Line int // 1-based
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Check scans TOML text (not necessarily valid) and returns an *Error when
// a key or a value nests deeper than maxDepth, else nil. It never fails on
// anything else: syntax is for the decoder to judge. Its time is linear in
// len(src) and it allocates at most maxDepth ints.
func Check(src []byte, maxDepth int) *Error {
	s := scanner{src: src, line: 1, max: maxDepth}
	return s.run()
}

type scanner struct {
	src  []byte
	i    int
	line int
	max  int
	// header is the depth of the current [table] or [[array]] header.
	header int
	// stack holds, for each open array ([) or inline table ({) of a
	// value, its kind and the depth of what is inside it.
	stack []frame
	// key is the depth of the key whose value is being read.
	key int
}

type frame struct {
	kind  byte // '[' or '{'
	depth int
}

func (s *scanner) fail(what string, depth int) *Error {
	return &Error{Line: s.line, Msg: fmt.Sprintf("%s %d levels deep, more than %d: flatten it", what, depth, s.max)}
}

func (s *scanner) run() *Error {
	atLineStart := true
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\n':
			s.line++
			s.i++
			atLineStart = true
			continue
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
			continue
		case c == '#':
			s.skipComment()
			continue
		}
		if len(s.stack) == 0 && atLineStart {
			atLineStart = false
			if c == '[' {
				if err := s.tableHeader(); err != nil {
					return err
				}
				continue
			}
			if err := s.keyThenValue(s.header); err != nil {
				return err
			}
			continue
		}
		atLineStart = false
		if err := s.valueToken(); err != nil {
			return err
		}
	}
	return nil
}

// tableHeader reads [a.b] or [[a.b]] and sets the header depth.
func (s *scanner) tableHeader() *Error {
	s.i++ // [
	if s.i < len(s.src) && s.src[s.i] == '[' {
		s.i++
	}
	parts, err := s.keyParts(']')
	if err != nil {
		return err
	}
	if parts > s.max {
		return s.fail("table header", parts)
	}
	s.header = parts
	for s.i < len(s.src) && s.src[s.i] == ']' {
		s.i++
	}
	return nil
}

// keyThenValue reads a key up to its '=' inside a context of depth base,
// records the key's depth for the value that follows.
func (s *scanner) keyThenValue(base int) *Error {
	parts, err := s.keyParts('=')
	if err != nil {
		return err
	}
	s.key = base + parts
	if s.key > s.max {
		return s.fail("key", s.key)
	}
	if s.i < len(s.src) && s.src[s.i] == '=' {
		s.i++
	}
	return nil
}

// keyParts counts the dotted parts of a key up to stop (not consumed), a
// newline (not consumed) or the end. Quoted parts may hold dots.
func (s *scanner) keyParts(stop byte) (int, *Error) {
	parts := 1
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch c {
		case stop, '\n':
			return parts, nil
		case '.':
			if parts++; parts > s.max {
				return parts, s.fail("key", parts)
			}
			s.i++
		case '"', '\'':
			s.skipString()
		case '#':
			return parts, nil
		default:
			s.i++
		}
	}
	return parts, nil
}

// valueToken reads one token of a value: a string, a bracket, a separator
// or a bare character.
func (s *scanner) valueToken() *Error {
	c := s.src[s.i]
	switch c {
	case '"', '\'':
		s.skipString()
	case '[', '{':
		base := s.key
		if n := len(s.stack); n > 0 && s.stack[n-1].kind == '[' {
			base = s.stack[n-1].depth
		}
		d := base // an inline table's keys add their own parts
		if c == '[' {
			d++
		}
		if d > s.max || len(s.stack) >= s.max {
			what := "array"
			if c == '{' {
				what = "inline table"
			}
			return s.fail(what, max(d, len(s.stack)+1))
		}
		s.stack = append(s.stack, frame{kind: c, depth: d})
		s.i++
		if c == '{' {
			return s.inlineKey()
		}
	case ']', '}':
		if n := len(s.stack); n > 0 {
			s.stack = s.stack[:n-1]
		}
		s.i++
	case ',':
		s.i++
		if n := len(s.stack); n > 0 && s.stack[n-1].kind == '{' {
			return s.inlineKey()
		}
	default:
		s.i++
	}
	return nil
}

// inlineKey reads the key of an inline table's entry, if one follows.
func (s *scanner) inlineKey() *Error {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
	if s.i >= len(s.src) || s.src[s.i] == '}' || s.src[s.i] == '\n' {
		return nil
	}
	return s.keyThenValue(s.stack[len(s.stack)-1].depth)
}

func (s *scanner) skipComment() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

// skipString skips a basic, literal or multi-line string, counting the
// lines it spans. An unclosed single-line string ends at the line's end.
func (s *scanner) skipString() {
	q := s.src[s.i]
	if s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q {
		s.i += 3
		for s.i < len(s.src) {
			c := s.src[s.i]
			switch {
			case c == '\\' && q == '"':
				if s.i+1 < len(s.src) && s.src[s.i+1] == '\n' {
					s.line++
				}
				s.i += 2
				continue
			case c == '\n':
				s.line++
			case c == q && s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q:
				s.i += 3
				for s.i < len(s.src) && s.src[s.i] == q { // up to two quotes may end the content
					s.i++
				}
				return
			}
			s.i++
		}
		return
	}
	s.i++
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\\' && q == '"' && s.i+1 < len(s.src) && s.src[s.i+1] != '\n':
			s.i += 2
			continue
		case c == '\n':
			return
		case c == q:
			s.i++
			return
		}
		s.i++
	}
}
