package check

import (
	"fmt"
	"strings"

	"github.com/prfaq/git-prfaq/prfaq"
)

// sections reports required sections that are missing, recommended ones as
// warnings, and sections that hold nothing but template text.
func (c *checker) sections() {
	for i := range c.spec.Sections {
		want := &c.spec.Sections[i]
		s := c.find(want.Name)
		switch {
		case s == nil && want.Required:
			c.report(SectionMissing, c.missingPos(), "section %q is missing: add a heading ## %s%s", want.Name, want.Name, c.minWordsHint(want))
		case s == nil:
			c.warn(SectionMissing, c.missingPos(), "recommended section %q is missing: add a heading ## %s", want.Name, want.Name)
		case want.Kind != prfaq.KindMetrics:
			c.sectionBody(s, want)
		}
	}
}

func (c *checker) minWordsHint(s *prfaq.SectionSpec) string {
	if s.MinWords > 0 {
		return fmt.Sprintf(" with at least %d words", s.MinWords)
	}
	return ""
}

// missingPos is where a missing section is reported: the headline, else
// the top of the file, since there is no line to point at.
func (c *checker) missingPos() prfaq.Pos {
	if c.doc.Headline != nil {
		return c.doc.Headline.Pos
	}
	return prfaq.Pos{Line: 1, Column: 1}
}

func (c *checker) find(name string) *prfaq.Section {
	for _, s := range c.doc.Sections {
		if s.Spec != nil && s.Spec.Name == name {
			return s
		}
	}
	return nil
}

func (c *checker) sectionBody(s *prfaq.Section, want *prfaq.SectionSpec) {
	if want.Kind == prfaq.KindFAQ {
		if len(s.Questions) == 0 {
			c.report(SectionEmpty, s.Heading.Pos, "%s has no questions: write each as a heading (### Why now?) or a bold line (**Q: Why now?**) followed by its answer", s.Heading.Text)
		}
		return
	}
	n := prfaq.Words(c.withoutPlaceholders(s.Text))
	switch {
	case n == 0 && want.Required:
		c.report(SectionEmpty, s.Heading.Pos, "section %q is empty once template text is removed: write it%s", s.Heading.Text, c.minWordsHint(want))
	case n == 0:
		c.warn(SectionEmpty, s.Heading.Pos, "recommended section %q is empty once template text is removed: write it or remove the heading", s.Heading.Text)
	case n < want.MinWords && want.Required:
		c.report(SectionEmpty, s.Heading.Pos, "section %q has %s, fewer than %d: say more", s.Heading.Text, words(n), want.MinWords)
	case n < want.MinWords:
		c.warn(SectionEmpty, s.Heading.Pos, "section %q has %s, fewer than %d: say more", s.Heading.Text, words(n), want.MinWords)
	}
}

// withoutPlaceholders removes template markers and template sentences.
func (c *checker) withoutPlaceholders(text string) string {
	lower := strings.ToLower(text)
	for _, p := range c.patterns {
		if p.mayMatch(text, lower) {
			text = p.re.ReplaceAllString(text, " ")
		}
	}
	for _, s := range c.sentences {
		if strings.Contains(lower, s) {
			text = replaceFold(text, s)
		}
	}
	return text
}

// templateOnly reports whether text holds something, but nothing once
// template text is removed: a cell or an answer that is only a
// placeholder, which the placeholder rule reports, once.
func (c *checker) templateOnly(text string) bool {
	return strings.TrimSpace(text) != "" && prfaq.Words(c.withoutPlaceholders(text)) == 0
}

// replaceFold blanks every case-insensitive occurrence of sub in s.
func replaceFold(s, sub string) string {
	ls, lsub := strings.ToLower(s), strings.ToLower(sub)
	if len(ls) != len(s) || lsub == "" {
		return s // lower-casing changed byte lengths: leave as is
	}
	var b strings.Builder
	for {
		i := strings.Index(ls, lsub)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s, ls = s[i+len(sub):], ls[i+len(lsub):]
	}
}

// placeholders reports each template marker left in the text, at its line
// and column. Code blocks and HTML comments are skipped: text quoted there
// is an example, not a blank left unfilled.
func (c *checker) placeholders() {
	for _, l := range c.doc.Lines {
		if l.Code {
			continue
		}
		lower := strings.ToLower(l.Text)
		for _, p := range c.patterns {
			if !p.mayMatch(l.Text, lower) {
				continue
			}
			for _, m := range p.re.FindAllStringIndex(l.Text, -1) {
				c.reportPlaceholder(l, m[0], l.Text[m[0]:m[1]])
			}
		}
		c.templateSentences(l, lower)
	}
}

func (c *checker) templateSentences(l prfaq.Line, lower string) {
	if len(c.sentences) == 0 || len(lower) != len(l.Text) {
		return // lower-casing changed byte offsets; columns would be wrong
	}
	for _, s := range c.sentences {
		if i := strings.Index(lower, s); i >= 0 && (i == 0 || l.Text[i-1] != '<') {
			c.reportPlaceholder(l, i, l.Text[i:i+len(s)])
		}
	}
}

func (c *checker) reportPlaceholder(l prfaq.Line, byteCol int, text string) {
	col := len([]rune(l.Text[:byteCol])) + 1
	c.report(Placeholder, prfaq.Pos{Line: l.Number, Column: col}, "template text %q is still here: replace it with your own words", text)
}

func (c *checker) faq() {
	for _, s := range c.doc.Sections {
		for _, q := range s.Questions {
			if prfaq.Words(c.withoutPlaceholders(q.Answer)) == 0 {
				c.report(FAQUnanswered, q.Pos, "question %q has no answer: write the answer below it", q.Text)
			}
		}
	}
}

func words(n int) string {
	if n == 1 {
		return "1 word"
	}
	return fmt.Sprintf("%d words", n)
}
