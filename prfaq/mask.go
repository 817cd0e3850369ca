package prfaq

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
)

// proseMask is a copy of src with what is not prose blanked, byte for
// byte (newlines kept): inline code, links with their destinations,
// autolinks and inline HTML comments. Template text left in a document is
// searched for in what remains, so that a link's text, a code argument
// ("<name>") or a URL is never taken for a placeholder.
func (p *parser) proseMask(root ast.Node, src []byte) *lineIndex {
	out := bytes.Clone(src)
	blankRange := func(from, to int) {
		for i := max(from, 0); i < to && i < len(out); i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			from, to := textRange(n)
			p.blankCode(out, from, to)
			return ast.WalkSkipChildren, nil
		case *ast.Link, *ast.Image:
			from, to := textRange(n)
			if from >= 0 {
				if _, img := n.(*ast.Image); img {
					from--
				}
				blankRange(from-1, linkEnd(p.src, to))
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				if bytes.HasPrefix(bytes.TrimSpace(seg.Value(p.src)), []byte("<!--")) || isComment(seg.Value(p.src)) {
					blankRange(seg.Start, seg.Stop)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return newLineIndex(out)
}

// bracketPhrase is a bracketed phrase of two words or more
// ("[TARGET GA DATE]", "[City, Date]"): a placeholder even in inline code,
// where a code argument is one token ("[OPTIONS]").
var bracketPhrase = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[[A-Z][\w'-]*(?:[ ,/]+[A-Za-z][\w'-]*)+\]`) })

// blankCode blanks inline code but for bracketed phrases in it.
func (p *parser) blankCode(out []byte, from, to int) {
	if from < 0 || to > len(out) || from >= to {
		return
	}
	keep := bracketPhrase().FindAllIndex(p.src[from:to], -1)
	for i := from; i < to; i++ {
		kept := false
		for _, k := range keep {
			if i-from >= k[0] && i-from < k[1] {
				kept = true
				break
			}
		}
		if !kept && out[i] != '\n' {
			out[i] = ' '
		}
	}
}

// textRange is the span of source bytes a node's text children cover; -1
// when it has none.
func textRange(n ast.Node) (int, int) {
	from, to := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if from < 0 || t.Segment.Start < from {
				from = t.Segment.Start
			}
			to = max(to, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return from, to
}

// linkEnd is the end of a link whose text ends at i: past "](dest)",
// "][ref]" or the closing "]".
func linkEnd(src []byte, i int) int {
	if i < 0 || i >= len(src) || src[i] != ']' {
		return i
	}
	i++
	if i >= len(src) {
		return i
	}
	open, closing := byte(0), byte(0)
	switch src[i] {
	case '(':
		open, closing = '(', ')'
	case '[':
		open, closing = '[', ']'
	default:
		return i
	}
	depth := 0
	for j := i; j < len(src) && j < i+4096; j++ {
		switch src[j] {
		case open:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return j + 1
			}
		case '\n':
			return j // a destination does not span lines
		}
	}
	return i
}

var (
	bareURL     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>()\[\]]+`) })
	footnoteRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^[^\]\s]+\]`) })
	taskBox     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+(\[[ xX]\])`) })
	// Every pattern of the package is compiled on first use: a run that
	// reads no document (version, a hook with no PRFAQ staged) need not
	// pay for them at start-up.
	linkDef       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S`) })
	inlineComment = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<!--.*?-->`) })
)

