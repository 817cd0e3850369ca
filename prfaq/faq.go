package prfaq

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// paragraphQuestion recognises a FAQ entry written as a paragraph (or the
// first paragraph of a list item): a bold question ("**Q: Why now?**",
// "**Why now?**", "**C1. Which sources?**") or a plain "Q:" line. The
// rest of the paragraph, if any, is the start of the answer.
func (r *reader) paragraphQuestion(para ast.Node, pos Pos) (*Question, string, bool) {
	switch para.(type) {
	case *ast.Paragraph, *ast.TextBlock:
	default:
		return nil, "", false
	}
	cs := inlines(para, r.src)
	if len(cs) > 0 {
		if strong, ok := cs[0].(*ast.Emphasis); ok && strong.Level == 2 {
			q := plainText(strong, r.src)
			if text, prefixed := trimQuestionPrefix(q); prefixed && text == "" {
				// "**Q:** How much?" / "**Question:** How much?": the
				// bold part is only the prefix.
				qq, a := splitQA(restText(strong, r.src))
				if qq == "" {
					return nil, "", false
				}
				return &Question{Text: qq, Pos: pos, Shape: "bold"}, a, true
			}
			if text, prefixed := trimQuestionPrefix(q); prefixed || isQuestionText(q) || strings.Contains(q, "?") && r.region == inFAQ {
				return &Question{Text: strings.Join(strings.Fields(text), " "), Pos: pos, Shape: "bold"}, trimAnswerPrefix(restText(strong, r.src)), true
			}
		}
	}
	all := plainText(para, r.src)
	if text, prefixed := trimQuestionPrefix(all); prefixed {
		q, a := splitQA(text)
		return &Question{Text: q, Pos: pos, Shape: "q-prefix"}, a, true
	}
	return nil, "", false
}

// listQuestions reads a list whose items are questions ("1. **Do I have
// to know SQL?** Not necessarily ...", "- Q: ...\n  - A: ..."): each item
// is a question and the rest of the item its answer. Items that are not
// questions continue the answer before them. It reports whether the list
// held questions.
func (r *reader) listQuestions(b *block) bool {
	type entry struct {
		q      *Question
		answer string
		body   ast.Node
		first  ast.Node
	}
	var items []entry
	any := false
	// A numbered item is a plain question only when it stands alone (the
	// FAQ numbers its questions across lists, answers between them) or
	// holds its answer: a numbered list of questions inside an answer
	// ("1. Contract validity — is it active?") is the answer.
	numbered := false
	if l, ok := b.n.(*ast.List); ok && l.IsOrdered() {
		numbered = l.ChildCount() == 1
		for it := l.FirstChild(); it != nil && !numbered; it = it.NextSibling() {
			numbered = it.ChildCount() > 1
		}
	}
	for it := b.n.FirstChild(); it != nil; it = it.NextSibling() {
		e := entry{body: it, first: it.FirstChild()}
		if e.first != nil {
			e.q, e.answer, _ = r.paragraphQuestion(e.first, r.nodePos(e.first))
			if e.q == nil && numbered && (r.question == nil || len(r.qText) > 0) {
				e.q, e.answer = r.numberedQuestion(e.first)
			}
		}
		any = any || e.q != nil
		items = append(items, e)
	}
	if !any {
		return false
	}
	r.ensureFAQ(b)
	for _, e := range items {
		if e.q == nil {
			r.addAnswer(plainText(e.body, r.src), b, hasCode(e.body))
			continue
		}
		e.q.Shape = "list"
		r.openQuestion(e.q)
		r.addAnswer(e.answer, b, false)
		for c := e.first.NextSibling(); c != nil; c = c.NextSibling() {
			cb := r.newBlock(c)
			r.addAnswer(cb.text, cb, cb.code || cb.kind == bTable)
		}
		r.extendAnswer(&block{end: r.endLine(e.body, e.q.Pos.Line)})
	}
	return true
}

// numberedQuestion reads the first paragraph of a numbered list item as a
// question when its first line ends with a question mark ("1. What does it
// cost?"): a numbered FAQ written without bold or prefixes. Bullets are
// not read this way: a bullet ending in "?" inside an answer is an open
// question, not a FAQ entry.
func (r *reader) numberedQuestion(para ast.Node) (*Question, string) {
	switch para.(type) {
	case *ast.Paragraph, *ast.TextBlock:
	default:
		return nil, ""
	}
	text := plainText(para, r.src)
	first, rest, _ := strings.Cut(text, "\n")
	if !isQuestionText(first) || Words(first) > 40 {
		return nil, ""
	}
	return &Question{Text: strings.TrimSpace(first), Pos: r.nodePos(para), Shape: "list"}, strings.TrimSpace(rest)
}

// restText is the plain text of the nodes after n in its paragraph.
func restText(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		writeText(&b, c, src)
	}
	return strings.TrimSpace(b.String())
}

// splitQA splits "question\nA: answer": the question runs up to a line
// that starts with an answer prefix, or is the first line when none does
// (and the question does not run on past a line without "?").
func splitQA(s string) (string, string) {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if _, ok := trimPrefixFold(strings.TrimSpace(lines[i]), answerPrefixes); ok {
			return strings.Join(lines[:i], " "), trimAnswerPrefix(strings.Join(lines[i:], "\n"))
		}
	}
	return lines[0], strings.TrimSpace(strings.Join(lines[1:], "\n"))
}

var (
	questionPrefixes = []string{"question:", "q:", "q.", "q -", "q)", "frage:", "質問:", "질문:"}
	answerPrefixes   = []string{"answer:", "a:", "a.", "a -", "a)", "antwort:", "回答:", "답변:"}
)

// trimQuestionPrefix removes "Q:", "Q1.", "Question:" and their kin.
func trimQuestionPrefix(s string) (string, bool) {
	s = strings.TrimSpace(s)
	s = strings.Replace(s, "：", ":", 1)
	if t, ok := trimPrefixFold(s, questionPrefixes); ok {
		return t, true
	}
	// "Q1." / "Q12:" — a numbered question.
	if len(s) > 2 && (s[0] == 'Q' || s[0] == 'q') && s[1] >= '0' && s[1] <= '9' {
		i := 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i < len(s) && (s[i] == '.' || s[i] == ':' || s[i] == ')') {
			return strings.TrimSpace(s[i+1:]), true
		}
	}
	return s, false
}

func trimAnswerPrefix(s string) string {
	s = strings.TrimSpace(s)
	t, _ := trimPrefixFold(s, answerPrefixes)
	return t
}

// trimPrefixFold removes the first matching prefix, ignoring case, and the
// spaces after it. A prefix counts only when followed by a space or the end
// ("Q: Why", not "Quarterly").
func trimPrefixFold(s string, prefixes []string) (string, bool) {
	for _, pre := range prefixes {
		if len(s) < len(pre) || !strings.EqualFold(s[:len(pre)], pre) {
			continue
		}
		rest := s[len(pre):]
		if rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || !isASCII(pre) {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isQuestionText says whether a heading or bold line is a question: it
// ends with a question mark or carries a question prefix. A noun phrase
// ("Pricing", "Unterstützte Geräte") is a topic, not a question.
func isQuestionText(s string) bool {
	t := strings.TrimRight(strings.TrimSpace(s), " *_:")
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？") {
		return true
	}
	_, ok := trimQuestionPrefix(t)
	return ok
}

// trimQuestionText drops a question prefix from a heading ("Q: What is
// NEP?" asks "What is NEP?").
func trimQuestionText(s string) string {
	t, _ := trimQuestionPrefix(s)
	return t
}
