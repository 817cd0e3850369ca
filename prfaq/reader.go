package prfaq

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// region is the part of the document a block is in.
type region int

const (
	inRelease region = iota // the press release and whatever precedes the FAQ
	inFAQ
	inAfter // after the FAQ: metrics, risks, appendices
)

// reader turns the block list into the document model: the top (title,
// headline, subheading), then sections, labels, FAQ questions and the
// metrics table in one pass, then the parts of a narrative press release.
type reader struct {
	*parser
	blocks []*block
	// plain is true for a document with no Markdown headings, where a
	// short line on its own is a section name.
	plain bool
	used  map[*block]bool // read by top: title, headline, subheading, labels

	region   region
	cur      *Section
	text     []string
	faqLevel int // level of the heading that opened the FAQ region
	question *Question
	qText    []string
	group    string // the bold label over a metrics bullet list

	// release holds the blocks of the press release (and what precedes
	// the FAQ), with the part of the section they sit in.
	release []proseBlock
	// faqs are the FAQ sections, in order.
	faqs []*Section
	// subUnsure: a plain sentence under the headline may be the
	// subheading.
	subUnsure bool
	// releaseLevel is the level of the "Press Release" heading, 0 when
	// there is none; releaseEnd is where the release proper ends (the
	// next heading as high), an index in release, -1 before it does.
	releaseLevel, releaseEnd int
	releaseLine              int // the label's line
	// headlineLate: the headline was found under a "Headline" heading,
	// which may come after the release's prose.
	headlineLate bool
	// taglineTop is a "Name: tagline" heading above a press-release label,
	// the headline when no announcement follows the label.
	taglineTop *block
	// quoted: the release holds an attributed quotation.
	quoted bool
	// classes memoizes classifyHeading: the top and the walk ask about
	// the same headings several times.
	classes map[string]headingClass
	// summaryAt is the summary's index in release plus one; 0 before it
	// is computed.
	summaryAt int
	// metricsTable is the first table outside a metrics section whose
	// header names metric fields: the metrics when no section holds them.
	metricsTable *block
}

// proseBlock is a block of the press release and the part its section
// (heading or label) names, if any.
type proseBlock struct {
	b    *block
	part Part
	// quotes: the block sits in a section of quotes that says whose
	// (part) or not (quotesAny).
	quotesAny bool
	// aside: the block sits under a heading about the product's own
	// limits ("Limitations", "Risks", "Non-goals"): what it says is not
	// the customer's problem.
	aside bool
}

func newReader(p *parser, blocks []*block) *reader {
	r := &reader{parser: p, blocks: blocks, used: map[*block]bool{}, plain: true, releaseEnd: -1}
	for _, b := range blocks {
		if b.kind == bHeading {
			r.plain = false
			break
		}
	}
	return r
}

// classify is classifyHeading, once per text.
func (r *reader) classify(text string) headingClass {
	if c, ok := r.classes[text]; ok {
		return c
	}
	if r.classes == nil {
		r.classes = map[string]headingClass{}
	}
	c := r.Parser.classify(text)
	r.classes[text] = c
	return c
}

// readSections reads the headline, the sections and the metrics table.
func (r *reader) readSections() {
	r.top()
	for _, b := range r.blocks {
		if r.used[b] {
			continue
		}
		r.block(b)
	}
	r.closeSection(r.idx.count())
	r.tableWithoutHeading()
}

// readParts reads, from the sections found, the press release's span and
// language and where each part is; it changes no section.
func (r *reader) readParts() {
	r.pressReleaseSpan()
	r.parts()
}

// isMetricsTable says whether a table's header names a target and two
// more metric fields (Baseline, By, Source): success metrics whatever the
// heading above them says.
func (r *reader) isMetricsTable(t *east.Table) bool {
	h, ok := t.FirstChild().(*east.TableHeader)
	if !ok {
		return false
	}
	fields := map[Field]bool{}
	for _, c := range r.columnsOf(h) {
		if c.Header != "" && r.columns[columnKey(c.Header)] != "" {
			fields[c.Field] = true
		}
	}
	return fields[FieldTarget] && len(fields) >= 3
}