// maskLine blanks, in one line of the masked source, bare URLs, footnote
// references, a task-list box and a link definition.
func maskLine(s string) string {
	// Each expression runs only on a line that can match it: this runs
	// on every line of every document.
	bracket := strings.IndexByte(s, '[') >= 0
	if bracket && linkDef().MatchString(s) {
		return strings.Repeat(" ", len(s))
	}
	b := []byte(s)
	blank := func(loc []int) {
		for i := loc[0]; i < loc[1]; i++ {
			b[i] = ' '
		}
	}
	if strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "WWW.") {
		for _, loc := range bareURL().FindAllIndex(b, -1) {
			blank(loc)
		}
	}
	if strings.Contains(s, "[^") {
		for _, loc := range footnoteRef().FindAllIndex(b, -1) {
			blank(loc)
		}
	}
	if strings.Contains(s, "<!--") {
		for _, loc := range inlineComment().FindAllIndex(b, -1) {
			blank(loc)
		}
	}
	if bracket {
		if m := taskBox().FindSubmatchIndex(b); m != nil {
			blank(m[2:4])
		}
		for _, loc := range filledBracket().FindAllIndex(b, -1) {
			blank(loc) // "[Fargo, ND – March 13, 2026]": filled in, bracketed by style
		}
		blankEditorial(b)
	} else {
		blankHTML(b)
	}
	return string(b)
}

// choices is a run of two or more bracketed labels side by side.
var choices = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[[^\[\]\n]{1,80}\](?:[ \t]*\[[^\[\]\n]{1,80}\])+`)
})

// filledBracket is a bracketed phrase holding a year: a dateline filled
// in, not a blank.
var filledBracket = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[[^\[\]\n]*\b(?:19|20)\d\d\b[^\[\]\n]*\]`) })

// anyBracket is any bracketed phrase.
var anyBracket = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[[^\[\]\n]{1,200}\]`) })

// lowerBracket is a bracketed phrase in lower case.
var lowerBracket = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[[a-z][^\[\]\n]{0,200}\]`) })

// blankEditorial blanks, inside a quotation, a run of bracketed labels
// side by side ("[World Cup] [Premier League] [All]": the buttons of a
// screen the quotation shows) and lower-case brackets ("[sic]", "[the
// team]", "[interest]" in a message's wording), which are an editor's
// insertions or a template's slots, not blanks left to fill. A
// capitalised one ("[CEO Name]") still is one.
func blankEditorial(b []byte) {
	s := string(b)
	choices, anyBracket, lowerBracket := choices(), anyBracket(), lowerBracket()
	for _, q := range quotations(s) {
		inner := s[q[0]:q[1]]
		res := []*regexp.Regexp{choices, lowerBracket}
		if len(anyBracket.FindAllStringIndex(inner, 2)) == 2 {
			// "Hi [Name], I saw the [Job Title] opening": a message
			// written out as an example, its slots left for the reader.
			res = append(res, anyBracket)
		}
		for _, re := range res {
			for _, loc := range re.FindAllStringIndex(inner, -1) {
				for i := q[0] + loc[0]; i < q[0]+loc[1]; i++ {
					b[i] = ' '
				}
			}
		}
	}
	blankHTML(b)
}

// htmlTag is an HTML tag, opening or closing, with attributes written as
// attributes (name="value"): "<A quote from a leader>" is not one.
var htmlTag = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`</?([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z-]+\s*=[^<>]*)?\s*/?>`)
})

// blankHTML blanks the tags of real HTML elements (<br>, <details>), so
// that a pattern for a lower-case marker ("<name>", "<gym name>") finds
// only what no browser would render.
func blankHTML(b []byte) {
	if bytes.IndexByte(b, '<') < 0 {
		return
	}
	for _, m := range htmlTag().FindAllSubmatchIndex(b, -1) {
		if htmlElements()[strings.ToLower(string(b[m[2]:m[3]]))] {
			for i := m[0]; i < m[1]; i++ {
				b[i] = ' '
			}
		}
	}
}

// htmlElements are the element names HTML defines, as a set built on
// first use.
var htmlElements = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas
		caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption
		figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map
		mark menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp
		script section select small source span strike strong style sub summary sup svg table tbody td template textarea
		tfoot th thead time title tr track tt u ul var video wbr path g circle rect line polyline polygon`) {
		m[n] = true
	}
	return m
})
