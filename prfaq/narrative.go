package prfaq

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// parts decides, for every configured section that names a part, whether
// the document has it: by heading or label first, else in the prose of the
// press release (and whatever precedes the FAQ), else it is absent, or
// Unsure when the prose is in a language the reader has no words for.
func (r *reader) parts() {
	r.doc.Language = r.language()
	var prose map[Part]Found // read only when a part lacks a heading or label
	for i := range r.spec.Sections {
		s := &r.spec.Sections[i]
		if prose == nil && r.needsProse(s) {
			prose = r.narrative()
		}
		r.doc.Parts[s.Name] = r.partFound(s, prose)
	}
}

// needsProse says whether finding s takes reading the prose: a press
// release part that no heading or label holds.
func (r *reader) needsProse(s *SectionSpec) bool {
	if s.Part == "" || s.Part.Kind() != KindProse {
		return false
	}
	for _, sec := range r.doc.Sections {
		if sec.Spec == s {
			return false
		}
	}
	return true
}

func (r *reader) partFound(s *SectionSpec, prose map[Part]Found) Found {
	if s.Part == PartExternalFAQ || s.Part == PartInternalFAQ {
		return r.faqFound(s)
	}
	for _, sec := range r.doc.Sections {
		if sec.Spec == s {
			how := "heading"
			if sec.Heading.Pseudo {
				how = "label"
			}
			return Found{Presence: Present, How: how, Pos: sec.Heading.Pos, Section: sec}
		}
	}
	switch {
	case s.Part == "" || s.Part == PartMetrics:
		return Found{}
	case s.Part == PartSubheading && r.doc.Subheading != nil:
		return Found{Presence: Present, How: "line", Pos: r.doc.Subheading.Pos}
	case s.Part == PartSubheading && r.subUnsure:
		return Found{Presence: Unsure}
	}
	if f, ok := prose[s.Part]; ok {
		return f
	}
	if r.doc.Language == "" {
		return Found{Presence: Unsure}
	}
	if (s.Part == PartLeaderQuote || s.Part == PartCustomerQuote) && r.quoted {
		// Whose quote it is rests on roles and names the reader may
		// misread: with quotes present, it does not claim one is missing.
		return Found{Presence: Unsure}
	}
	return Found{}
}

// faqFound finds the external or internal FAQ. One FAQ for everyone (a
// "FAQ" heading, or questions with no heading) is the external FAQ; the
// internal FAQ must be its own section or sub-section, and when there is
// none in an undivided FAQ the finding says so.
func (r *reader) faqFound(s *SectionSpec) Found {
	want := "external"
	if s.Part == PartInternalFAQ {
		want = "internal"
	}
	var best *Section
	divided := false
	for _, sec := range r.faqs {
		if sec.Audience != "" {
			divided = true
		}
		ok := sec.Audience == want || (want == "external" && sec.Audience == "")
		if !ok {
			continue
		}
		if best == nil || len(best.Questions) == 0 && len(sec.Questions) > 0 {
			best = sec
		}
	}
	if want == "external" && divided && best != nil && best.Audience == "" && len(best.Questions) == 0 {
		// A "Frequently Asked Questions" container over "Customer FAQ"
		// and "Internal FAQ": an external one must exist in it.
		for _, sec := range r.faqs {
			if sec.Audience == "external" {
				best = sec
			}
		}
	}
	if best == nil && want == "internal" {
		if q := r.stakeholderQuestion(); q != nil {
			return Found{Presence: Present, How: "question", Pos: q.Pos}
		}
	}
	if best == nil {
		if r.doc.Language == "" && len(r.faqs) == 0 {
			return Found{Presence: Unsure}
		}
		return Found{Undivided: want == "internal" && len(r.faqs) > 0 && !divided}
	}
	how := "heading"
	if best.Heading.Pseudo {
		how = "label"
	}
	return Found{Presence: Present, How: how, Pos: best.Heading.Pos, Section: best}
}

// stakeholderQuestion is the first question of an undivided FAQ that only
// the team behind the product would ask (why now, risks, cost to build,
// staffing, success measures): with one, the FAQ holds its internal part.
func (r *reader) stakeholderQuestion() *Question {
	for _, s := range r.faqs {
		for _, q := range s.Questions {
			if hasCue(strings.ToLower(q.Text), stakeholderQuestions) {
				return q
			}
		}
	}
	return nil
}