// tableWithoutHeading makes a metrics table found under another heading
// the success metrics, when no section of the metrics kind was found.
func (r *reader) tableWithoutHeading() {
	spec := r.byPart[PartMetrics]
	if r.metricsTable == nil || spec == nil {
		return
	}
	for _, s := range r.doc.Sections {
		if s.Kind() == KindMetrics {
			return
		}
	}
	b := r.metricsTable
	sec := &Section{Spec: spec, Heading: Heading{Text: spec.Name, Level: labelLevel, Pos: b.pos, Pseudo: true}, EndLine: b.end}
	sec.Metrics = r.table(b.n.(*east.Table))
	r.doc.Sections = append(r.doc.Sections, sec)
}

func (r *reader) block(b *block) {
	switch {
	case b.kind == bHeading && strings.TrimSpace(b.text) == "":
		// "###" alone: no heading at all
	case b.kind == bHeading && strings.Contains(b.text, "\n") && isMetadata(b):
		// YAML front matter below a comment, read as a setext heading
	case b.kind == bHeading:
		r.onHeading(b, r.headingOf(b, false))
	case b.kind == bParagraph && r.isPlainHeading(b):
		r.onHeading(b, r.headingOf(b, true))
	case b.kind == bParagraph:
		r.onParagraph(b)
	case b.kind == bList:
		r.onList(b)
	case b.kind == bComment || b.kind == bRule:
		// neither text nor content
	default:
		r.onOther(b)
	}
}

// isPlainHeading says whether a one-line paragraph stands for a heading:
// a configured section name anywhere, or in a document without Markdown
// headings any short line that does not end a sentence (outside the FAQ,
// where such lines are questions and answers).
func (r *reader) isPlainHeading(b *block) bool {
	if b.lines != 1 || len(b.text) > maxPseudoHeading || b.emph != 0 {
		return false
	}
	if k := headingKey(b.text); r.sections[k] != nil {
		return true
	}
	if !r.plain || endsSentence(b.text) || Words(b.text) > 12 || isQuestionText(b.text) {
		return false
	}
	if r.region == inFAQ {
		c := r.classify(b.text)
		return c.faq != faqNone || len(c.parts) > 0
	}
	return true
}

// maxPseudoHeading is the longest line read as a plain-text section name.
const maxPseudoHeading = 80

func (r *reader) onHeading(b *block, h Heading) {
	inside := r.inFAQSection() && r.region == inFAQ && h.Level > r.faqLevel
	if inside && isQuestionText(h.Text) {
		r.openQuestion(&Question{Text: trimQuestionText(h.Text), Pos: h.Pos, Shape: "heading"})
		return // the common case in a long FAQ: no need to classify
	}
	c := r.classify(h.Text)
	if h.Pseudo && r.plain && Words(h.Text) > 4 {
		// A line of plain text names a part only when it is short:
		// "Challenges synthesizing conclusions" is a point, not a heading.
		c.parts, c.quotes = nil, false
	}
	if inside && r.namesMetrics(h.Text, c) {
		inside = false // "# FAQ" then "## Success Metrics": the FAQ is over
		r.region = inAfter
	}
	if inside {
		r.faqSubheading(b, h, c)
		return
	}
	if r.region == inFAQ && r.cur != nil && r.cur.Kind() == KindFAQ && isQuestionText(h.Text) && h.Level >= r.faqLevel {
		r.openQuestion(&Question{Text: trimQuestionText(h.Text), Pos: h.Pos, Shape: "heading"})
		return
	}
	spec, exact := r.specOf(h.Text, c)
	isFAQ := c.faq != faqNone || (spec != nil && spec.Kind == KindFAQ)
	if r.region == inFAQ && h.Level <= r.faqLevel && !isFAQ {
		r.region = inAfter // the FAQ is over
	}
	if r.region == inRelease && r.releaseLevel > 0 && h.Pos.Line > r.releaseLine && h.Level <= r.releaseLevel && r.releaseEnd < 0 && !c.release && !c.known() && spec == nil {
		r.releaseEnd = len(r.release) // the press release proper is over
	}
	switch {
	case (c.release || c.title) && !exact:
		r.closeSection(h.Pos.Line - 1)
		r.doc.Labels = append(r.doc.Labels, h)
	case isFAQ:
		r.openFAQ(h, spec, audienceOf(c.faq))
	case spec != nil && spec.Kind == KindProse && r.region == inAfter:
		// A press-release part after the FAQ ("## Summary" closing the
		// document) is not the press release's.
		r.openSection(h, nil)
	case spec != nil && (exact || r.mayOpen(h)):
		r.openSection(h, spec)
	case c.quotes && r.region == inRelease && r.mayOpen(h):
		r.openSection(h, nil)
		r.cur.Audience = "quotes"
	case r.cur != nil && r.cur.Spec != nil && h.Level > r.cur.Heading.Level:
		r.addText(h.Text, b) // a subheading inside a section
	default:
		if r.region == inFAQ && h.Level <= r.faqLevel {
			r.region = inAfter
		}
		r.openSection(h, nil)
	}
}

