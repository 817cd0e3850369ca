package prfaq

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"unicode"
)

// top finds the document's title, headline and subheading. Real PRFAQs
// open with a title ("# PRFAQ: Ledger"), notes, a "Press Release" label
// and only then the announcement; a bare product name in the headline's
// place is not one.
func (r *reader) top() {
	start := r.releaseStart()
	r.findTitle(start)
	r.findHeadline(start)
	if r.doc.Headline == nil {
		r.headlineUnderLabel()
	}
	if b := r.taglineTop; r.doc.Headline == nil && b != nil && !r.used[b] {
		h := r.headingOf(b, b.kind != bHeading)
		r.doc.Headline = &h
		r.used[b] = true
	}
	if d := r.doc; d.Headline == nil && d.Name == nil && d.Title != nil && !r.classify(d.Title.Text).title {
		d.Name = d.Title // "# Ledger": a title that only names the product
	}
	r.findSubheading(r.afterTop())
	if h := r.doc.Headline; h != nil {
		r.doc.PressRelease.Pos = h.Pos
	}
}

// releaseStart is the index after a press-release label ("## Press
// Release", "プレスリリース", "FOR IMMEDIATE RELEASE") that comes before the
// FAQ and before any heading or bold line that could be the headline, or
// 0 when there is none.
func (r *reader) releaseStart() int {
	prose := false // a paragraph of prose came before
	for i, b := range r.blocks {
		t, ok := r.lineText(b)
		if !ok {
			prose = prose || b.kind == bParagraph
			continue
		}
		if b.kind == bParagraph && b.emph == 0 && Words(b.text) >= 8 {
			prose = true
		}
		if b.kind == bParagraph && b.lines == 2 {
			// "FOR IMMEDIATE RELEASE" over a dateline, in one paragraph.
			t = firstLine(b.text)
		}
		if b.kind == bHeading && strings.Contains(b.text, "\n") && isMetadata(b) {
			continue // YAML front matter after a comment, read as a heading
		}
		c := r.classify(t)
		switch {
		case c.faq != faqNone:
			return 0
		case c.release && !c.title && Words(t) <= 8:
			r.label(b)
			if b.kind == bHeading {
				r.releaseLevel, r.releaseLine = b.level, b.pos.Line
			}
			return i + 1
		case c.title || len(c.parts) > 0 || c.quotes || isName(t, nil):
		case isTagline(t) && r.taglineTop == nil && !prose && (b.kind == bHeading || b.emph == 2):
			// "Podcaster: Turn Any Content into Audio": a headline only if
			// no announcement follows a press-release label.
			r.taglineTop = b
		case b.kind == bHeading || b.emph == 2:
			return 0 // a headline before any label
		}
	}
	return 0
}

// afterTop is the index after the headline, else after the product name,
// else after the title: where a subheading stands.
func (r *reader) afterTop() int {
	for _, h := range []*Heading{r.doc.Headline, r.doc.Name, r.doc.Title} {
		if h == nil {
			continue
		}
		for i, b := range r.blocks {
			if b.pos == h.Pos {
				return i + 1
			}
		}
	}
	return len(r.blocks)
}

// lineText is the text of a block that could be a heading, a title or a
// headline: a heading, or a paragraph on one or two lines.
func (r *reader) lineText(b *block) (string, bool) {
	switch {
	case b.kind == bHeading:
		return b.text, true
	case b.kind == bParagraph && b.lines <= 2 && Words(b.text) <= 40:
		return strings.Join(strings.Fields(b.text), " "), true
	}
	return "", false
}

func (r *reader) label(b *block) {
	r.used[b] = true
	r.doc.Labels = append(r.doc.Labels, r.headingOf(b, b.kind != bHeading))
}

// findTitle takes the first heading (or, in a plain-text document, the
// first line) before the press release when it carries a title marker or
// only names the product.
func (r *reader) findTitle(start int) {
	for i, b := range r.blocks {
		if i >= start && start > 0 {
			return
		}
		if b.kind == bComment || b.kind == bRule || b.kind == bHTML {
			continue
		}
		t, ok := r.lineText(b)
		if !ok || (b.kind != bHeading && !r.plain && b.emph == 0) {
			if start == 0 {
				return
			}
			continue
		}
		if r.plain && b.kind == bParagraph && b.lines == 2 && r.classify(firstLine(b.text)).title {
			r.titleOverHeadline(b)
			return
		}
		c := r.classify(t)
		switch {
		case c.title:
			r.setTitle(b)
			return
		case c.release || c.faq != faqNone || len(c.parts) > 0:
			if start == 0 {
				return
			}
		case b.kind == bHeading && b.level == 1 && isName(t, nil):
			r.setTitle(b)
			return
		case start == 0:
			return
		}
	}
}

