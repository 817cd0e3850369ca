package prfaq

import (
	"slices"
	"strings"
	"unicode"
)

// faqKind says whom a FAQ section answers.
type faqKind int

const (
	faqNone     faqKind = iota
	faqGeneric          // "FAQ": one FAQ for everyone, or a container
	faqExternal         // customers
	faqInternal         // stakeholders
)

// headingClass is what a heading, a label or a plain-text title line
// names.
type headingClass struct {
	parts   []Part  // press-release or metrics parts it names
	quotes  bool    // a section of quotes that does not say whose
	faq     faqKind // a FAQ section, and whose
	release bool    // a press-release label ("Press Release", "FOR IMMEDIATE RELEASE")
	title   bool    // a document title marker ("PRFAQ: X", "Press Release and FAQ")
}

func (c headingClass) known() bool {
	return len(c.parts) > 0 || c.quotes || c.faq != faqNone || c.release || c.title
}

// classifyHeading reads a heading's words: numbering ("Part 3 —", "2.",
// "IV)"), a leading "the", emphasis and punctuation do not matter, and a
// bilingual heading ("보도자료 (Press Release)") is read in both languages.
func classifyHeading(text string) headingClass {
	k := normHeading(text)
	var c headingClass
	if k == "" {
		return c
	}
	if titleMarked(k) || hasCue(k, pressReleaseLabels) && hasCue(k, faqNames) {
		c.title = true // "Press Release & Frequently Asked Questions"
	}
	if isReleaseLabel(k) {
		c.release = true
	}
	if Words(k) > 8 {
		return c // a sentence, not a section name
	}
	if f := faqOf(k); f != faqNone && !c.title {
		c.faq = f
		return c
	}
	if c.title || c.release || Words(k) > 6 || Words(k) >= 4 && hasCue(k, announceVerbs) {
		return c // an announcement ("Acme Announces General Availability of X") names no part
	}
	for _, p := range Parts() {
		if p == PartExternalFAQ || p == PartInternalFAQ {
			continue
		}
		if hasCue(k, partNames()[p]) {
			c.parts = append(c.parts, p)
		}
	}
	if len(c.parts) == 0 && hasCue(k, quoteWords) {
		c.quotes = true
	}
	return c
}

// isReleaseLabel says whether a normalized heading is only a
// press-release label ("Press Release", "Part 1 — Press Release",
// "보도자료 (Press Release)"), not a headline that starts with one.
func isReleaseLabel(k string) bool {
	if hasCue(k, faqNames) {
		return false
	}
	// "FOR WORLDWIDE RELEASE AS SOON AS ...", "EMBARGOED UNTIL ...".
	if f := strings.Fields(k); len(f) >= 2 && (f[0] == "for" && slices.Contains(f[1:min(4, len(f))], "release") || strings.HasPrefix(f[0], "embargo")) {
		return true
	}
	for _, l := range pressReleaseLabels {
		if i := cueIndex(k, l); i >= 0 {
			rest := k[:i] + " " + k[i+len(l):]
			for _, m := range pressReleaseLabels {
				rest = strings.ReplaceAll(rest, m, " ")
			}
			return Words(rest) <= 2
		}
	}
	return false
}

// titleMarked says whether a normalized heading carries a title marker at
// its start or end ("PRFAQ: Ledger", "Ledger PR/FAQ"), or anywhere in a
// short one ("JProbe - PR/FAQ Document"); one in the middle of an
// announcement ("FakeCo Launches PR-FAQ Validator") is a name.
func titleMarked(k string) bool {
	for _, m := range titleMarkers {
		i := cueIndex(k, m)
		if i < 0 {
			continue
		}
		if i == 0 || strings.TrimSpace(k[i+len(m):]) == "" || Words(k) <= 6 {
			return true
		}
	}
	return false
}

// faqOf says whether a normalized heading names a FAQ, and whose.
func faqOf(k string) faqKind {
	named := hasCue(k, faqNames)
	internal := hasCue(k, internalFAQWords) || (named && hasCue(k, technicalWords))
	external := hasCue(k, externalFAQWords)
	if !named && !(hasCue(k, questionWords) && (internal || external)) {
		return faqNone
	}
	switch {
	case internal && !external:
		return faqInternal
	case external && !internal:
		return faqExternal
	case internal && external:
		// "Internal / Technical FAQ" vs "Customer / External FAQs": the
		// word that comes first says it.
		if firstCue(k, internalFAQWords) < firstCue(k, externalFAQWords) {
			return faqInternal
		}
		return faqExternal
	}
	return faqGeneric
}

// audienceWords says whom a short heading inside a FAQ addresses ("###
// Internal", "### For customers"), faqNone when it does not say.
func audienceWords(k string) faqKind {
	internal, external := hasCue(k, internalFAQWords), hasCue(k, externalFAQWords)
	switch {
	case internal && !external:
		return faqInternal
	case external && !internal:
		return faqExternal
	}
	return faqNone
}

// normHeading lower-cases a heading, drops its numbering, emphasis and
// punctuation, and ends it with a space so that whole-word cues match at
// the end.
func normHeading(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = dropNumbering(s)
	var b strings.Builder
	space := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '&' || r == '-' || r == ';':
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	k := strings.TrimSpace(b.String())
	k = strings.TrimPrefix(k, "the ")
	if k == "" {
		return ""
	}
	return k + " "
}

// dropNumbering removes a leading "Part 3 —", "Section 2:", "3.", "2)",
// "IV." or "C1." from a heading.
func dropNumbering(s string) string {
	for _, word := range []string{"part ", "section ", "chapter ", "step ", "teil ", "abschnitt "} {
		if strings.HasPrefix(s, word) {
			rest := strings.TrimLeft(s[len(word):], "0123456789ivx")
			if len(rest) < len(s)-len(word) {
				s = rest
			}
			break
		}
	}
	s = strings.TrimLeft(s, " \t*_#")
	t := strings.TrimLeft(s, "0123456789")
	if t == s {
		t = strings.TrimLeft(s, "ivx") // roman numerals, only when punctuation follows
		if t == s || len(t) == 0 || !strings.ContainsRune(".):", rune(t[0])) {
			t = s
		}
	}
	t = strings.TrimLeft(t, " .):—–-")
	if t == "" {
		return s
	}
	return t
}
