package prfaq

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/prfaq/git-prfaq/internal/mdtable"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Parser reads PRFAQs for one Spec. It holds what every document needs
// (the Markdown parser, heading and column lookup tables), so that reading
// hundreds of documents builds them once. It is safe for concurrent use.
type Parser struct {
	spec     Spec
	md       gmparser.Parser
	sections map[string]*SectionSpec
	byPart   map[Part]*SectionSpec
	columns  map[string]Field

	// headings remembers classifyHeading's answers across the documents
	// read: the versions of a history, and the PRFAQs of one repository,
	// repeat the same few dozen headings, and classifying one was a
	// quarter of reading a document. Bounded (sharedHeadings, short texts
	// only): the headings are the input's.
	headings     sync.Map // string -> headingClass
	headingCount atomic.Int64
}

// sharedHeadings bounds Parser.headings; beyond it headings are classified
// every time, as they were before.
const (
	sharedHeadings   = 4096
	sharedHeadingLen = 200
)

// classify is classifyHeading, remembered across documents.
func (x *Parser) classify(text string) headingClass {
	if len(text) > sharedHeadingLen {
		return classifyHeading(text)
	}
	if c, ok := x.headings.Load(text); ok {
		return c.(headingClass)
	}
	c := classifyHeading(text)
	if x.headingCount.Load() < sharedHeadings {
		if _, loaded := x.headings.LoadOrStore(text, c); !loaded {
			x.headingCount.Add(1)
		}
	}
	return c
}

// NewParser prepares a Parser for spec.
func NewParser(spec Spec) *Parser {
	x := &Parser{
		spec:     spec,
		md:       newMarkdownParser(),
		sections: sectionNames(spec),
		byPart:   map[Part]*SectionSpec{},
		columns:  columnNames(spec),
	}
	for i := range spec.Sections {
		s := &spec.Sections[i]
		if s.Part != "" && x.byPart[s.Part] == nil {
			x.byPart[s.Part] = s
		}
	}
	return x
}

// newMarkdownParser is goldmark's CommonMark parser with GFM tables, as
// goldmark.New(goldmark.WithExtensions(extension.Table)) makes it, without
// importing goldmark's renderers and extension package, whose init costs
// every start of git-prfaq (see internal/mdtable).
func newMarkdownParser() gmparser.Parser {
	return gmparser.NewParser(append([]gmparser.Option{
		gmparser.WithBlockParsers(gmparser.DefaultBlockParsers()...),
		gmparser.WithInlineParsers(inlineParsers()...), // emphasis capped: see emphasis.go
		gmparser.WithParagraphTransformers(gmparser.DefaultParagraphTransformers()...),
	}, mdtable.ParserOptions()...)...)
}

// Parse reads one PRFAQ with a Parser made for spec.
func Parse(src []byte, spec Spec) (*Document, error) {
	return NewParser(spec).Parse(src)
}

// Parse reads one PRFAQ. It fails only for input that is not text (binary
// data, invalid UTF-8, absurd nesting); everything else, malformed front
// matter included, is a Document for the checker to judge.
func (x *Parser) Parse(src []byte) (*Document, error) {
	return x.parse(src, true)
}

// ParseMetrics reads one PRFAQ as Parse does, as far as its front matter,
// headings and sections (the success-metrics table included), and leaves
// out what only the checks read: Parts, Language, PressRelease, Lines and
// Suppressions stay empty. Those are read after the sections and change
// nothing in them, so the sections are the ones Parse gives. The history
// reads thousands of versions only to compare their metrics; this costs
// about a third less than Parse.
func (x *Parser) ParseMetrics(src []byte) (*Document, error) {
	return x.parse(src, false)
}

func (x *Parser) parse(src []byte, full bool) (*Document, error) {
	norm, err := normalize(src)
	if err != nil {
		return nil, err
	}
	fm, body := splitFrontMatter(norm)
	root := x.md.Parse(text.NewReader(body))
	p := &parser{
		Parser: x,
		src:    body,
		idx:    newLineIndex(body),
		doc:    &Document{FrontMatter: fm, Parts: map[string]Found{}},
	}
	p.doc.PressRelease.Pos = Pos{Line: 1, Column: 1}
	r := newReader(p, p.blocks(root))
	r.readSections()
	if !full {
		return p.doc, nil
	}
	r.readParts()
	p.doc.Suppressions = p.suppressions(root)
	p.doc.Lines = p.lines(root, newLineIndex(norm))
	return p.doc, nil
}

// parser is the state of reading one document.
type parser struct {
	*Parser
	src []byte
	idx *lineIndex
	doc *Document
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

// headingKey folds a heading for matching configured names: case,
// spacing, emphasis markers, a leading number ("3. ") and a trailing colon
// do not matter.
func headingKey(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "*_ ")
	s = strings.TrimRight(s, ": ")
	s = strings.TrimLeft(s, "0123456789")
	if len(s) > 0 && (s[0] == '.' || s[0] == ')') {
		s = s[1:]
	}
	return FoldSpace(s)
}

// specOf is the configured section a heading or label names exactly (by
// name or alias), else the section configured for the part its words
// name; nil when it names none.
func (p *parser) specOf(text string, c headingClass) (*SectionSpec, bool) {
	if s := p.sections[headingKey(text)]; s != nil {
		return s, true
	}
	switch c.faq {
	case faqInternal:
		return p.byPart[PartInternalFAQ], false
	case faqExternal, faqGeneric:
		return p.byPart[PartExternalFAQ], false
	}
	for _, part := range c.parts {
		if s := p.byPart[part]; s != nil {
			return s, false
		}
	}
	return nil, false
}

// headingOf is a block read as a heading.
func (p *parser) headingOf(b *block, pseudo bool) Heading {
	level := b.level
	if pseudo {
		level = labelLevel
	}
	t := b.text
	if b.kind == bParagraph && b.label != "" && b.rest == "" {
		t = b.label
	}
	return Heading{Text: strings.TrimRight(strings.TrimSpace(t), ": "), Level: level, Pos: b.pos, Pseudo: pseudo}
}

// labelLevel is the level of a section opened by a bold label or a
// plain-text section name: below every heading, so any heading ends it.
const labelLevel = 7