// titleOverHeadline reads two lines of plain text, a title and the line
// under it ("Amazon-Style PRFAQ" over "Introducing Tangent – ..."): the
// second is the headline when it announces something.
func (r *reader) titleOverHeadline(b *block) {
	first, second, _ := strings.Cut(b.text, "\n")
	r.doc.Title = &Heading{Text: strings.TrimSpace(first), Level: labelLevel, Pos: b.pos, Pseudo: true}
	r.used[b] = true
	second = strings.TrimSpace(second)
	if second != "" && Words(second) <= 30 && !isDateline(second) && !endsSentence(second) && !isName(second, r.doc.Title) {
		r.doc.Headline = &Heading{Text: second, Level: labelLevel, Pos: Pos{Line: b.pos.Line + 1, Column: 1}, Pseudo: true}
	}
}

func (r *reader) setTitle(b *block) {
	h := r.headingOf(b, b.kind != bHeading)
	r.doc.Title = &h
	r.used[b] = true
}

// findHeadline reads from start for the announcement: the first heading,
// bold line, or (in a plain-text document, or right after a press-release
// label) short plain line that announces something. It stops at the first
// section or the first paragraph of prose.
func (r *reader) findHeadline(start int) {
	if r.doc.Headline != nil {
		return // read with the title
	}
	prose, afterName := 0, false
	for i := start; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if r.used[b] || b.kind == bComment || b.kind == bRule || b.kind == bHTML {
			continue
		}
		if b.kind == bQuote && prose == 0 && r.doc.Headline == nil {
			continue // a note above the release
		}
		if (b.kind == bParagraph || b.kind == bHeading && strings.Contains(b.text, "\n")) && isMetadata(b) {
			r.used[b] = true // "key: value" lines, a setext heading of YAML included
			continue
		}
		if b.kind == bParagraph && b.label != "" && b.rest != "" && hasCue(normHeading(b.label), headlineLabels) {
			h := Heading{Text: strings.Join(strings.Fields(b.rest), " "), Level: labelLevel, Pos: b.pos, Pseudo: true}
			r.doc.Headline = &h // "**Headline:** Acme launches ..."
			r.used[b] = true
			return
		}
		if isQuestionText(b.text) || hasQPrefix(b) {
			return // the FAQ begins
		}
		if head, sub, ok := r.headlinePair(b); ok {
			// "**Headline**" over "*subheading*" in one paragraph.
			r.doc.Headline = &Heading{Text: head, Level: labelLevel, Pos: b.pos, Pseudo: true}
			r.doc.Subheading = &Heading{Text: sub, Level: labelLevel, Pos: Pos{Line: b.pos.Line + 1, Column: 1}, Pseudo: true}
			r.used[b] = true
			return
		}
		t, ok := r.headlineText(b, i == start && start > 0)
		if !ok {
			if b.kind == bParagraph && b.emph == 0 && b.label == "" && prose < 2 && Words(b.text) < 40 &&
				len(sentences(b.text)) <= 1 && !isDateline(b.text) && !afterName {
				prose++
				continue
			}
			return
		}
		if afterName && b.kind == bHeading && r.doc.Name != nil && b.level <= r.doc.Name.Level {
			return // the name was a section's heading, and this is the next
		}
		c := r.classify(t)
		switch {
		case c.release && !c.title:
			r.label(b)
		case c.title:
			if r.doc.Title == nil {
				r.setTitle(b)
			} else {
				r.label(b)
			}
		case c.faq != faqNone || len(c.parts) > 0 || c.quotes || r.sections[headingKey(t)] != nil:
			return
		case b.kind == bParagraph && b.label != "" && b.rest != "":
			return // a run-in label, not a line of its own
		case isName(t, r.doc.Title):
			if r.doc.Name != nil {
				return // past the top: a second name is a section
			}
			h := r.headingOf(b, b.kind != bHeading)
			r.doc.Name, afterName = &h, true
			r.used[b] = true
		default:
			h := r.headingOf(b, b.kind != bHeading)
			h.Text = trimReleasePrefix(h.Text)
			r.doc.Headline = &h
			r.used[b] = true
			return
		}
	}
}

// headlineUnderLabel takes the headline from under a heading that names
// it ("## Headline" followed by the line), as documents written one
// heading per part do, wherever that heading is.
func (r *reader) headlineUnderLabel() {
	for i, b := range r.blocks {
		if b.kind != bHeading || !hasCue(normHeading(b.text), headlineLabels) || Words(b.text) > 3 {
			continue
		}
		for _, next := range r.blocks[i+1:] {
			if next.kind == bComment || next.kind == bRule {
				continue
			}
			if next.kind == bParagraph && Words(next.text) <= 40 && !r.used[next] {
				r.label(b)
				h := Heading{Text: strings.Join(strings.Fields(next.text), " "), Level: b.level, Pos: next.pos, Pseudo: true}
				r.doc.Headline, r.headlineLate = &h, true
				r.used[next] = true
			}
			return
		}
	}
}

