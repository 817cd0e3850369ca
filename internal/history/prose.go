package history

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/prfaq/git-prfaq/prfaq"
)

// Op says what happened to a run of words.
type Op int8

// The operations of a word diff.
const (
	Delete Op = -1
	Equal  Op = 0
	Insert Op = 1
)

// Words is a run of text (words and the spaces between them) and what
// happened to it.
type Words struct {
	Op   Op
	Text string
}

// SectionDiff is the word-level difference of one section's text.
type SectionDiff struct {
	Section string // the section's name; "Headline" for the H1
	Words   []Words
}

// headlineSection names the headline in a prose diff.
const headlineSection = "Headline"

// ProseDiff compares the text of every section of two versions of a PRFAQ,
// word by word, and returns the sections whose text changed: in the newer
// version's order, then the sections it no longer has. Sections are
// matched by name (case and spacing folded); the metrics section is left
// out, its changes being the metric table's. Either version may be nil.
func ProseDiff(old, new *prfaq.Document) []SectionDiff {
	olds, news := proseSections(old), proseSections(new)
	used := make([]bool, len(olds))
	var out []SectionDiff
	for _, n := range news {
		from := ""
		if i := findSection(olds, used, n.key); i >= 0 {
			used[i], from = true, olds[i].text
		}
		if d, ok := sectionDiff(n.name, from, n.text); ok {
			out = append(out, d)
		}
	}
	for i, o := range olds {
		if !used[i] {
			if d, ok := sectionDiff(o.name, o.text, ""); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

type proseSection struct{ key, name, text string }

func proseSections(d *prfaq.Document) []proseSection {
	if d == nil {
		return nil
	}
	var out []proseSection
	if d.Headline != nil {
		out = append(out, proseSection{"\x00headline", headlineSection, d.Headline.Text})
	}
	for _, s := range d.Sections {
		if s.Kind() != prfaq.KindMetrics {
			out = append(out, proseSection{prfaq.FoldSpace(s.Name()), s.Name(), s.Text})
		}
	}
	return out
}

// findSection is the first unused section with key, or -1: a repeated
// heading is matched by occurrence.
func findSection(ss []proseSection, used []bool, key string) int {
	for i, s := range ss {
		if !used[i] && s.key == key {
			return i
		}
	}
	return -1
}

func sectionDiff(name, from, to string) (SectionDiff, bool) {
	if strings.Join(strings.Fields(from), " ") == strings.Join(strings.Fields(to), " ") {
		return SectionDiff{}, false // only spacing or line breaks moved
	}
	return SectionDiff{Section: name, Words: WordDiff(from, to)}, true
}

// WordDiff compares two texts word by word: each word and each run of
// spaces becomes one symbol for go-diff's Myers diff, so a change is never
// shown in the middle of a word, and the result is cleaned up to read well.
func WordDiff(from, to string) []Words {
	a, b := tokens(from), tokens(to)
	index := map[string]rune{}
	var table []string
	encode := func(ts []string) []rune {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := index[t]
			if !ok {
				r = symbol(len(table))
				index[t] = r
				table = append(table, t)
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact: sections are short
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	out := make([]Words, 0, len(diffs))
	for _, d := range diffs {
		var text strings.Builder
		for _, r := range d.Text {
			text.WriteString(table[unsymbol(r)])
		}
		out = append(out, Words{Op: Op(d.Type), Text: text.String()})
	}
	return out
}

// tokens splits text into words (letters and digits), runs of
// whitespace, and single other characters, so that a word diff keeps the
// punctuation next to a changed word: "[-six days-]{+one day+}.".
func tokens(s string) []string {
	var out []string
	start, prev := 0, -1
	for i, r := range s {
		c := class(r)
		if i > start && (c != prev || c == punct) {
			out = append(out, s[start:i])
			start = i
		}
		prev = c
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

const (
	space = iota
	word
	punct
)

func class(r rune) int {
	switch {
	case unicode.IsSpace(r):
		return space
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
		return word
	}
	return punct
}

// Symbols live in Unicode's private use planes (15 and 16: 131,068 code
// points), so no real character is ever confused with a token; beyond
// that they continue into the unassigned planes 4 to 13, which Go runes
// hold just as well.
func symbol(i int) rune {
	if i < 0xFFFE {
		return rune(0xF0000 + i)
	}
	return rune(0x40000 + i - 0xFFFE)
}

func unsymbol(r rune) int {
	if r >= 0xF0000 {
		return int(r - 0xF0000)
	}
	return int(r-0x40000) + 0xFFFE
}
