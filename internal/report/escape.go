package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape shows the terminal control characters in document text in a
// visible form, so that text a PRFAQ or a commit holds (an owner, a file
// name, a metric's name or cell, a trailer) cannot move the cursor, clear
// the screen, retitle the window or colour what follows when it is
// printed: each C0 control character but tab and newline, DEL and the C1
// controls (U+0080 to U+009F, of which U+009B starts a sequence as ESC [
// does) becomes \xHH or \u00HH, and a byte that is not UTF-8 becomes \xHH.
// Callers that need one line replace tabs and newlines first (textLine).
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case control(r):
			if r < 0x80 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || control(r) {
			return true
		}
		i += n
	}
	return false
}

func control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || 0x80 <= r && r <= 0x9f
}

// textLine is document text on one line of a text report: runs of
// newlines, carriage returns and tabs become one space (a table row or a
// heading stays one line, and tabwriter sees no extra column), and other
// control characters are escaped.
func textLine(s string) string {
	if printable(s) {
		return s // nearly every cell: list prints 50,000 at 10,000 PRFAQs
	}
	if !strings.ContainsAny(s, "\n\r\t") {
		return Escape(s) // the common case: nothing to split (list prints 50,000 cells at 10,000 PRFAQs)
	}
	return Escape(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }), " "))
}

// printable reports whether s is printable ASCII (no tab either), which
// textLine leaves as it is.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// EscapeLine is Escape for text that must stay one line, such as an error
// on stderr that names a file: a newline shows as \x0a too, so a file name
// or a revision cannot start a line of its own (a forged finding, or a
// workflow command in a CI log), and the "[" of "##[" as \x5b, since
// GitHub's runner reads its legacy ##[command] form anywhere in a line.
func EscapeLine(s string) string {
	return strings.NewReplacer("\n", `\x0a`, "##[", `##\x5b`).Replace(Escape(s))
}
