// Package prfaq holds the PRFAQ document model and its Markdown parser.
//
// Parse turns the bytes of one file into a Document: front matter, headline,
// sections, FAQ questions with their answers, and the success-metrics table,
// each with the line and column it starts at. The parser never judges a
// document; the check package does, so every shape a real team writes can be
// read first and explained afterwards.
package prfaq

// Pos is a 1-based line and column (in characters) in the original file.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Document is one parsed PRFAQ file.
type Document struct {
	FrontMatter FrontMatter
	// Title is the document's title when it is not its headline ("#
	// PRFAQ: Ledger", "# Press Release and FAQ"), nil otherwise.
	Title *Heading
	// Name is a line in the headline's place that only names the product
	// ("### Ledger"), nil otherwise.
	Name *Heading
	// Headline is the announcement: the H1, or the heading, bold line or
	// plain line under a title or a "Press Release" label; nil when there
	// is none.
	Headline *Heading
	// Subheading is the one line under the headline (or the title), in
	// italics, bold, or plain under a title; nil when none.
	Subheading *Heading
	// Parts says, for each configured section that names a part, whether
	// and where the reader found it: by heading, by a bold run-in label,
	// or in the prose of a narrative press release. Keyed by section name.
	Parts map[string]Found
	// Language is the language of the press release's prose as far as the
	// reader can tell ("en", "de", "ja", "ko"), "" when it cannot.
	Language string
	// Labels are headings that only label a part of the document
	// ("Press Release"), kept so messages can point at them.
	Labels []Heading
	// Sections in document order, known and unknown.
	Sections []*Section
	// PressRelease spans from the headline to the first FAQ section.
	PressRelease Span
	// Lines are the source lines, for rules that scan text.
	Lines []Line
	// Suppressions are the prfaq-ignore comments, in document order.
	Suppressions []Suppression
}

// Presence is what the reader can say about a part.
type Presence int

const (
	// Absent: the reader looked everywhere the part can be written and
	// did not find it.
	Absent Presence = iota
	// Present: found, by heading, label or prose.
	Present
	// Unsure: not found by heading or label, in prose the reader cannot
	// read (a language it has no words for); nothing should be reported.
	Unsure
)

// Found is how a part was found.
type Found struct {
	Presence Presence
	// How: "heading", "label" (a bold run-in label or a bold line),
	// "prose" (a paragraph of a narrative press release), "line" (the
	// subheading under the headline) or "question" (an internal FAQ
	// found by its stakeholder questions in one FAQ for everyone).
	How string
	Pos Pos
	// Section is the section holding the part when found by heading or
	// label, nil when found in prose.
	Section *Section
	// Undivided is set on the internal FAQ when the document's FAQ is one
	// FAQ for everyone: its questions count as the external FAQ.
	Undivided bool
}

// FrontMatter is the optional TOML block between +++ lines.
type FrontMatter struct {
	Present bool
	Pos     Pos
	EndLine int // the closing +++ line
	Status  Status
	// StatusPos is where the status value is written (the opening line
	// when there is no status key).
	StatusPos Pos
	Owner     string
	Fields    map[string]any
	// Err is set when the block cannot be read; the rest is then empty.
	Err *FrontMatterError
}

// FrontMatterError says why the front matter could not be read.
type FrontMatterError struct {
	Pos Pos
	Msg string
}

func (e *FrontMatterError) Error() string { return e.Msg }

// Heading is a Markdown heading (ATX or setext) or a paragraph that is only
// a section name, as plain-text PRFAQs write them.
type Heading struct {
	Text  string
	Level int
	Pos   Pos
	// Pseudo is true for a paragraph standing in for a heading.
	Pseudo bool
}

// Section is the content under a heading, up to the next heading of the same
// or a higher level or the next known section.
type Section struct {
	// Spec is the matched section description; nil for a heading the
	// configuration does not know.
	Spec    *SectionSpec
	Heading Heading
	// Text is the plain text of the body, with raw HTML kept (template
	// markers such as <Headline> parse as HTML) and comments dropped.
	Text  string
	Words int
	// EndLine is the last line of the section.
	EndLine int
	// Questions are the FAQ entries, for a FAQ section.
	Questions []*Question
	// Audience is whom a FAQ section answers: "external", "internal", or
	// "" for one FAQ for everyone (or a FAQ that holds the other two).
	Audience string
	// Content is true when the body holds something besides words: code,
	// a table, an image (a Getting Started that is only commands is not
	// empty).
	Content bool
	// Metrics is the first table of a metrics section, nil when absent.
	Metrics *MetricsTable
	// ListPos is where a metrics section has a bullet list instead of a
	// table (the common shape in the wild), nil otherwise.
	ListPos *Pos
	// Bullets are the items of a metrics section's bullet lists when it
	// has no table, in document order, so a message can propose the table
	// pre-filled from them.
	Bullets []Bullet
}

// Bullet is one list item of a metrics section written as a list.
type Bullet struct {
	Text string
	// Group is the label the item sits under ("Launch Success (Week 1)"),
	// "" when none.
	Group string
	Pos   Pos
}

// Name is the configured name of a known section, else its heading text.
func (s *Section) Name() string {
	if s.Spec != nil {
		return s.Spec.Name
	}
	return s.Heading.Text
}

// Kind is the section's kind; unknown sections are prose.
func (s *Section) Kind() SectionKind {
	if s.Spec != nil {
		return s.Spec.Kind
	}
	return KindProse
}

// Question is one FAQ entry.
type Question struct {
	Text   string
	Pos    Pos
	Answer string
	// AnswerPos is where the answer starts (the question's position when
	// it has none); AnswerEnd its last line.
	AnswerPos Pos
	AnswerEnd int
	// AnswerContent is true when the answer holds code, a table or a list
	// besides (or instead of) prose: that is an answer.
	AnswerContent bool
	// Shape is how the question was written: "heading", "bold",
	// "q-prefix" or "list".
	Shape string
}

// MetricsTable is the success-metrics table.
type MetricsTable struct {
	Pos     Pos
	Columns []Column
	Metrics []*Metric
}

// Column is one header cell; Field is empty for an extra column.
type Column struct {
	Header string
	Field  Field
	Pos    Pos
}

// HasField reports whether some column holds f.
func (t *MetricsTable) HasField(f Field) bool {
	for _, c := range t.Columns {
		if c.Field == f {
			return true
		}
	}
	return false
}

// Metric is one row of the table.
type Metric struct {
	Name string
	// Key matches the same metric across versions: lower-cased,
	// whitespace folded.
	Key string
	Pos Pos
	// Cells holds the known fields; a missing column has no entry.
	Cells map[Field]Cell
	// Extra keeps the other columns by header, in table order.
	Extra []Cell
}

// Cell is one table cell.
type Cell struct {
	Header string
	Text   string
	Pos    Pos
}

// Get returns the cell of field f and whether the table has that column.
func (m *Metric) Get(f Field) (Cell, bool) {
	c, ok := m.Cells[f]
	return c, ok
}

// Span is a stretch of the document with its word count.
type Span struct {
	Pos   Pos
	Words int
}

// Line is one source line.
type Line struct {
	Number int
	Text   string
	// Code is true inside a code block or an HTML comment, where template
	// text is quoted rather than left in.
	Code bool
	// Prose is Text with what is not prose blanked (same length, so
	// offsets hold): inline code, links and their destinations, bare URLs,
	// footnote references, task-list boxes, link definitions and HTML
	// comments. Template text is searched for here.
	Prose string
}
