package prfaq

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// labels are headings that name a part of a PRFAQ without being one of its
// sections: real documents put "## Press Release" above the headline.
var labels = map[string]bool{"press release": true, "the press release": true, "pr": true, "pr/faq": true, "prfaq": true, "pr-faq": true}

// Parser reads PRFAQs for one Spec. It holds what every document needs
// (the Markdown parser, heading and column lookup tables), so that reading
// hundreds of documents builds them once. It is safe for concurrent use.
type Parser struct {
	md       goldmark.Markdown
	sections map[string]*SectionSpec
	columns  map[string]Field
}

// NewParser prepares a Parser for spec.
func NewParser(spec Spec) *Parser {
	return &Parser{
		md:       goldmark.New(goldmark.WithExtensions(extension.Table)),
		sections: sectionNames(spec),
		columns:  columnNames(spec),
	}
}

// Parse reads one PRFAQ with a Parser made for spec.
func Parse(src []byte, spec Spec) (*Document, error) {
	return NewParser(spec).Parse(src)
}

// Parse reads one PRFAQ. It fails only for input that is not text (binary
// data, invalid UTF-8, absurd nesting); everything else, malformed front
// matter included, is a Document for the checker to judge.
func (x *Parser) Parse(src []byte) (*Document, error) {
	norm, err := normalize(src)
	if err != nil {
		return nil, err
	}
	fm, body := splitFrontMatter(norm)
	root := x.md.Parser().Parse(text.NewReader(body))
	p := &parser{
		src:      body,
		idx:      newLineIndex(body),
		sections: x.sections,
		columns:  x.columns,
		doc:      &Document{FrontMatter: fm},
		inPR:     true, // until the first FAQ section, headline or not
	}
	p.doc.PressRelease.Pos = Pos{Line: 1, Column: 1}
	p.walk(root)
	p.doc.Lines = p.lines(root, newLineIndex(norm))
	return p.doc, nil
}

type parser struct {
	src      []byte
	idx      *lineIndex
	sections map[string]*SectionSpec
	columns  map[string]Field
	doc      *Document

	cur      *Section  // the open section, nil before the first one
	question *Question // the open FAQ question
	text     []string  // the open section's body text
	inPR     bool      // inside the press release
	prDone   bool      // the first FAQ section has begun
}

func sectionNames(spec Spec) map[string]*SectionSpec {
	m := map[string]*SectionSpec{}
	for i := range spec.Sections {
		s := &spec.Sections[i]
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			if k := headingKey(name); m[k] == nil {
				m[k] = s
			}
		}
	}
	return m
}

func columnNames(spec Spec) map[string]Field {
	m := map[string]Field{}
	for _, f := range Fields {
		for _, name := range spec.Columns[f] {
			if k := columnKey(name); m[k] == "" {
				m[k] = f
			}
		}
	}
	return m
}

// headingKey folds a heading for matching: case, spacing, emphasis
// markers, a leading number ("3. ") and a trailing colon do not matter.
func headingKey(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "*_ ")
	s = strings.TrimRight(s, ": ")
	s = strings.TrimLeft(s, "0123456789")
	if len(s) > 0 && (s[0] == '.' || s[0] == ')') {
		s = s[1:]
	}
	return FoldSpace(s)
}

func (p *parser) walk(root ast.Node) {
	for b := root.FirstChild(); b != nil; b = b.NextSibling() {
		if h, ok := p.heading(b); ok {
			p.onHeading(h, b)
			continue
		}
		p.onBlock(b)
	}
	p.closeSection(p.idx.count())
}

// heading reports whether block b is a heading, or a one-line paragraph
// that is only a known section name (how plain-text PRFAQs mark sections).
func (p *parser) heading(b ast.Node) (Heading, bool) {
	pos := p.idx.pos(b.Pos())
	switch n := b.(type) {
	case *ast.Heading:
		return Heading{Text: plainText(n, p.src), Level: n.Level, Pos: pos}, true
	case *ast.Paragraph:
		// A section name fits on one short line; most paragraphs don't.
		if n.Lines().Len() != 1 || segmentLen(n.Lines().At(0)) > maxPseudoHeading {
			return Heading{}, false
		}
		t := plainText(n, p.src)
		if k := headingKey(t); p.sections[k] != nil || labels[k] {
			return Heading{Text: strings.TrimRight(t, ": "), Level: 2, Pos: pos, Pseudo: true}, true
		}
	}
	return Heading{}, false
}