// narrative reads the press release as prose: the first paragraph is the
// summary; a paragraph that states a pain is the problem; one that
// describes the product, the solution; a quotation attributed to someone,
// a leader's or a customer's quote; steps or "set up in minutes", getting
// started; and near the end a pointer or an availability statement, the
// call to action.
func (r *reader) narrative() map[Part]Found {
	found := map[Part]Found{}
	set := func(p Part, b *block) {
		if _, ok := found[p]; !ok {
			found[p] = Found{Presence: Present, How: "prose", Pos: b.pos}
		}
	}
	summary := r.summaryIndex()
	if summary >= 0 {
		set(PartSummary, r.release[summary].b)
	}
	company := r.companyWords()
	var leaders []string
	var closing []int
	end := len(r.release)
	if r.releaseEnd >= 0 {
		end = r.releaseEnd
	}
	for i, pb := range r.release {
		b := pb.b
		if b.kind == bHeading || b.kind == bRule || b.kind == bComment {
			continue
		}
		lower := lowerFlat(stripMarkers(b.text))
		if attr, ok := r.quotation(i); ok {
			r.quoted = true
			who := speaker(attr, pb, company, leaders)
			if who == PartLeaderQuote {
				leaders = append(leaders, nameOf(attr)...)
			}
			set(who, b)
			if hasCue(lower, problemStrong) {
				set(PartProblem, b) // a speaker who names the pain states the problem
			}
			continue
		}
		problem := !pb.aside && isProblem(lower)
		if problem {
			set(PartProblem, b)
		}
		if startsCustomer(lower, b, r.codeText(b)) {
			set(PartGettingStarted, b)
		}
		if i != summary && describes(b, lower) && (!problem || hasCue(lower, solutionCues)) {
			set(PartSolution, b)
		}
		if i != summary && i < end {
			closing = append(closing, i)
			if hasCue(lower, availableCues) {
				set(PartCallToAction, b)
			}
		}
	}
	if _, ok := found[PartProblem]; !ok && summary >= 0 {
		if i := r.storyProblem(summary); i >= 0 {
			set(PartProblem, r.release[i].b)
		}
	}
	if len(closing) > 3 {
		closing = closing[len(closing)-3:]
	}
	for _, i := range closing {
		if b := r.release[i].b; b.link || hasCue(lowerFlat(b.text), callToActionCues) {
			set(PartCallToAction, b)
		}
	}
	return found
}

// storyProblem finds a problem told as a story rather than named ("Going
// out in Nigeria mostly happens in group chats..."): a press release runs
// summary, problem, solution, so the paragraph right after the summary is
// the problem when it is long enough to be one and does not talk about the
// product (neither names it nor goes on about "it", nor says what one
// "can now" do). It returns the paragraph's index in the release, or -1.
func (r *reader) storyProblem(summary int) int {
	names := r.productWords()
	for i := summary + 1; i < len(r.release); i++ {
		pb := r.release[i]
		b := pb.b
		switch {
		case b.kind == bHeading || b.kind == bRule || b.kind == bComment:
			continue
		case b.kind != bParagraph || Words(b.text) < 15 || pb.part != "":
			return -1
		}
		if _, quote := r.quotation(i); quote {
			return -1
		}
		lower := lowerFlat(b.text)
		if hasCue(lower, nowCues) || startsWithAny(lower, backReferences) || hasCue(lower, describeCues) {
			return -1 // it talks about the product
		}
		for _, w := range wordsOf(b.text) {
			if containsWord(names, w) {
				return -1
			}
		}
		return i
	}
	return -1
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// productWords name the product: the words (of three letters or more,
// any case: "mxfuse" is a name too) the summary shares with the headline,
// the product name or the title, less the words every sentence has.
func (r *reader) productWords() []string {
	var top string
	for _, h := range []*Heading{r.doc.Headline, r.doc.Name, r.doc.Title} {
		if h != nil {
			top += " " + h.Text
		}
	}
	i := r.summaryIndex()
	if i < 0 {
		return nil
	}
	summary := wordsOf(r.release[i].b.text)
	var out []string
	for _, w := range wordsOf(top) {
		if len([]rune(w)) >= 3 && !containsWord(englishStop, w) && !containsWord(commonWords, w) && containsWord(summary, w) {
			out = append(out, w)
		}
	}
	return out
}

// commonWords are words a headline and a summary share without naming
// anything.
var commonWords = []string{"prfaq", "faq", "press", "release", "today", "new", "launches", "announces", "for", "and", "the", "with", "your"}

// wordsOf splits text into words, keeping inner hyphens.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
}

