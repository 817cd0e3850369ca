package prfaq

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Suppression is one inline suppression comment:
//
//	<!-- prfaq-ignore RULE[, RULE]: reason -->       the next block
//	<!-- prfaq-ignore-file RULE[, RULE]: reason -->  the whole document
//
// The reader only reads them; the check package judges them (a rule it
// does not know, no reason, nothing suppressed) and applies them.
type Suppression struct {
	// Pos is where the comment starts.
	Pos Pos
	// Rules are the rule identifiers named, lower-cased, in order.
	Rules []string
	// Reason is the text after the colon, spaces folded; "" when none.
	Reason string
	// File is true for prfaq-ignore-file.
	File bool
	// From and To are the first and last line of the block the comment
	// covers: the next block for a comment on lines of its own (the first
	// item of a list, a FAQ question with its answer), the block it is in
	// for a comment inside one (a paragraph, a heading, a list item, a
	// table row), every line for prfaq-ignore-file. Both are 0 when there
	// is no block after the comment.
	From, To int
}

// Covers reports whether the suppression covers line for rule id.
func (s Suppression) Covers(id string, line int) bool {
	if s.From == 0 || line < s.From || line > s.To {
		return false
	}
	for _, r := range s.Rules {
		if r == id {
			return true
		}
	}
	return false
}

// suppressComment is one comment that is a suppression, its words
// captured: "-file" or not, then the rest.
var suppressComment = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--\s*prfaq-ignore(-file)?(\s.*?)?\s*-->`) })

// parseSuppressions reads every comment in raw that is a suppression;
// off is raw's offset in the body, for positions.
func (p *parser) parseSuppressions(raw []byte, off int) []Suppression {
	if !bytes.Contains(raw, []byte("prfaq-ignore")) {
		return nil
	}
	var out []Suppression
	for _, m := range suppressComment().FindAllSubmatchIndex(raw, -1) {
		s := Suppression{Pos: p.idx.pos(off + m[0]), File: m[2] >= 0}
		var rest string
		if m[4] >= 0 {
			rest = string(raw[m[4]:m[5]])
		}
		names, reason, _ := strings.Cut(rest, ":")
		s.Reason = strings.Join(strings.Fields(reason), " ")
		for _, r := range strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
			s.Rules = append(s.Rules, strings.ToLower(r))
		}
		out = append(out, s)
	}
	return out
}

// suppressions finds the suppression comments of the document (never in
// code) with the lines each covers.
func (p *parser) suppressions(root ast.Node) []Suppression {
	if !bytes.Contains(p.src, []byte("prfaq-ignore")) {
		return nil // most documents: no walk
	}
	var out []Suppression
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if n.HTMLBlockType != ast.HTMLBlockType2 {
				return ast.WalkSkipChildren, nil
			}
			var raw bytes.Buffer
			start := -1
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				if start < 0 {
					start = seg.Start
				}
				// Lines of an HTML block are contiguous in the source
				// but for a container's indentation; keep offsets by
				// padding the gap.
				for raw.Len() < seg.Start-start {
					raw.WriteByte(' ')
				}
				raw.Write(seg.Value(p.src))
			}
			if n.HasClosure() {
				for raw.Len() < n.ClosureLine.Start-start {
					raw.WriteByte(' ')
				}
				raw.Write(n.ClosureLine.Value(p.src))
			}
			ss := p.parseSuppressions(raw.Bytes(), start)
			from, to := p.nextBlock(n)
			for i := range ss {
				ss[i].From, ss[i].To = from, to
			}
			out = append(out, ss...)
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				ss := p.parseSuppressions(seg.Value(p.src), seg.Start)
				if len(ss) == 0 {
					continue
				}
				from, to := p.enclosingBlock(n)
				for j := range ss {
					ss[j].From, ss[j].To = from, to
				}
				out = append(out, ss...)
			}
		}
		return ast.WalkContinue, nil
	})
	last := max(p.idx.count(), 1)
	for i := range out {
		if out[i].File {
			out[i].From, out[i].To = 1, last
			continue
		}
		out[i].To = p.withAnswer(out[i].From, out[i].To)
	}
	return out
}

// nextBlock is the lines of the block after a comment on lines of its own:
// the next sibling that is not itself a comment (stacked suppressions
// cover the same block), the first item of a list; 0, 0 when none.
func (p *parser) nextBlock(n ast.Node) (int, int) {
	next := n.NextSibling()
	for next != nil {
		if h, ok := next.(*ast.HTMLBlock); !ok || h.HTMLBlockType != ast.HTMLBlockType2 {
			break
		}
		next = next.NextSibling()
	}
	if next == nil {
		return 0, 0
	}
	if l, ok := next.(*ast.List); ok && l.FirstChild() != nil {
		next = l.FirstChild()
	}
	return p.linesOf(next)
}

// enclosingBlock is the lines of the block an inline comment is in: the
// table row, the list item, else the paragraph or heading.
func (p *parser) enclosingBlock(n ast.Node) (int, int) {
	var block ast.Node
	for a := n.Parent(); a != nil; a = a.Parent() {
		switch a.(type) {
		case *east.TableRow, *east.TableHeader:
			// A row is one line: the comment's own.
			line := p.idx.pos(n.(*ast.RawHTML).Segments.At(0).Start).Line
			return line, line
		case *ast.ListItem:
			return p.linesOf(a)
		case *ast.Document:
			if block == nil {
				return 0, 0
			}
			return p.linesOf(block)
		}
		if block == nil && a.Type() == ast.TypeBlock {
			block = a
		}
	}
	return 0, 0
}

// linesOf is a block's first and last line.
func (p *parser) linesOf(n ast.Node) (int, int) {
	from := p.firstLine(n)
	if from == 0 {
		return 0, 0
	}
	return from, max(p.endLine(n, from), from)
}

// firstLine is the line a block starts on; goldmark records no position
// for some (a list item, a table row), so their first text is asked.
func (p *parser) firstLine(n ast.Node) int {
	if off := n.Pos(); off >= 0 {
		return p.idx.pos(off).Line
	}
	line := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if off := c.Pos(); off >= 0 {
			line = p.idx.pos(off).Line
			return ast.WalkStop, nil
		}
		if l := c.Lines(); c.Type() == ast.TypeBlock && l.Len() > 0 {
			line = p.idx.pos(l.At(0).Start).Line
			return ast.WalkStop, nil
		}
		if t, ok := c.(*ast.Text); ok {
			line = p.idx.pos(t.Segment.Start).Line
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return line
}

// withAnswer extends a block that holds a FAQ question to the end of its
// answer: a suppression before a question covers the question and answer.
func (p *parser) withAnswer(from, to int) int {
	if from == 0 {
		return to
	}
	for _, s := range p.doc.Sections {
		for _, q := range s.Questions {
			if q.Pos.Line >= from && q.Pos.Line <= to {
				to = max(to, q.AnswerEnd)
			}
		}
	}
	return to
}
