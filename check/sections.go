package check

import (
	"fmt"
	"strings"

	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// sections reports the parts the reader could not find anywhere (a
// recommended one as a warning), and sections that hold nothing. A part the
// reader cannot tell about (prose in a language it has no words for) is
// not reported: a gate that guesses gets bypassed. The success metrics are
// the metrics rule's.
func (c *checker) sections() {
	for i := range c.spec.Sections {
		want := &c.spec.Sections[i]
		if want.Kind == prfaq.KindMetrics {
			continue
		}
		f := c.doc.Parts[want.Name]
		switch f.Presence {
		case prfaq.Absent:
			c.missing(want, f)
		case prfaq.Present:
			if f.Section != nil {
				c.sectionBody(f.Section, want)
			}
		}
	}
}

// missing reports a part found nowhere: not by heading, label or prose.
func (c *checker) missing(want *prfaq.SectionSpec, f prfaq.Found) {
	what, fix := partAdvice(want)
	if f.Undivided {
		what = "the FAQ is one FAQ for everyone, so its questions count as the External FAQ and there is no internal FAQ"
	}
	msg := fmt.Sprintf("%s: %s", what, fix)
	if want.Required {
		c.reportSection(rule.SectionMissing, c.missingPos(), want.Name, "%s", msg)
		return
	}
	c.warnSection(rule.SectionMissing, c.missingPos(), want.Name, "recommended: %s", msg)
}

// partAdvice says what is missing and how to add it, for a part read in
// every shape or for a section found by its heading only.
func partAdvice(s *prfaq.SectionSpec) (what, fix string) {
	heading := fmt.Sprintf("## %s", s.Name)
	more := ""
	if s.MinWords > 0 {
		more = fmt.Sprintf(" (at least %d words)", s.MinWords)
	}
	switch s.Part {
	case prfaq.PartSubheading:
		return "no subheading", fmt.Sprintf("add one line under the headline saying who the customer is and what they can now do, in italics or under %s", heading)
	case prfaq.PartSummary:
		return "no summary", fmt.Sprintf("open the press release with a paragraph%s on the customer, the problem, the product and the benefit, or write it under %s", more, heading)
	case prfaq.PartProblem:
		return "the press release states no customer problem", fmt.Sprintf("add a paragraph%s on the problem customers have today, as prose, after a **The problem.** label, or under %s", more, heading)
	case prfaq.PartSolution:
		return "the press release does not say how the product solves the problem", fmt.Sprintf("add a paragraph%s on the solution, as prose or under %s", more, heading)
	case prfaq.PartLeaderQuote:
		return "no quote from a leader of your company", fmt.Sprintf("add one with its speaker (\"...,\" said Jane Roe, VP of Payments), or under %s", heading)
	case prfaq.PartCustomerQuote:
		return "no quote from a customer", fmt.Sprintf("add one with the customer's name or role (\"...,\" said Sam Lee, owner of a bakery), or under %s", heading)
	case prfaq.PartGettingStarted:
		return "the press release does not say how to get started", fmt.Sprintf("add the first steps (install, sign up) or how quickly a customer is set up, as prose or under %s", heading)
	case prfaq.PartCallToAction:
		return "no call to action", fmt.Sprintf("end the press release with where to go next (a link, where it is available), as prose or under %s", heading)
	case prfaq.PartExternalFAQ:
		return "no FAQ for customers", fmt.Sprintf("add %s with the questions customers will ask, each answered", heading)
	case prfaq.PartInternalFAQ:
		return "no internal FAQ", fmt.Sprintf("add %s with the questions your stakeholders will ask (cost, risks, staffing, why now), each answered", heading)
	}
	return fmt.Sprintf("section %q is missing", s.Name), fmt.Sprintf("add a heading %s%s", heading, more)
}

// missingPos is where a missing part is reported: the headline (else the
// title), since there is no line to point at.
func (c *checker) missingPos() prfaq.Pos {
	for _, h := range []*prfaq.Heading{c.doc.Headline, c.doc.Title, c.doc.Name} {
		if h != nil {
			return h.Pos
		}
	}
	return prfaq.Pos{Line: 1, Column: 1}
}

// sectionBody reports a section that holds nothing: empty, only template
// text (which the placeholder rule reports, once), or fewer words than
// configured; a FAQ with no question.
func (c *checker) sectionBody(s *prfaq.Section, want *prfaq.SectionSpec) {
	name := s.Heading.Text
	if want.Kind == prfaq.KindFAQ {
		if len(s.Questions) == 0 && !c.templateOnly(s.Text) {
			c.reportSection(rule.SectionEmpty, s.Heading.Pos, want.Name, "%s has no questions: write each as a heading (### Why now?) or a bold line (**Q: Why now?**) followed by its answer", name)
		}
		return
	}
	n := prfaq.Words(c.withoutPlaceholders(s.Text))
	switch {
	case n == 0 && (c.templateOnly(s.Text) || s.Content):
		// template text only: reported as such; code only: content
	case n == 0 && want.Required:
		c.reportSection(rule.SectionEmpty, s.Heading.Pos, want.Name, "section %q is empty: write it%s", name, minWordsHint(want))
	case n == 0:
		c.warnSection(rule.SectionEmpty, s.Heading.Pos, want.Name, "recommended section %q is empty: write it or remove the heading", name)
	case n < want.MinWords && !s.Content:
		sev := c.reportSection
		if !want.Required {
			sev = c.warnSection
		}
		sev(rule.SectionEmpty, s.Heading.Pos, want.Name, "section %q has %s, fewer than %d: say more", name, words(n), want.MinWords)
	}
}

func minWordsHint(s *prfaq.SectionSpec) string {
	if s.MinWords > 0 {
		return fmt.Sprintf(" with at least %d words", s.MinWords)
	}
	return ""
}

// reportSection and warnSection report a section rule with the section's
// configured name as a field.
func (c *checker) reportSection(id string, pos prfaq.Pos, section, format string, args ...any) {
	if c.report(id, pos, format, args...) {
		c.last().Section = section
	}
}

func (c *checker) warnSection(id string, pos prfaq.Pos, section, format string, args ...any) {
	if c.warn(id, pos, format, args...) {
		c.last().Section = section
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

// faq reports questions without an answer. An answer that is only template
// text ("TODO", "(To be determined)", "<The answer.>") is no answer, and
// is reported here, once, rather than as a placeholder too.
func (c *checker) faq() {
	for _, s := range c.doc.Sections {
		for _, q := range s.Questions {
			c.question(q)
		}
	}
}

func (c *checker) question(q *prfaq.Question) {
	if q.AnswerContent || prfaq.Words(c.withoutPlaceholders(q.Answer)) > 0 {
		return
	}
	if strings.TrimSpace(q.Answer) == "" {
		if c.report(rule.FAQUnanswered, q.Pos, "question %q has no answer: write the answer below it", q.Text) {
			c.last().Question = q.Text
		}
		return
	}
	text := oneLine(q.Answer)
	if c.report(rule.FAQUnanswered, q.AnswerPos, "question %q is answered only with template text %q: write the answer", q.Text, text) {
		f := c.last()
		f.Question, f.Text = q.Text, text
	}
	for l := q.AnswerPos.Line; l <= max(q.AnswerEnd, q.AnswerPos.Line); l++ {
		c.claimed[l] = true
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func words(n int) string {
	if n == 1 {
		return "1 word"
	}
	return fmt.Sprintf("%d words", n)
}