// summaryIndex is the first paragraph of prose after the headline (any,
// when there is none): the summary, however it is labelled. There is none
// when the release goes straight into another part (a "Problem" label
// right under the headline), or opens with the problem alone.
func (r *reader) summaryIndex() int {
	if r.summaryAt != 0 {
		return r.summaryAt - 1 // computed once: several readings ask
	}
	r.summaryAt = r.findSummary() + 1
	return r.summaryAt - 1
}

func (r *reader) findSummary() int {
	after := 0
	if h := r.doc.Headline; h != nil && !r.headlineLate {
		after = h.Pos.Line
	}
	for i, pb := range r.release {
		b := pb.b
		if b.pos.Line < after || b.kind == bHeading || b.kind == bRule || b.kind == bComment {
			continue
		}
		if pb.part != "" && pb.part != PartSummary && pb.part != PartSubheading {
			return -1
		}
		if b.kind != bParagraph || Words(b.text) < 8 {
			continue
		}
		if _, quote := r.quotation(i); quote {
			continue
		}
		lower := lowerFlat(b.text)
		if isProblem(lower) && !hasCue(lower, summaryCues) && !(isDateline(b.text) && !strings.HasPrefix(lower, "today")) {
			return -1 // the release opens with the problem: no summary
		}
		return i
	}
	return -1
}

