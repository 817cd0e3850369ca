package check

import (
	"strconv"
	"strings"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// suppress is the last pass over a document's findings: each finding a
// valid prfaq-ignore comment covers for its rule is marked suppressed
// with the comment's reason; each comment that cannot be honoured (no
// reason, no rule, an unknown rule, a rule only an acknowledgement
// excuses, nothing suppressed) is a suppression-invalid finding at the
// comment. Suppression-invalid findings themselves cannot be suppressed.
func (c *checker) suppress(ss []prfaq.Suppression) {
	if len(ss) == 0 {
		return
	}
	found := len(c.out)
	for _, s := range ss {
		bad := c.invalidSuppression(s)
		if bad != "" {
			c.report(rule.SuppressionInvalid, s.Pos, "%s %s", suppressionName(s), bad)
			continue
		}
		used := map[string]bool{}
		for i := range c.out[:found] {
			f := &c.out[i]
			if f.Rule == rule.SuppressionInvalid || !s.Covers(f.Rule, f.Line) {
				continue
			}
			used[f.Rule] = true
			if !f.Suppressed {
				f.Suppressed, f.Suppression = true, s.Reason
			}
		}
		var unused []string
		for _, r := range s.Rules {
			// A rule switched off has nothing to suppress: naming it is
			// harmless, not a stale comment to report.
			if !used[r] && c.cfg.SeverityOf(r) != rule.Off {
				unused = append(unused, r)
			}
		}
		if len(unused) > 0 {
			c.report(rule.SuppressionInvalid, s.Pos, "%s suppresses nothing: no %s finding %s: remove %s from the comment", suppressionName(s),
				strings.Join(unused, " or "), c.where(s), strings.Join(unused, ", "))
		}
	}
}

// invalidSuppression says what is wrong with a suppression as written,
// "" when nothing is.
func (c *checker) invalidSuppression(s prfaq.Suppression) string {
	const syntax = "<!-- prfaq-ignore RULE[, RULE]: reason -->"
	if len(s.Rules) == 0 {
		return "names no rule: write " + syntax
	}
	for _, r := range s.Rules {
		switch {
		case r == rule.MetricWeakened || r == rule.ConfigWeakened:
			return "names " + r + ", which cannot be suppressed in the document: acknowledge the change with a " +
				c.cfg.Acknowledgement.Trailer + ": <reason> trailer on the commit instead"
		case r == rule.SuppressionInvalid:
			return "names " + r + ", which cannot be suppressed: fix or remove the suppression it reports"
		case !rule.Known(r):
			return "names " + strconv.Quote(r) + ", which is not a rule: use one of " + strings.Join(rule.IDs(), ", ")
		}
	}
	if s.Reason == "" {
		return "gives no reason: write why after a colon, " + syntax
	}
	if s.From == 0 {
		return "is followed by no block to suppress: put it on the line before the paragraph, heading, list item or question, or inside the table row"
	}
	return ""
}

// where says which lines a suppression covers, for a message.
func (c *checker) where(s prfaq.Suppression) string {
	switch {
	case s.File:
		return "in the document"
	case s.From == s.To:
		return "on line " + strconv.Itoa(s.From)
	}
	return "on lines " + strconv.Itoa(s.From) + "-" + strconv.Itoa(s.To)
}

func suppressionName(s prfaq.Suppression) string {
	if s.File {
		return "prfaq-ignore-file"
	}
	return "prfaq-ignore"
}
