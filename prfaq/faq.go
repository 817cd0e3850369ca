package prfaq

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// question recognises a FAQ entry written as a paragraph: a bold question
// ("**Q: Why now?**" or "**Why now?**") or a plain "Q:" line. The rest of
// the paragraph, if any, is the start of the answer.
func (p *parser) paragraphQuestion(b ast.Node) (*Question, string, bool) {
	para, ok := b.(*ast.Paragraph)
	if !ok {
		return nil, "", false
	}
	pos := p.idx.pos(para.Pos())
	if strong, ok := para.FirstChild().(*ast.Emphasis); ok && strong.Level == 2 {
		q := plainText(strong, p.src)
		if text, prefixed := trimQuestionPrefix(q); prefixed || strings.HasSuffix(q, "?") {
			return &Question{Text: text, Pos: pos, Shape: "bold"}, trimAnswerPrefix(restText(strong, p.src)), true
		}
	}
	all := plainText(para, p.src)
	if text, prefixed := trimQuestionPrefix(all); prefixed {
		q, a := splitQA(text)
		return &Question{Text: q, Pos: pos, Shape: "q-prefix"}, a, true
	}
	return nil, "", false
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
// that starts with an answer prefix, or is the first line when none does.
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
	questionPrefixes = []string{"question:", "q:", "q.", "q -", "q)"}
	answerPrefixes   = []string{"answer:", "a:", "a.", "a -", "a)"}
)

func trimQuestionPrefix(s string) (string, bool) {
	return trimPrefixFold(strings.TrimSpace(s), questionPrefixes)
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
		if rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}