// headlinePair reads a paragraph of two lines, the first all bold and the
// second all italic: a headline and its subheading written without a
// blank line between them.
func (r *reader) headlinePair(b *block) (head, sub string, ok bool) {
	if b.kind != bParagraph || b.lines != 2 {
		return "", "", false
	}
	cs := inlines(b.n, r.src)
	if len(cs) != 2 {
		return "", "", false
	}
	h, ok1 := cs[0].(*ast.Emphasis)
	s, ok2 := cs[1].(*ast.Emphasis)
	if !ok1 || !ok2 || h.Level != 2 || s.Level != 1 {
		return "", "", false
	}
	head, sub = plainText(h, r.src), plainText(s, r.src)
	if Words(head) > 30 || isDateline(head) || r.classify(head).known() {
		return "", "", false
	}
	return head, sub, true
}

// headlineText is the text of a block that could be the headline: a
// heading, a bold line, or a plain line that does not end a sentence
// (in a plain-text document, or the first block after a label).
func (r *reader) headlineText(b *block, afterLabel bool) (string, bool) {
	switch {
	case b.kind == bHeading:
		return b.text, true
	case b.kind != bParagraph || b.lines > 2 || isDateline(b.text):
		return "", false
	case b.emph == 2 && Words(b.text) <= 30:
		return strings.Join(strings.Fields(b.text), " "), true
	case b.emph == 0 && b.lines == 1 && (r.plain || afterLabel) && Words(b.text) <= 30 && !endsSentence(b.text):
		return b.text, true
	}
	return "", false
}

// findSubheading takes the block after the headline (or, without one,
// after the title or the product name) when it is a line in italics or
// bold, or a lone sentence under a title.
func (r *reader) findSubheading(from int) {
	if r.doc.Headline == nil && r.doc.Title == nil && r.doc.Name == nil {
		return
	}
	for i := from; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if b.kind == bComment || b.kind == bRule || b.kind == bHTML {
			continue
		}
		if r.used[b] || b.kind == bParagraph && isMetadata(b) {
			continue // a label, or "Reference: ..."
		}
		if b.kind == bQuote && r.doc.Headline == nil && len(sentences(b.text)) == 1 && Words(b.text) <= 30 && !isMetaLine(b.text) {
			// "> One line about the product" under the title.
			h := Heading{Text: strings.Join(strings.Fields(b.text), " "), Level: labelLevel, Pos: b.pos, Pseudo: true}
			r.doc.Subheading = &h
			r.used[b] = true
			return
		}
		if b.kind == bHeading && r.doc.Headline != nil && b.level > r.doc.Headline.Level && Words(b.text) >= 5 && Words(b.text) <= 30 {
			if c := r.classify(b.text); !c.known() && r.sections[headingKey(b.text)] == nil {
				h := r.headingOf(b, false)
				r.doc.Subheading = &h
				r.used[b] = true
			}
			return
		}
		if b.kind != bParagraph || isDateline(b.text) || Words(b.text) > 60 || b.label != "" && b.rest != "" {
			return
		}
		if r.classify(b.text).release {
			continue // FOR IMMEDIATE RELEASE
		}
		one := b.emph == 0 && len(sentences(b.text)) == 1 && Words(b.text) <= 30
		lone := one && r.doc.Headline == nil && r.nextIsHeading(i)
		if b.emph != 0 || lone {
			h := Heading{Text: strings.Join(strings.Fields(b.text), " "), Level: labelLevel, Pos: b.pos, Pseudo: true}
			r.doc.Subheading = &h
			r.used[b] = true
		}
		// One plain sentence under the headline may be a subheading
		// or the start of the story: the reader cannot tell.
		r.subUnsure = one && !lone && r.doc.Headline != nil
		return
	}
}

func (r *reader) nextIsHeading(i int) bool {
	for j := i + 1; j < len(r.blocks); j++ {
		switch b := r.blocks[j]; {
		case b.kind == bComment || b.kind == bRule:
			continue
		case b.kind == bHeading:
			return !isQuestionText(b.text)
		case b.kind == bParagraph && b.emph == 2:
			return !isQuestionText(b.text) && !hasQPrefix(b)
		default:
			return false
		}
	}
	return true
}

// isMetadata says whether a paragraph is a block of "Key: value" lines
// (By, Date, Author, Status) rather than prose.
func isMetadata(b *block) bool {
	lines := strings.Split(b.text, "\n")
	if len(lines) < 2 {
		return isMetaLine(b.text)
	}
	for _, l := range lines {
		k, v, ok := strings.Cut(l, ":")
		if !ok && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(l)), "by ") {
			return false
		}
		if ok && (Words(k) > 3 || strings.TrimSpace(v) == "") {
			return false
		}
	}
	return true
}

