package prfaq

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// table reads a success-metrics table. Columns are found by header name in
// any order; the metric's name is the "Metric" column or, failing that, the
// first column no other field claimed.
func (p *parser) table(t *east.Table) *MetricsTable {
	mt := &MetricsTable{Pos: p.idx.pos(t.Pos())}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if _, ok := row.(*east.TableHeader); ok {
			mt.Columns = p.columnsOf(row)
			continue
		}
		if m := p.metric(row, mt.Columns); m != nil {
			mt.Metrics = append(mt.Metrics, m)
		}
	}
	return mt
}

func (p *parser) columnsOf(header ast.Node) []Column {
	var cols []Column
	taken := map[Field]bool{}
	for c := header.FirstChild(); c != nil; c = c.NextSibling() {
		col := Column{Header: plainText(c, p.src), Pos: p.cellPos(c, header)}
		if f := p.columns[columnKey(col.Header)]; f != "" && !taken[f] {
			col.Field, taken[f] = f, true
		}
		cols = append(cols, col)
	}
	if !taken[FieldMetric] {
		for i := range cols {
			if cols[i].Field == "" {
				cols[i].Field = FieldMetric
				break
			}
		}
	}
	return cols
}

// columnKey folds a header: "Target (Q4)" and "target:" both mean target.
func columnKey(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	return FoldSpace(strings.Trim(s, "*_: \t"))
}

func (p *parser) metric(row ast.Node, cols []Column) *Metric {
	m := &Metric{Pos: p.idx.pos(row.Pos()), Cells: map[Field]Cell{}}
	empty := true
	i := 0
	for c := row.FirstChild(); c != nil && i < len(cols); c, i = c.NextSibling(), i+1 {
		cell := Cell{Header: cols[i].Header, Text: plainText(c, p.src), Pos: p.cellPos(c, row)}
		empty = empty && cell.Text == ""
		if f := cols[i].Field; f != "" {
			m.Cells[f] = cell
		} else {
			m.Extra = append(m.Extra, cell)
		}
	}
	for ; i < len(cols); i++ { // GFM pads short rows with empty cells
		if f := cols[i].Field; f != "" {
			m.Cells[f] = Cell{Header: cols[i].Header, Pos: m.Pos}
		}
	}
	if empty {
		return nil
	}
	m.Name = m.Cells[FieldMetric].Text
	m.Key = FoldSpace(m.Name)
	return m
}

// cellPos is where a cell's text starts, or its row when goldmark kept no
// position for an empty cell.
func (p *parser) cellPos(cell, row ast.Node) Pos {
	if off := cell.Pos(); off >= 0 {
		for off < len(p.src) && (p.src[off] == ' ' || p.src[off] == '\t') {
			off++ // point at the text, not the padding after the pipe
		}
		return p.idx.pos(off)
	}
	return p.idx.pos(row.Pos())
}

// lines lists the source lines, marking those inside code blocks and HTML
// comments, where template text is quoted rather than left in place, and
// blanking in each line what is not prose (see Line.Prose).
// Front matter lines come from the original (not blanked) source: a
// placeholder such as owner = "<Owner>" must be found there too.
func (p *parser) lines(root ast.Node, orig *lineIndex) []Line {
	n := orig.count()
	out := make([]Line, n)
	prose := p.proseMask(root, orig.src)
	for i := range out {
		out[i] = Line{Number: i + 1, Text: orig.line(i + 1)}
		out[i].Prose = maskLine(prose.line(i + 1))
	}
	_ = ast.Walk(root, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || !isQuoted(node) {
			return ast.WalkContinue, nil
		}
		from, to := p.blockLines(node)
		for l := from; l <= to && l <= n; l++ {
			out[l-1].Code = true
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

func isQuoted(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	case *ast.HTMLBlock:
		return n.HTMLBlockType == ast.HTMLBlockType2 // <!-- comment -->
	}
	return false
}

// blockLines is the first and last line of a code block or comment,
// fences included.
func (p *parser) blockLines(n ast.Node) (int, int) {
	from := p.idx.pos(n.Pos()).Line
	to := from
	if lines := n.Lines(); lines.Len() > 0 {
		to = p.idx.pos(lines.At(lines.Len()-1).Stop - 1).Line
	}
	if _, ok := n.(*ast.FencedCodeBlock); ok {
		to++ // the closing fence
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		to = p.idx.pos(h.ClosureLine.Start).Line
	}
	return from, to
}
