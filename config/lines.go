package config

import (
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// BurntSushi/toml keeps the position of each key to itself (MetaData has no
// position accessor in v1.6.0), and the position it uses in its own errors is
// ambiguous inside arrays of tables: every [[sections]] entry's "name" is
// recorded under the one key "sections.name". So the lines of keys are found
// here, by a scanner that walks a document the toml package has already
// accepted. Because the document is known to be valid TOML, the scanner
// only needs to tell keys from values, skip strings, arrays and inline
// tables correctly, and count newlines.

// keyLines maps a key path (see pathKey) to the line, counted from 1, where
// the key, table header or array element first appears.
type keyLines map[string]int

// A path is a list of segments: key names, and array indexes as made by
// index. pathKey joins them with a byte that cannot occur in a bare key.
func pathKey(path []string) string { return strings.Join(path, "\x00") }

// index is the path segment of an array element.
func index(i int) string { return "\x01" + strconv.Itoa(i) }

func isIndex(seg string) (int, bool) {
	if !strings.HasPrefix(seg, "\x01") {
		return 0, false
	}
	n, err := strconv.Atoi(seg[1:])
	return n, err == nil
}

// lineOf returns the line of path, or of its nearest ancestor that has one,
// or 0.
func (kl keyLines) lineOf(path []string) int {
	for n := len(path); n > 0; n-- {
		if l, ok := kl[pathKey(path[:n])]; ok {
			return l
		}
	}
	return 0
}

type lineScanner struct {
	s    string
	i    int
	line int
	out  keyLines
	aot  map[string]int // path of an array of tables -> entries so far
}

// scanKeyLines finds the line of every key, header and array element of a
// valid TOML document. On input it does not understand it stops early and
// returns what it found; it never panics and always terminates.
func scanKeyLines(src string) keyLines {
	src = strings.TrimPrefix(src, "\ufeff")
	sc := &lineScanner{s: src, line: 1, out: keyLines{}, aot: map[string]int{}}
	sc.document()
	return sc.out
}

func (sc *lineScanner) eof() bool { return sc.i >= len(sc.s) }

func (sc *lineScanner) peek() byte {
	if sc.i < len(sc.s) {
		return sc.s[sc.i]
	}
	return 0
}

func (sc *lineScanner) mark(path []string, line int) {
	k := pathKey(path)
	if _, ok := sc.out[k]; !ok {
		sc.out[k] = line
	}
}

// skipSpace skips blanks on the current line.
func (sc *lineScanner) skipSpace() {
	for !sc.eof() && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
		sc.i++
	}
}

// skipComment skips a comment up to, not including, the newline.
func (sc *lineScanner) skipComment() {
	if sc.peek() != '#' {
		return
	}
	if j := strings.IndexByte(sc.s[sc.i:], '\n'); j >= 0 {
		sc.i += j
	} else {
		sc.i = len(sc.s)
	}
}

// skipBlank skips blanks, newlines and comments.
func (sc *lineScanner) skipBlank() {
	for !sc.eof() {
		switch sc.s[sc.i] {
		case ' ', '\t', '\r':
			sc.i++
		case '\n':
			sc.i++
			sc.line++
		case '#':
			sc.skipComment()
		default:
			return
		}
	}
}

