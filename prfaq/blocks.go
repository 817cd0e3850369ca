package prfaq

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// blockKind is the shape of one top-level Markdown block.
type blockKind int

const (
	bParagraph blockKind = iota
	bHeading
	bList
	bQuote
	bCode
	bTable
	bRule
	bHTML
	bComment
)

// block is one top-level block with what the reader asks of it, computed
// once.
type block struct {
	n     ast.Node
	kind  blockKind
	pos   Pos
	end   int    // last line
	text  string // plain text, code left out
	level int    // heading level
	// Paragraphs:
	lines int    // source lines
	emph  int    // 1 wholly italic, 2 wholly bold, 0 neither
	label string // a leading bold run-in label ("The problem" of "**The problem.** ...")
	rest  string // the text after the label
	code  bool   // holds code (a code block, or a list or quote with one)
	link  bool   // holds a link or an autolink: a pointer somewhere
}

// blocks lists the document's top-level blocks.
func (p *parser) blocks(root ast.Node) []*block {
	var out []*block
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		out = append(out, p.newBlock(n))
	}
	return out
}

func (p *parser) newBlock(n ast.Node) *block {
	b := &block{n: n, pos: p.nodePos(n)}
	b.end = p.endLine(n, b.pos.Line)
	switch n := n.(type) {
	case *ast.Heading:
		b.kind, b.level = bHeading, n.Level
	case *ast.Paragraph, *ast.TextBlock:
		b.kind = bParagraph
		b.lines = n.Lines().Len()
		b.emph = wholeEmphasis(n, p.src)
		b.label, b.rest = runInLabel(n, p.src)
	case *ast.List:
		b.kind = bList
	case *ast.Blockquote:
		b.kind = bQuote
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.kind = bCode
	case *east.Table:
		b.kind = bTable
	case *ast.ThematicBreak:
		b.kind = bRule
	case *ast.HTMLBlock:
		b.kind = bHTML
		if n.HTMLBlockType == ast.HTMLBlockType2 {
			b.kind = bComment
		}
	}
	b.text = plainText(n, p.src)
	b.code, b.link = contains(n)
	b.code = b.code || b.kind == bCode
	return b
}

// nodePos is where a block starts (goldmark records it for every block).
func (p *parser) nodePos(n ast.Node) Pos {
	if off := n.Pos(); off >= 0 {
		return p.idx.pos(off)
	}
	return Pos{Line: 1, Column: 1}
}

// endLine is the last line with text of a block.
func (p *parser) endLine(n ast.Node, from int) int {
	end := from
	for c := n; c != nil && c.Type() == ast.TypeBlock; c = c.LastChild() {
		if l := c.Lines(); l.Len() > 0 {
			if e := p.idx.pos(max(l.At(l.Len()-1).Stop-1, l.At(l.Len()-1).Start)).Line; e > end {
				end = e
			}
		}
	}
	if _, ok := n.(*ast.FencedCodeBlock); ok {
		end++ // the closing fence
	}
	return min(end, max(p.idx.count(), from))
}

// contains says whether a block holds a code block, and a link or an
// autolink, in one walk.
func contains(n ast.Node) (code, link bool) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			code = true
		case *ast.Link, *ast.AutoLink:
			link = true
		}
		if code && link {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return code, link
}

func hasCode(n ast.Node) bool {
	code, _ := contains(n)
	return code
}

// inlines are a paragraph's children without whitespace-only text.
func inlines(n ast.Node, src []byte) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && strings.TrimSpace(string(t.Segment.Value(src))) == "" {
			continue
		}
		out = append(out, c)
	}
	return out
}

// wholeEmphasis says whether a paragraph is all italic (1) or all bold
// (2): a subheading, a bold headline line or a label.
func wholeEmphasis(n ast.Node, src []byte) int {
	level := 0
	for _, c := range inlines(n, src) {
		e, ok := c.(*ast.Emphasis)
		if !ok || (level != 0 && e.Level != level) {
			return 0
		}
		level = e.Level
	}
	return level
}

// runInLabel reads a paragraph that opens with a short bold phrase ("**The
// problem.** Aurora DSQL is ..." or "**Getting started:**"): the phrase
// without its closing punctuation, and the rest of the paragraph.
func runInLabel(n ast.Node, src []byte) (string, string) {
	cs := inlines(n, src)
	if len(cs) == 0 {
		return "", ""
	}
	e, ok := cs[0].(*ast.Emphasis)
	if !ok || e.Level != 2 {
		return "", ""
	}
	label := plainText(e, src)
	rest := restText(e, src)
	if strings.ContainsRune(label, '\n') || Words(label) > 8 || strings.HasSuffix(label, "?") {
		return "", ""
	}
	rest = strings.TrimLeft(rest, " .:：—–-")
	return strings.TrimRight(label, " .:：—–-"), strings.TrimSpace(rest)
}

// sentences splits text into sentences, at ". ", "! ", "? ", "。", "！",
// "？" and line breaks between paragraphs' lines that end one.
func sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		end := false
		switch r {
		case '。', '！', '？':
			end = true
		case '.', '!', '?':
			next := i + 1
			end = next >= len(text) || text[next] == ' ' || text[next] == '\n'
		}
		if end {
			out = append(out, strings.TrimSpace(text[start:i+utf8.RuneLen(r)]))
			start = i + utf8.RuneLen(r)
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// isCJK says whether r is written without spaces between words (Han,
// Hiragana, Katakana); Korean separates its words with spaces.
func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false // the common case, before the tables
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// endsSentence says whether a line ends as a sentence does.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " *_\"'”」)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '。' || r == '！'
}
