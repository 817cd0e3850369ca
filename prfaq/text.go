package prfaq

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// plainText renders a node's text without markup. Raw HTML is kept because
// template markers such as <Headline> parse as HTML; comments are dropped.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeText(&b, n, src)
	return strings.TrimSpace(b.String())
}

func writeText(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte('\n')
		}
		return
	case *ast.String:
		b.Write(n.Value)
		return
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			if v := seg.Value(src); !isComment(v) {
				b.Write(v)
			}
		}
		return
	case *ast.AutoLink:
		b.Write(n.URL(src))
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return // quoted material, not prose
	case *ast.HTMLBlock:
		writeLines(b, n, src)
		return
	}
	if n.Type() == ast.TypeBlock && n.ChildCount() == 0 {
		writeLines(b, n, src)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, src)
		if c.Type() == ast.TypeBlock || isCell(c) {
			b.WriteByte('\n')
		}
	}
}

func isCell(n ast.Node) bool {
	_, ok := n.(*east.TableCell)
	return ok
}

func writeLines(b *strings.Builder, n ast.Node, src []byte) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if v := seg.Value(src); !isComment(v) {
			b.Write(v)
		}
	}
}

func isComment(v []byte) bool {
	s := strings.TrimSpace(string(v))
	return strings.HasPrefix(s, "<!--") || strings.HasSuffix(s, "-->")
}

// Words counts words the way a reader would: runs of letters or digits,
// with inner punctuation (don't, 1,200, e-mail) kept in one word. Chinese,
// Japanese and Korean, written without spaces, count two characters as a
// word, so that word limits mean the same in every script.
func Words(s string) int {
	n, cjk, in := 0, 0, false
	for _, r := range s {
		if isCJK(r) {
			cjk++
			in = false
			continue
		}
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		if w {
			in = true
		} else if unicode.IsSpace(r) {
			in = false
		}
	}
	return n + (cjk+1)/2
}

// FoldSpace lower-cases s and folds runs of whitespace into one space: the
// key that matches a metric or heading across versions and spellings.
func FoldSpace(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