// namesMetrics says whether a heading names the success metrics.
func (r *reader) namesMetrics(text string, c headingClass) bool {
	if spec := r.sections[headingKey(text)]; spec != nil {
		return spec.Kind == KindMetrics
	}
	return slices.Contains(c.parts, PartMetrics)
}

// mayOpen says whether a heading whose words name a part (not its exact
// configured name) starts that part's section: not when it sits deeper
// inside a known section ("### Metrics dashboard" in the Solution).
func (r *reader) mayOpen(h Heading) bool {
	return r.cur == nil || r.cur.Spec == nil || h.Level <= r.cur.Heading.Level || r.cur.Heading.Pseudo
}

func (r *reader) inFAQSection() bool {
	return r.cur != nil && r.cur.Kind() == KindFAQ
}

// faqSubheading reads a heading inside a FAQ section: a sub-FAQ ("###
// Customer FAQ"), a question, or a topic group ("### Pricing").
func (r *reader) faqSubheading(b *block, h Heading, c headingClass) {
	switch {
	case c.faq != faqNone:
		parent := r.cur.Audience
		spec, _ := r.specOf(h.Text, c)
		aud := audienceOf(c.faq)
		if aud == "" {
			aud = parent
		}
		r.openFAQ(h, spec, aud)
	case isQuestionText(h.Text):
		r.openQuestion(&Question{Text: trimQuestionText(h.Text), Pos: h.Pos, Shape: "heading"})
	default:
		// A topic group; one that says whose questions it holds
		// ("Customer Questions", or just "Internal") is a sub-FAQ.
		k := normHeading(h.Text)
		f := faqOf(k)
		if f == faqNone && Words(k) <= 3 {
			f = audienceWords(k)
		}
		if f == faqInternal || f == faqExternal {
			spec, _ := r.specOf(h.Text, headingClass{faq: f})
			r.openFAQ(h, spec, audienceOf(f))
			return
		}
		r.closeQuestion()
		r.text = append(r.text, h.Text)
	}
}

func audienceOf(f faqKind) string {
	switch f {
	case faqExternal:
		return "external"
	case faqInternal:
		return "internal"
	}
	return ""
}

// openFAQ opens a FAQ section; the first one ends the press release.
func (r *reader) openFAQ(h Heading, spec *SectionSpec, audience string) {
	if spec == nil || spec.Kind != KindFAQ {
		spec = r.byPart[PartExternalFAQ]
		if audience == "internal" {
			spec = r.byPart[PartInternalFAQ]
		}
	}
	if r.region != inFAQ {
		r.region, r.faqLevel = inFAQ, h.Level
	}
	r.openSection(h, spec)
	if r.cur.Spec == nil {
		// No FAQ section configured: keep reading questions anyway.
		r.cur.Spec = &SectionSpec{Name: h.Text, Kind: KindFAQ}
	}
	r.cur.Audience = audience
	r.faqs = append(r.faqs, r.cur)
}

func (r *reader) openSection(h Heading, spec *SectionSpec) {
	r.closeSection(h.Pos.Line - 1)
	if r.region == inFAQ && (spec == nil || spec.Kind != KindFAQ) && h.Level <= r.faqLevel {
		r.region = inAfter
	}
	r.cur = &Section{Spec: spec, Heading: h}
}