// lowerFlat is text lower-cased with its line breaks and runs of spaces
// folded, so that a cue matches across a hard-wrapped line ("Most\n
// organizations").
func lowerFlat(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

var markerRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<[^<>\n]+>`) })

// stripMarkers removes template markers, so that the template's own
// guidance ("<Describe the problem ...>") never reads as the part.
func stripMarkers(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return markerRE().ReplaceAllString(s, " ")
}

// isProblem: one strong cue ("struggle", "previously", "problem"), or two
// weaker ones ("manual", "slow") in one paragraph.
func isProblem(lower string) bool {
	return hasCue(lower, problemStrong) || countCues(lower, problemWeak) >= 2
}

// startsCustomer: how to start (install, sign up, download, not "nothing
// to install"), or a start that is quick ("set up in five minutes"), or
// install commands in code.
func startsCustomer(lower string, b *block, code string) bool {
	for _, cue := range gettingStartedCues {
		for off := 0; off < len(lower); {
			i := cueIndex(lower[off:], cue)
			if i < 0 {
				break
			}
			if !negated(lower[:off+i]) {
				return true
			}
			off += i + len(cue)
		}
	}
	for _, s := range sentences(lower) {
		if hasCue(s, startVerbs) && hasCue(s, quickPhrases) {
			return true
		}
	}
	return b.code && hasCue(lower+" "+code, []string{"install", "brew ", "pip ", "npm ", "npx ", "docker run", "curl ", "go get", "git clone"})
}

// negated says whether the words just before a cue negate it.
func negated(before string) bool {
	f := strings.Fields(before)
	if len(f) > 3 {
		f = f[len(f)-3:]
	}
	tail := " " + strings.Join(f, " ") + " "
	for _, n := range negations {
		if strings.Contains(tail, " "+n) {
			return true
		}
	}
	return false
}

// describes: a paragraph or a list long enough to describe the product.
func describes(b *block, lower string) bool {
	switch b.kind {
	case bParagraph:
		return Words(lower) >= 8 && b.label == "" || Words(b.rest) >= 8
	case bList:
		return b.n.ChildCount() >= 2
	}
	return false
}

// codeText is the text of the code blocks in b, which plain text leaves
// out.
func (r *reader) codeText(b *block) string {
	if !b.code {
		return ""
	}
	var sb strings.Builder
	_ = ast.Walk(b.n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				sb.Write(seg.Value(r.src))
			}
		case *ast.CodeSpan:
			sb.WriteString(plainText(n, r.src))
			sb.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	return strings.ToLower(sb.String())
}

// quotation says whether release block i is an attributed quotation, and
// returns the attribution: the text around the quotation ("said Jane Roe,
// VP of Sales"), a dash after it ("— Jane Roe, VP", on its own line or
// after the closing mark), or a list item under a block quote ("- Albert
// from San Francisco").
func (r *reader) quotation(i int) (string, bool) {
	b := r.release[i].b
	switch b.kind {
	case bQuote:
		if attr := attribution(b.text, false); attr != "" {
			return attr, true
		}
		if l, ok := b.n.LastChild().(*ast.List); ok && l.ChildCount() == 1 && Words(plainText(l, r.src)) <= 12 {
			return plainText(l, r.src), true
		}
		if i+1 < len(r.release) {
			if next := r.release[i+1].b; next.kind == bParagraph && next.lines == 1 {
				if attr := dashLine(next.text, true); attr != "" {
					return attr, true
				}
			}
		}
	case bParagraph:
		if attr := attribution(b.text, true); attr != "" {
			return attr, true
		}
	}
	return "", false
}

// attribution is who a quotation is attributed to: a dash line under it,
// a dash right after the closing mark, or a verb of saying next to it
// ("said", "sagt", "述べています"). quoted requires a quotation mark (a
// paragraph); a block quote is a quotation by itself.
func attribution(text string, quoted bool) string {
	hasQuote := hasQuotation(text)
	if quoted && !hasQuote {
		return ""
	}
	if attr := dashLine(text, false); attr != "" {
		return attr
	}
	rest := strings.TrimSpace(unquoted(text))
	for _, d := range dashes {
		if strings.HasPrefix(rest, d) && hasQuote {
			if a := strings.TrimSpace(strings.TrimLeft(rest, d)); a != "" && Words(a) <= 15 {
				return a
			}
		}
	}
	if hasQuote && hasCue(lowerFlat(rest), quoteVerbs) {
		return rest
	}
	return ""
}

// dashes open an attribution.
var dashes = []string{"—", "–", "―", "--", "-", "~"}

// openMarks and closeMarks are the quotation marks of the languages
// people write PRFAQs in; any opening mark is closed by any closing one
// („...", "...", «...», 「...」).
const (
	openMarks  = "“\"„«「『‘‹"
	closeMarks = "”\"“»」』’›"
)

// quotations are the spans of text between quotation marks.
func quotations(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(openMarks, r) {
			i += n
			continue
		}
		j := strings.IndexFunc(text[i+n:], func(c rune) bool { return strings.ContainsRune(closeMarks, c) })
		if j < 0 {
			break
		}
		_, m := utf8.DecodeRuneInString(text[i+n+j:])
		out = append(out, [2]int{i, i + n + j + m})
		i += n + j + m
	}
	return out
}

// hasQuotation says whether text quotes someone: a quoted passage of a
// few words at least.
func hasQuotation(text string) bool {
	for _, q := range quotations(text) {
		if Words(text[q[0]:q[1]]) >= 5 {
			return true
		}
	}
	return false
}

// unquoted is text without its quoted passages: what is left names the
// speaker.
func unquoted(text string) string {
	var b strings.Builder
	last := 0
	for _, q := range quotations(text) {
		b.WriteString(text[last:q[0]])
		b.WriteByte(' ')
		last = q[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// dashLine is the attribution line under a quotation ("— Jane Roe, VP"),
// "" when there is none. alone allows a text that is only that line (the
// paragraph after a block quote).
func dashLine(text string, alone bool) string {
	lines := strings.Split(text, "\n")
	for k := len(lines) - 1; k >= 0; k-- {
		if k == 0 && !alone {
			break
		}
		l := strings.TrimSpace(lines[k])
		for _, d := range dashes {
			if !strings.HasPrefix(l, d) {
				continue
			}
			if a := strings.TrimSpace(strings.TrimLeft(l, d)); a != "" && Words(a) <= 15 {
				return a
			}
		}
	}
	return ""
}

// speaker says whose quote it is: the section says so ("Customer
// Quotes"); else a speaker at another organisation, or a customer's role,
// is a customer; a leader's role, the announcing company, or a speaker
// already quoted as a leader is a leader; else the first quote is the
// leader's and the others customers'.
func speaker(attr string, pb proseBlock, company, leaders []string) Part {
	if pb.part == PartLeaderQuote || pb.part == PartCustomerQuote {
		return pb.part
	}
	lower := " " + lowerFlat(attr) + " "
	if org := orgOf(attr); org != "" {
		if containsWord(company, org) {
			return PartLeaderQuote
		}
		return PartCustomerQuote
	}
	switch {
	case hasCue(lower, customerRoles):
		return PartCustomerQuote
	case hasCue(lower, leaderRoles):
		return PartLeaderQuote
	}
	for _, w := range capitalised(attr) {
		if containsWord(company, w) {
			return PartLeaderQuote
		}
	}
	for _, w := range nameOf(attr) {
		if containsWord(leaders, w) {
			return PartLeaderQuote
		}
	}
	if len(leaders) == 0 {
		return PartLeaderQuote
	}
	return PartCustomerQuote
}

// nameOf is the speaker's name in an attribution: the capitalised words
// after the verb ("said Jane Roe, VP" names Jane Roe), or before it ("Jane
// Roe said"), or of a dash line, up to the first comma.
func nameOf(attr string) []string {
	lower := lowerFlat(attr)
	seg := attr
	if i := firstCue(lower, quoteVerbs); i >= 0 {
		after := attr[i:]
		if sp := strings.IndexByte(after, ' '); sp >= 0 {
			after = after[sp+1:]
		} else {
			after = ""
		}
		if n := capitalised(firstClause(after)); len(n) > 0 {
			return n
		}
		seg = attr[:i]
	}
	return capitalised(lastClause(seg))
}

func firstClause(s string) string {
	if i := strings.IndexAny(s, ",.;:(—"); i >= 0 {
		return s[:i]
	}
	return s
}

func lastClause(s string) string {
	if i := strings.LastIndexAny(s, ",.;:)—"); i >= 0 && strings.TrimSpace(s[i+1:]) != "" {
		return s[i+1:]
	}
	return firstClause(s)
}

// orgOf is the organisation an attribution names after " at " or " of "
// ("VP of Product at DataFlow Systems"), "" when none.
func orgOf(attr string) string {
	for _, sep := range []string{" at ", " of ", " bei ", " von "} {
		i := strings.LastIndex(attr, sep)
		if i < 0 {
			continue
		}
		f := strings.Fields(attr[i+len(sep):])
		if len(f) > 0 {
			w := strings.Trim(f[0], ".,;:!?\"'()[]*_")
			if r := []rune(w); len(r) > 1 && unicode.IsUpper(r[0]) {
				return w
			}
		}
	}
	return ""
}

// companyWords are the capitalised words of the headline and the
// summary's first sentence: who announces.
func (r *reader) companyWords() []string {
	var text string
	if h := r.doc.Headline; h != nil {
		text = h.Text
	}
	if i := r.summaryIndex(); i >= 0 {
		f := strings.Fields(r.release[i].b.text)
		text += " " + strings.Join(f[:min(len(f), 40)], " ")
	}
	return capitalised(text)
}

// capitalised lists the words of s that start with a capital letter or
// are written in a script without case, minus a few that start sentences.
func capitalised(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) {
			continue
		}
		switch strings.ToLower(w) {
		case "the", "today", "a", "an", "new", "and", "for", "with", "our", "we", "it", "this", "dr", "mr", "ms":
			continue
		}
		out = append(out, w)
	}
	return out
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}

// maxLanguageSample is how much prose language reads, in bytes.
const maxLanguageSample = 8 << 10

// stopWords maps each stop word to the languages it is common in; built
// on first use.
var stopWords = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for code, ws := range map[string][]string{"en": englishStop, "de": germanStop, "es": spanishStop, "fr": frenchStop, "pt": portugueseStop} {
		for _, w := range ws {
			m[w] = append(m[w], code)
		}
	}
	return m
})

// language tells the press release's language from its script and its
// most common words; "" when it is a language the reader has no words for.
// Too little text to tell is read as English.
func (r *reader) language() string {
	var sb strings.Builder
	for _, pb := range r.release {
		if sb.Len() > maxLanguageSample {
			break // a few pages tell the language as well as the whole
		}
		sb.WriteString(pb.b.text)
		sb.WriteByte('\n')
	}
	text := sb.String()
	var hangul, kana, han, cyrillic, other, latin int
	for _, c := range text {
		switch {
		case c < 0x80:
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				latin++ // ASCII: the common case, before the tables
			}
		case unicode.Is(unicode.Hangul, c):
			hangul++
		case unicode.In(c, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Han, c):
			han++
		case unicode.Is(unicode.Cyrillic, c):
			cyrillic++
		case unicode.IsLetter(c) && c < 0x250:
			latin++
		case unicode.IsLetter(c):
			other++
		}
	}
	switch {
	case hangul > 20 && hangul >= kana:
		return "ko"
	case kana > 20:
		return "ja"
	case han > 20 && han > latin:
		return "zh"
	case cyrillic > 20 && cyrillic > latin:
		return "ru"
	case other > latin && other > 20:
		return ""
	}
	words := strings.Fields(strings.ToLower(text))
	if len(words) < 30 {
		return "en"
	}
	counts := map[string]int{}
	for _, w := range words {
		for _, code := range stopWords()[strings.Trim(w, ".,;:!?\"'()[]*_“”„«»")] {
			counts[code]++
		}
	}
	best, lang := 0, ""
	for _, code := range []string{"en", "de", "es", "fr", "pt"} {
		if counts[code] > best {
			best, lang = counts[code], code
		}
	}
	if best*100 >= 8*len(words) {
		return lang
	}
	return ""
}