// maxPseudoHeading is the longest line read as a plain-text section name.
const maxPseudoHeading = 80

func (p *parser) onHeading(h Heading, b ast.Node) {
	key := headingKey(h.Text)
	switch {
	case p.sections[key] != nil:
		p.openSection(h, p.sections[key])
	case labels[key]:
		p.closeSection(h.Pos.Line - 1)
		p.doc.Labels = append(p.doc.Labels, h)
	case h.Level == 1 && p.doc.Headline == nil:
		p.closeSection(h.Pos.Line - 1)
		p.doc.Headline = &h
		p.doc.PressRelease.Pos = h.Pos
	case p.cur != nil && h.Level > p.cur.Heading.Level && p.cur.Kind() == KindFAQ:
		p.openQuestion(&Question{Text: h.Text, Pos: h.Pos, Shape: "heading"})
		p.addText(h.Text, b)
	case p.cur != nil && h.Level > p.cur.Heading.Level:
		p.addText(h.Text, b) // a subheading inside a section
	default:
		p.openSection(h, nil)
	}
}

func (p *parser) openSection(h Heading, spec *SectionSpec) {
	p.closeSection(h.Pos.Line - 1)
	if spec != nil && spec.Kind == KindFAQ && !p.prDone {
		p.prDone, p.inPR = true, false
	}
	if p.inPR {
		p.doc.PressRelease.Words += Words(h.Text)
	}
	p.cur = &Section{Spec: spec, Heading: h}
}

func (p *parser) closeSection(endLine int) {
	p.closeQuestion()
	if p.cur == nil {
		return
	}
	p.cur.Text = strings.Join(p.text, "\n")
	p.cur.Words = Words(p.cur.Text)
	p.cur.EndLine = max(endLine, p.cur.Heading.Pos.Line)
	p.doc.Sections = append(p.doc.Sections, p.cur)
	p.cur, p.text = nil, nil
}

func (p *parser) onBlock(b ast.Node) {
	if p.cur != nil && p.cur.Kind() == KindFAQ {
		if q, answer, ok := p.paragraphQuestion(b); ok {
			p.openQuestion(q)
			p.addAnswer(answer)
			p.text = append(p.text, q.Text)
			if p.inPR {
				p.doc.PressRelease.Words += Words(q.Text)
			}
			p.addText(answer, b)
			return
		}
	}
	if p.cur != nil && p.cur.Kind() == KindMetrics {
		p.readMetrics(b)
	}
	t := plainText(b, p.src)
	p.addAnswer(t)
	p.addText(t, b)
}

func (p *parser) addText(t string, b ast.Node) {
	if p.inPR {
		p.doc.PressRelease.Words += Words(t)
	}
	if p.cur != nil {
		p.text = append(p.text, t)
	}
}

func (p *parser) readMetrics(b ast.Node) {
	switch n := b.(type) {
	case *east.Table:
		if p.cur.Metrics == nil {
			p.cur.Metrics = p.table(n)
		}
	case *ast.List:
		if p.cur.ListPos == nil && p.cur.Metrics == nil {
			pos := p.idx.pos(n.Pos())
			p.cur.ListPos = &pos
		}
		if p.cur.Metrics == nil {
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				p.cur.Bullets = append(p.cur.Bullets, Bullet{Text: plainText(it, p.src), Pos: p.idx.pos(it.Pos())})
			}
		}
	}
}

func (p *parser) openQuestion(q *Question) {
	p.closeQuestion()
	p.question = q
	p.cur.Questions = append(p.cur.Questions, q)
}

func (p *parser) addAnswer(t string) {
	if p.question == nil || strings.TrimSpace(t) == "" {
		return
	}
	if p.question.Answer != "" {
		p.question.Answer += "\n"
	}
	p.question.Answer += t
}

func (p *parser) closeQuestion() {
	if p.question != nil {
		p.question.Answer = strings.TrimSpace(p.question.Answer)
		p.question = nil
	}
}

func segmentLen(s text.Segment) int { return s.Stop - s.Start }
