package config

import (
	"fmt"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// maxAlternatives bounds the expansion of {a,b} alternatives in one glob,
// so that a pattern like {a,b}{a,b}{a,b}... cannot blow up.
const maxAlternatives = 64

// checkGlob returns "" when g is a usable glob, else what is wrong and how to
// fix it.
func checkGlob(g string) string {
	switch {
	case g == "":
		return "empty glob: remove it or write a pattern such as \"docs/prfaq/*.md\""
	case !doublestar.ValidatePattern(g):
		return fmt.Sprintf("invalid glob %q: %s", g, doublestar.ErrBadPattern)
	case strings.HasPrefix(g, "/"):
		return fmt.Sprintf("invalid glob %q: write it relative to the repository root, without the leading \"/\"", g)
	case g == "." || strings.HasPrefix(g, "./"):
		return fmt.Sprintf("invalid glob %q: write it relative to the repository root, without the leading \"./\"", g)
	case g == ".." || strings.HasPrefix(g, "../") || strings.HasSuffix(g, "/..") || strings.Contains(g, "/../"):
		return fmt.Sprintf("invalid glob %q: \"..\" would leave the repository; write the path from the repository root", g)
	case strings.Contains(g, "[[:"):
		return fmt.Sprintf("invalid glob %q: character classes like [[:alpha:]] are not supported; list the characters, e.g. [a-zA-Z]", g)
	}
	if _, err := expandBraces(g); err != nil {
		return fmt.Sprintf("invalid glob %q: %v", g, err)
	}
	return ""
}

// expandBraces expands doublestar's {a,b} alternatives into plain patterns,
// which git's glob pathspecs understand. doublestar matches an alternative
// by substituting it into the pattern, so the expansion matches exactly the
// names the original matches.
func expandBraces(p string) ([]string, error) {
	var out []string
	if err := expandInto(p, &out); err != nil {
		return nil, err
	}
	return out, nil
}

func expandInto(p string, out *[]string) error {
	open := indexTopBrace(p)
	if open < 0 {
		if len(*out) >= maxAlternatives {
			return fmt.Errorf("more than %d {a,b} alternatives; write fewer, or several globs", maxAlternatives)
		}
		*out = append(*out, p)
		return nil
	}
	close := open + 1 + closingBrace(p[open+1:])
	if close <= open {
		return fmt.Errorf("%w: no closing }", doublestar.ErrBadPattern)
	}
	inner := p[open+1 : close]
	for {
		comma := nextAlternative(inner)
		alt := inner
		if comma >= 0 {
			alt = inner[:comma]
		}
		if err := expandInto(p[:open]+alt+p[close+1:], out); err != nil {
			return err
		}
		if comma < 0 {
			return nil
		}
		inner = inner[comma+1:]
	}
}

// skipClass returns the index of the ']' closing a class that starts at
// s[i] == '[', or len(s) when there is none (as doublestar scans it).
func skipClass(s string, i int) int {
	for i++; i < len(s); i++ {
		if s[i] == '\\' {
			i++
		} else if s[i] == ']' {
			return i
		}
	}
	return len(s)
}

// indexTopBrace is the index of the first '{' that opens alternatives.
func indexTopBrace(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			i = skipClass(s, i)
		case '{':
			return i
		}
	}
	return -1
}

// closingBrace is the index in s (just after a '{') of the matching '}', or -1.
func closingBrace(s string) int {
	depth := 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			i = skipClass(s, i)
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// nextAlternative is the index of the first top-level ',' in the inside of
// a brace group, or -1.
func nextAlternative(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			i = skipClass(s, i)
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// pathspec turns one brace-free doublestar pattern into a git pathspec.
// git matches a pathspec without wildcards also as a directory prefix
// ("docs/prfaq" selects docs/prfaq/x.md); doublestar does not. So one
// literal character of such a pattern is written as a one-character class,
// which matches the same names but makes git match the whole path.
func pathspec(p string) string {
	const magic = ":(top,glob)"
	last := -1
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\':
			i++
		case c == '*' || c == '?' || c == '[':
			return magic + p
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '_':
			last = i
		}
	}
	if last < 0 {
		return magic + p
	}
	return magic + p[:last] + "[" + p[last:last+1] + "]" + p[last+1:]
}