func (sc *lineScanner) document() {
	var table []string
	for {
		sc.skipBlank()
		if sc.eof() {
			return
		}
		start := sc.i
		if sc.peek() == '[' {
			t, ok := sc.header()
			if !ok {
				return
			}
			table = t
		} else if !sc.keyValue(table) {
			return
		}
		sc.skipSpace()
		sc.skipComment()
		if sc.i == start {
			return
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the path of the table it opens.
func (sc *lineScanner) header() ([]string, bool) {
	line := sc.line
	sc.i++
	array := sc.peek() == '['
	if array {
		sc.i++
	}
	keys, ok := sc.key()
	if !ok || sc.peek() != ']' {
		return nil, false
	}
	sc.i++
	if array {
		if sc.peek() != ']' {
			return nil, false
		}
		sc.i++
	}
	var path []string
	for j, k := range keys {
		path = append(path, k)
		sc.mark(path, line)
		n, isAOT := sc.aot[pathKey(path)]
		if array && j == len(keys)-1 {
			sc.aot[pathKey(path)] = n + 1
			path = append(path, index(n))
			sc.mark(path, line)
		} else if isAOT && n > 0 {
			// a sub-table of the latest entry of an array of tables
			path = append(path, index(n-1))
		}
	}
	return path, true
}

// key reads a possibly dotted key and the blanks around it.
func (sc *lineScanner) key() ([]string, bool) {
	var keys []string
	for {
		sc.skipSpace()
		var k string
		switch sc.peek() {
		case '"':
			j := sc.i + 1
			for j < len(sc.s) && sc.s[j] != '"' && sc.s[j] != '\n' {
				if sc.s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(sc.s) || sc.s[j] != '"' {
				return nil, false
			}
			k = unquoteKey(sc.s[sc.i : j+1])
			sc.i = j + 1
		case '\'':
			j := strings.IndexAny(sc.s[sc.i+1:], "'\n")
			if j < 0 || sc.s[sc.i+1+j] != '\'' {
				return nil, false
			}
			k = sc.s[sc.i+1 : sc.i+1+j]
			sc.i += j + 2
		default:
			j := sc.i
			for j < len(sc.s) && isBareKeyByte(sc.s[j]) {
				j++
			}
			if j == sc.i {
				return nil, false
			}
			k = sc.s[sc.i:j]
			sc.i = j
		}
		keys = append(keys, k)
		sc.skipSpace()
		if sc.peek() != '.' {
			return keys, true
		}
		sc.i++
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// unquoteKey decodes a "quoted" key exactly as the toml package does, by
// letting it decode the key as a value.
func unquoteKey(q string) string {
	if !strings.Contains(q, `\`) {
		return q[1 : len(q)-1]
	}
	var m map[string]any
	if _, err := toml.Decode("k = "+q, &m); err == nil {
		if s, ok := m["k"].(string); ok {
			return s
		}
	}
	return q[1 : len(q)-1]
}

// keyValue reads key = value inside the table at path.
func (sc *lineScanner) keyValue(table []string) bool {
	line := sc.line
	keys, ok := sc.key()
	if !ok || sc.peek() != '=' {
		return false
	}
	sc.i++
	path := append([]string(nil), table...)
	for _, k := range keys {
		path = append(path, k)
		sc.mark(path, line)
	}
	sc.skipSpace()
	return sc.value(path)
}

// value skips one value, marking the keys and elements inside it.
func (sc *lineScanner) value(path []string) bool {
	switch {
	case strings.HasPrefix(sc.s[sc.i:], `"""`):
		return sc.multiline('"')
	case strings.HasPrefix(sc.s[sc.i:], `'''`):
		return sc.multiline('\'')
	}
	switch sc.peek() {
	case '"':
		for j := sc.i + 1; j < len(sc.s) && sc.s[j] != '\n'; j++ {
			if sc.s[j] == '\\' {
				j++
			} else if sc.s[j] == '"' {
				sc.i = j + 1
				return true
			}
		}
		return false
	case '\'':
		j := strings.IndexAny(sc.s[sc.i+1:], "'\n")
		if j < 0 || sc.s[sc.i+1+j] != '\'' {
			return false
		}
		sc.i += j + 2
		return true
	case '[':
		return sc.array(path)
	case '{':
		return sc.inlineTable(path)
	}
	// number, boolean, date or time
	start := sc.i
	sc.bare()
	if isDate(sc.s[start:sc.i]) && sc.i+1 < len(sc.s) && sc.s[sc.i] == ' ' && isDigit(sc.s[sc.i+1]) {
		sc.i++ // "1979-05-27 07:32:00": a space may separate date and time
		sc.bare()
	}
	return sc.i > start
}

func (sc *lineScanner) bare() {
	for !sc.eof() && !strings.ContainsRune(" \t\r\n,]}#", rune(sc.s[sc.i])) {
		sc.i++
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isDate reports whether s is YYYY-MM-DD.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, j := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !isDigit(s[j]) {
			return false
		}
	}
	return true
}

// multiline skips a """ or ”' string, counting its newlines.
func (sc *lineScanner) multiline(q byte) bool {
	delim := strings.Repeat(string(q), 3)
	sc.i += 3
	for !sc.eof() {
		c := sc.s[sc.i]
		switch {
		case c == '\\' && q == '"':
			sc.i++
			if sc.peek() == '\n' {
				sc.line++
			}
			sc.i++
		case c == '\n':
			sc.line++
			sc.i++
		case strings.HasPrefix(sc.s[sc.i:], delim):
			sc.i += 3
			// up to two more quotes belong to the string: """a"""""
			for n := 0; n < 2 && sc.peek() == q; n++ {
				sc.i++
			}
			return true
		default:
			sc.i++
		}
	}
	return false
}

func (sc *lineScanner) array(path []string) bool {
	sc.i++ // [
	for n := 0; ; {
		sc.skipBlank()
		switch sc.peek() {
		case 0:
			return false
		case ']':
			sc.i++
			return true
		case ',':
			sc.i++
			continue
		}
		elem := append(append([]string(nil), path...), index(n))
		sc.mark(elem, sc.line)
		n++
		start := sc.i
		if !sc.value(elem) || sc.i == start {
			return false
		}
	}
}

func (sc *lineScanner) inlineTable(path []string) bool {
	sc.i++ // {
	for {
		sc.skipBlank()
		switch sc.peek() {
		case 0:
			return false
		case '}':
			sc.i++
			return true
		case ',':
			sc.i++
			continue
		}
		start := sc.i
		if !sc.keyValue(path) || sc.i == start {
			return false
		}
	}
}
