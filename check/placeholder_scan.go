package check

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// placeholders reports template text left in, once per occurrence, at its
// line and column: every configured pattern and the template's own
// sentences, searched in each line's prose (links, inline code, URLs,
// footnotes, task boxes and comments blanked; code blocks skipped). Where
// matches overlap ("[TBD]" and "TBD"), the longest is reported.
//
// Past MaxPlaceholderFindings in one document, the rest are counted in one
// last finding at the first of them: a document made of template text
// would otherwise make hundreds of thousands of findings (a 1 MB one of
// "TBD " 262,000, half a gigabyte to hold and print).
func (c *checker) placeholders() {
	listed, more := 0, 0
	var first prfaq.Pos
	for _, l := range c.doc.Lines {
		if l.Code || c.claimed[l.Number] {
			continue
		}
		// Columns are counted on from the previous match: once over the
		// line, not once per match (50,000 on one line took 27 s).
		prev, col := 0, 1
		for _, m := range c.lineMatches(l) {
			col += utf8.RuneCountInString(l.Text[prev:m[0]])
			prev = m[0]
			if listed == MaxPlaceholderFindings {
				if more == 0 {
					first = prfaq.Pos{Line: l.Number, Column: col}
				}
				more++
				continue
			}
			if c.reportPlaceholder(l, col, l.Text[m[0]:m[1]]) {
				listed++
			}
		}
	}
	if more > 0 {
		c.report(rule.Placeholder, first, "and %d more template texts from here on, not listed one by one: replace them with your own words", more)
	}
}

// MaxPlaceholderFindings is how many placeholders one document's findings
// list one by one.
const MaxPlaceholderFindings = 1000

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
// long) one, and sorts what is left by position. It marks the bytes kept
// spans cover, so its time is the spans' total length (each pattern's
// matches do not overlap one another), not their number squared.
func longestFirst(ms [][2]int) [][2]int {
	if len(ms) < 2 {
		return ms
	}
	slices.SortFunc(ms, func(a, b [2]int) int {
		if la, lb := a[1]-a[0], b[1]-b[0]; la != lb {
			return lb - la
		}
		return a[0] - b[0]
	})
	end := 0
	for _, m := range ms {
		end = max(end, m[1])
	}
	covered := make([]bool, end)
	var keep [][2]int
	for _, m := range ms {
		if slices.Contains(covered[m[0]:m[1]], true) {
			continue
		}
		for i := m[0]; i < m[1]; i++ {
			covered[i] = true
		}
		keep = append(keep, m)
	}
	slices.SortFunc(keep, func(a, b [2]int) int { return a[0] - b[0] })
	return keep
}

func (c *checker) reportPlaceholder(l prfaq.Line, col int, text string) bool {
	if c.report(rule.Placeholder, prfaq.Pos{Line: l.Number, Column: col}, "template text %q is still here: replace it with your own words", text) {
		c.last().Text = text
		return true
	}
	return false
}