func (r *reader) closeSection(endLine int) {
	r.closeQuestion()
	r.group = ""
	if r.cur == nil {
		return
	}
	r.cur.Text = strings.Join(r.text, "\n")
	r.cur.Words = Words(r.cur.Text)
	r.cur.EndLine = max(endLine, r.cur.Heading.Pos.Line)
	r.doc.Sections = append(r.doc.Sections, r.cur)
	r.cur, r.text = nil, nil
}

func (r *reader) onParagraph(b *block) {
	if r.inFAQSection() || r.region == inFAQ {
		if q, answer, ok := r.paragraphQuestion(b.n, b.pos); ok {
			r.ensureFAQ(b)
			r.openQuestion(q)
			r.addAnswer(answer, b, false)
			return
		}
	} else if r.region == inRelease && hasQPrefix(b) {
		// Questions with a Q: prefix and no FAQ heading above them: the
		// FAQ starts here (one FAQ for everyone).
		r.ensureFAQ(b)
		r.onParagraph(b)
		return
	}
	if r.cur != nil && r.cur.Kind() == KindMetrics && b.label != "" {
		r.group = b.label
	}
	if r.region == inRelease && b.label != "" && r.onLabel(b) {
		return
	}
	r.addText(b.text, b)
}

// onLabel reads a paragraph that opens with a bold label: one that names a
// part opens that part's section ("**The problem.** ..."); any other
// label ("**Key Features**") ends the section a previous label opened.
// It reports whether the paragraph was taken.
func (r *reader) onLabel(b *block) bool {
	c := r.classify(b.label)
	spec, exact := r.specOf(b.label, c)
	h := Heading{Text: b.label, Level: labelLevel, Pos: b.pos, Pseudo: true}
	switch {
	case c.faq != faqNone && b.rest == "":
		r.openFAQ(h, spec, audienceOf(c.faq))
		return true
	case spec != nil && spec.Kind != KindFAQ && (exact || len(c.parts) > 0):
		r.openSection(h, spec)
	case c.quotes:
		r.openSection(h, nil)
		r.cur.Audience = "quotes"
	case r.cur != nil && r.cur.Heading.Pseudo && r.cur.Heading.Level == labelLevel && r.cur.Kind() != KindMetrics:
		r.closeSection(b.pos.Line - 1)
		return false
	default:
		return false
	}
	if b.rest != "" {
		r.addText(b.rest, b)
	} else {
		r.record(b)
	}
	return true
}

// ensureFAQ opens a FAQ for questions found outside any: one FAQ for
// everyone, headed by the first question.
func (r *reader) ensureFAQ(b *block) {
	if r.inFAQSection() {
		return
	}
	r.openFAQ(Heading{Text: "FAQ", Level: labelLevel, Pos: b.pos, Pseudo: true}, nil, "")
	r.faqLevel = labelLevel
}

func hasQPrefix(b *block) bool {
	if b.kind != bParagraph {
		return false
	}
	t := b.text
	if b.label != "" {
		t = b.label + " " + b.rest
	}
	_, ok := trimQuestionPrefix(t)
	return ok
}

func (r *reader) onList(b *block) {
	if r.inFAQSection() || r.region == inFAQ {
		if r.listQuestions(b) {
			return
		}
	}
	if r.cur != nil && r.cur.Kind() == KindMetrics {
		r.bullets(b.n)
	}
	r.addText(b.text, b)
}

func (r *reader) onOther(b *block) {
	if b.kind == bQuote && (r.inFAQSection() || r.region == inFAQ) && b.n.ChildCount() == 1 && isQuestionText(b.text) && Words(b.text) <= 40 {
		// "> Who are the users?" in a FAQ: the question, quoted.
		r.ensureFAQ(b)
		r.openQuestion(&Question{Text: trimQuestionText(strings.Join(strings.Fields(b.text), " ")), Pos: b.pos, Shape: "quote"})
		return
	}
	if t, ok := b.n.(*east.Table); ok {
		switch {
		case r.cur != nil && r.cur.Kind() == KindMetrics && r.cur.Metrics == nil:
			r.cur.Metrics = r.table(t)
		case r.metricsTable == nil && r.isMetricsTable(t):
			r.metricsTable = b
		}
	}
	if b.kind == bCode || b.kind == bTable || b.kind == bHTML {
		if r.cur != nil {
			r.cur.Content = true
		}
		if r.question != nil {
			r.question.AnswerContent = true
			r.extendAnswer(b)
		}
	}
	r.addText(b.text, b)
}

