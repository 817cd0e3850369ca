package check

import (
	"slices"
	"strings"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// placeholders reports template text left in, once per occurrence, at its
// line and column: every configured pattern and the template's own
// sentences, searched in each line's prose (links, inline code, URLs,
// footnotes, task boxes and comments blanked; code blocks skipped). Where
// matches overlap ("[TBD]" and "TBD"), the longest is reported.
func (c *checker) placeholders() {
	for _, l := range c.doc.Lines {
		if l.Code || c.claimed[l.Number] {
			continue
		}
		for _, m := range c.lineMatches(l) {
			c.reportPlaceholder(l, m[0], l.Text[m[0]:m[1]])
		}
	}
}

// lineMatches lists the byte spans of template text in one line, without
// overlaps.
func (c *checker) lineMatches(l prfaq.Line) [][2]int {
	text := l.Prose
	if len(text) != len(l.Text) {
		text = l.Text
	}
	lower := strings.ToLower(text)
	var ms [][2]int
	for _, p := range c.patterns {
		if !p.mayMatch(text, lower) {
			continue
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(text, -1) {
			if len(m) >= 4 && m[2] >= 0 {
				m = m[2:4] // a pattern with a group reports the group
			}
			if m[1] > m[0] {
				ms = append(ms, [2]int{m[0], m[1]})
			}
		}
	}
	if len(lower) == len(text) {
		for _, s := range c.sentences {
			for off := 0; ; {
				i := strings.Index(lower[off:], s)
				if i < 0 {
					break
				}
				i += off
				if i == 0 || text[i-1] != '<' {
					ms = append(ms, [2]int{i, i + len(s)})
				}
				off = i + len(s)
			}
		}
	}
	return longestFirst(ms)
}

// longestFirst drops spans that overlap a longer (or earlier, equally
// long) one, and sorts what is left by position.
func longestFirst(ms [][2]int) [][2]int {
	slices.SortFunc(ms, func(a, b [2]int) int {
		if la, lb := a[1]-a[0], b[1]-b[0]; la != lb {
			return lb - la
		}
		return a[0] - b[0]
	})
	var keep [][2]int
	for _, m := range ms {
		overlaps := false
		for _, k := range keep {
			if m[0] < k[1] && k[0] < m[1] {
				overlaps = true
				break
			}
		}
		if !overlaps {
			keep = append(keep, m)
		}
	}
	slices.SortFunc(keep, func(a, b [2]int) int { return a[0] - b[0] })
	return keep
}

func (c *checker) reportPlaceholder(l prfaq.Line, byteCol int, text string) {
	col := len([]rune(l.Text[:byteCol])) + 1
	if c.report(rule.Placeholder, prfaq.Pos{Line: l.Number, Column: col}, "template text %q is still here: replace it with your own words", text) {
		c.last().Text = text
	}
}
