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
}

func newPatterns(res []*regexp.Regexp) []pattern {
	ps := make([]pattern, len(res))
	for i, re := range res {
		ps[i] = pattern{re: re}
		ps[i].lit, ps[i].fold = requiredLiteral(re.String())
	}
	return ps
}

// requiredLiteral finds the longest literal that a top-level concatenation
// of expr must contain. It returns "" when it cannot tell (alternations,
// optional parts), which only costs speed, never a missed match.
func requiredLiteral(expr string) (string, bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return "", false
	}
	re = re.Simplify()
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	best, fold := "", false
	for _, s := range subs {
		if s.Op == syntax.OpLiteral && len(string(s.Rune)) > len(best) {
			best, fold = string(s.Rune), s.Flags&syntax.FoldCase != 0
		}
	}
	if fold {
		best = strings.ToLower(best)
	}
	return best, fold
}

// mayMatch is the cheap test: false means the pattern cannot match.
// lower is text lower-cased, computed once by the caller.
func (p pattern) mayMatch(text, lower string) bool {
	switch {
	case p.lit == "":
		return true
	case p.fold:
		return strings.Contains(lower, p.lit)
	}
	return strings.Contains(text, p.lit)
}