// bullets keeps the items of a metrics list, each with the label above it.
func (r *reader) bullets(list ast.Node) {
	if r.cur.Metrics != nil {
		return
	}
	if r.cur.ListPos == nil {
		pos := r.nodePos(list)
		r.cur.ListPos = &pos
	}
	for it := list.FirstChild(); it != nil; it = it.NextSibling() {
		t := strings.TrimSpace(firstLine(plainText(it, r.src)))
		if t == "" {
			continue
		}
		r.cur.Bullets = append(r.cur.Bullets, Bullet{Text: t, Group: r.group, Pos: r.nodePos(it)})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// addText adds a block's text to the open section, the open question's
// answer, and the press release.
func (r *reader) addText(t string, b *block) {
	if r.cur != nil {
		r.text = append(r.text, t)
		if b.code {
			r.cur.Content = true
		}
	}
	if r.question != nil {
		r.addAnswer(t, b, b.code || b.kind == bTable)
		return
	}
	r.record(b)
}

// record keeps a press-release block for the narrative reading.
func (r *reader) record(b *block) {
	if r.region != inRelease || r.used[b] {
		return
	}
	pb := proseBlock{b: b}
	if r.cur != nil && r.cur.Spec != nil && r.cur.Kind() == KindMetrics {
		return
	}
	if r.cur != nil {
		pb.part = r.cur.Part()
		pb.quotesAny = r.cur.Audience == "quotes"
		pb.aside = pb.part == "" && hasCue(normHeading(r.cur.Heading.Text), asideHeadings)
	}
	r.release = append(r.release, pb)
	r.used[b] = true
}

func (r *reader) openQuestion(q *Question) {
	r.closeQuestion()
	q.AnswerPos, q.AnswerEnd = q.Pos, q.Pos.Line
	r.question = q
	r.cur.Questions = append(r.cur.Questions, q)
	r.text = append(r.text, q.Text)
}

func (r *reader) addAnswer(t string, b *block, content bool) {
	q := r.question
	if q == nil {
		return
	}
	if content {
		q.AnswerContent = true
	}
	if strings.TrimSpace(t) == "" {
		return
	}
	if len(r.qText) == 0 && b != nil && b.pos.Line > q.Pos.Line {
		q.AnswerPos = b.pos
	}
	r.qText = append(r.qText, t)
	r.extendAnswer(b)
}

func (r *reader) extendAnswer(b *block) {
	if b != nil && r.question != nil && b.end > r.question.AnswerEnd {
		r.question.AnswerEnd = b.end
	}
}

func (r *reader) closeQuestion() {
	if r.question != nil {
		r.question.Answer = strings.TrimSpace(strings.Join(r.qText, "\n"))
		r.question, r.qText = nil, nil
	}
}

// Part is the part the section holds, "" for one the configuration does
// not know.
func (s *Section) Part() Part {
	if s.Spec != nil {
		return s.Spec.Part
	}
	return ""
}

// pressReleaseSpan counts the press release's words: from the headline to
// the first FAQ section.
func (r *reader) pressReleaseSpan() {
	start := 0
	if h := r.doc.Headline; h != nil {
		start = h.Pos.Line
		r.doc.PressRelease.Words += Words(h.Text)
	}
	end := int(^uint(0) >> 1)
	if len(r.faqs) > 0 {
		end = r.faqs[0].Heading.Pos.Line
	}
	for _, b := range r.blocks {
		if b.pos.Line <= start || b.pos.Line >= end || b.kind == bComment {
			continue
		}
		if r.doc.Headline != nil && b.pos == r.doc.Headline.Pos {
			continue
		}
		r.doc.PressRelease.Words += Words(b.text)
	}
}
