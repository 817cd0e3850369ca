package check

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// pattern is a placeholder regular expression with a literal that every
// match contains. Go's regexp scans a line in time proportional to its
// length for every pattern, which made placeholder rules most of the cost
// of a check; a strings.Contains on the literal skips almost every line.
type pattern struct {
	re   *regexp.Regexp
	lit  string // "" when no literal is required
	fold bool   // lit is lower-case and must be matched case-insensitively
	// wide: every match holds a character outside ASCII (a Han
	// character), so a line of ASCII cannot match.
	wide bool
}

func newPatterns(res []*regexp.Regexp) []pattern {
	ps := make([]pattern, len(res))
	for i, re := range res {
		ps[i] = pattern{re: re}
		ps[i].lit, ps[i].fold, ps[i].wide = requiredLiteral(re.String())
	}
	return ps
}

// requiredLiteral finds the longest literal that every match of expr
// contains, looking through groups ("(\$\s?X{1,3})" requires "$"), and
// whether every match holds a character outside ASCII. It returns ""
// when it cannot tell (alternations, optional parts), which only costs
// speed, never a missed match.
func requiredLiteral(expr string) (lit string, fold, wide bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return "", false, false
	}
	for _, s := range mandatory(re.Simplify()) {
		switch {
		case s.Op == syntax.OpLiteral && len(string(s.Rune)) > len(lit):
			lit, fold = string(s.Rune), s.Flags&syntax.FoldCase != 0
		case s.Op == syntax.OpCharClass && len(s.Rune) > 0 && s.Rune[0] >= 0x80:
			wide = true // ranges are sorted: the lowest is not ASCII
		}
	}
	if fold {
		lit = strings.ToLower(lit)
	}
	return lit, fold, wide
}

// mandatory lists the parts every match of re goes through: the items of
// a concatenation, looking into capture groups and repeats of at least one.
func mandatory(re *syntax.Regexp) []*syntax.Regexp {
	switch re.Op {
	case syntax.OpConcat:
		var out []*syntax.Regexp
		for _, s := range re.Sub {
			out = append(out, mandatory(s)...)
		}
		return out
	case syntax.OpCapture:
		return mandatory(re.Sub[0])
	case syntax.OpPlus:
		return mandatory(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mandatory(re.Sub[0])
		}
		return nil
	}
	return []*syntax.Regexp{re}
}

// mayMatch is the cheap test: false means the pattern cannot match.
// lower is text lower-cased, computed once by the caller.
func (p pattern) mayMatch(text, lower string) bool {
	if p.wide && isASCII(text) {
		return false
	}
	switch {
	case p.lit == "":
		return true
	case p.fold:
		return strings.Contains(lower, p.lit)
	}
	return strings.Contains(text, p.lit)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