// metaKeys are the keys of a document's metadata lines.
var metaKeys = []string{"reference", "references", "date", "author", "authors", "status", "version", "owner", "owners", "updated",
	"last updated", "created", "product", "team", "draft", "by", "source", "reviewers", "type", "stand", "autor", "作成日", "작성일"}

// isMetaLine says whether one line is metadata ("Reference: https://...",
// "Status: draft"), not prose.
func isMetaLine(s string) bool {
	k, v, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || strings.Contains(s, "\n") {
		return false
	}
	key := strings.ToLower(strings.Trim(k, " *_"))
	return slices.Contains(metaKeys, key) && strings.TrimSpace(v) != ""
}

// isDateline says whether a paragraph opens as a press release's first
// paragraph does: "SEATTLE, WA — March 2026 — ...", "**July 2026** -",
// "[City, Date] -", "Today, ...".
func isDateline(s string) bool {
	head := strings.TrimLeft(s, " *_`[")
	lower := strings.ToLower(head)
	if strings.HasPrefix(lower, "today") || strings.HasPrefix(lower, "heute") {
		return true
	}
	rs := []rune(head)
	if len(rs) > 80 {
		rs = rs[:80]
	}
	h := string(rs)
	dash := -1
	for _, d := range []string{" — ", " – ", " - ", "—", "–"} {
		if i := strings.Index(h, d); i > 0 && (dash < 0 || i < dash) {
			dash = i
		}
	}
	if dash < 0 {
		return false
	}
	before := strings.ToLower(h[:dash])
	if yearRE().MatchString(before) || strings.Contains(before, "date") || strings.Contains(before, "city") {
		return true
	}
	for _, m := range months {
		if strings.Contains(before, m) {
			return true
		}
	}
	return strings.Contains(before, "年") || strings.Contains(before, "월")
}

var yearRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|\D)(?:19|20)\d\d(?:\D|$)`) })

var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "januar", "märz", "mai", "juni", "juli", "okt", "dez"}

// isName says whether a headline candidate only names the product: a few
// words that announce nothing ("Kurzwahl 24/36", "Treeline Vision"), or
// the product name the title already gave. Longer lines, and "Name:
// tagline", are read as headlines: the reader cannot tell them apart and
// says nothing rather than guess.
func isName(t string, title *Heading) bool {
	if title != nil && sameName(t, titleName(title.Text)) {
		return true
	}
	lower := strings.ToLower(t) + " "
	if hasCue(lower, announceWords) || isDateline(t) {
		return false // an announcement, or "Luxembourg — February 2026"
	}
	for _, sep := range []string{":", " — ", " – ", " - ", " | "} {
		if _, after, ok := strings.Cut(t, sep); ok && Words(after) >= 3 {
			return false
		}
	}
	for i, w := range strings.Fields(lower) {
		for _, suf := range []string{"izes", "ises", "ifies"} {
			if i == 0 {
				break
			}
			if strings.HasSuffix(strings.Trim(w, ",.!:;"), suf) {
				return false // "Ailly Energizes Prompt Testing": a verb
			}
		}
	}
	return Words(t) <= 5
}

// isTagline says whether a line is a product's name and its tagline
// ("Podcaster: Turn Any Content into Engaging Audio") without announcing
// anything.
func isTagline(t string) bool {
	if hasCue(strings.ToLower(t)+" ", announceVerbs) || isQuestionText(t) {
		return false
	}
	for _, sep := range []string{": ", " — ", " – ", " - ", " | "} {
		if name, after, ok := strings.Cut(t, sep); ok && Words(name) <= 3 && Words(after) >= 3 {
			return true
		}
	}
	return false
}

// titleName is a title without its PRFAQ marker: "PRFAQ — Ledger" names
// "Ledger".
func titleName(t string) string {
	lower := strings.ToLower(t)
	for _, m := range titleMarkers {
		if i := strings.Index(lower, m); i >= 0 {
			t = t[:i] + t[i+len(m):]
			lower = lower[:i] + lower[i+len(m):]
		}
	}
	return strings.TrimFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func sameName(a, b string) bool {
	fold := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	fa := fold(a)
	return fa != "" && fa == fold(b)
}

// trimReleasePrefix drops "Press Release: " from a headline.
func trimReleasePrefix(t string) string {
	lower := strings.ToLower(t)
	for _, p := range []string{"press release:", "press release —", "press release -", "pressemitteilung:"} {
		if strings.HasPrefix(lower, p) {
			return strings.TrimSpace(t[len(p):])
		}
	}
	return t
}
