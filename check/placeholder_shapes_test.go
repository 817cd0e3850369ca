package check

import (
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/rule"
)

// TestPlaceholderShapes: template text as real documents leave it is
// found, once, at its column; links, code, footnotes, task boxes and
// quotations' editorial brackets are not template text.
func TestPlaceholderShapes(t *testing.T) {
	tests := []struct {
		line string
		want []string // the template text reported, in order
	}{
		{"**[CITY, STATE] – [DATE]** – Acme today announced Ledger.", []string{"[CITY, STATE]", "[DATE]"}},
		{"WHO? announced the framework today.", []string{"WHO?"}},
		{"Review time drops by XX% and costs by n%.", []string{"XX%", "n%"}},
		{"画像 n 種に対応します。", []string{"n 種"}},
		{"Pricing starts at $X per seat (To be determined after the pilot).", []string{"$X", "(To be determined after the pilot)"}},
		{"Korporus is available now at [repository URL].", []string{"[repository URL]"}},
		{"said [Leader, AWS Databases] today.", []string{"[Leader, AWS Databases]"}},
		{"Deploy with `SEATTLE — [TARGET GA DATE] —` in the log.", []string{"[TARGET GA DATE]"}},
		{"— <name>, Owner, <gym name>", []string{"<name>", "<gym name>"}},
		{"</DRAFT>", []string{"</DRAFT>"}},
		{"See the [manual](manual/README.md) and `<name>` and `[OPTIONS]`.", nil},
		{"A footnote[^1] and https://example.com/TODO and a <br> tag.", nil},
		{"- [ ] write the FAQ", nil},
		{"\"We [the team] built it,\" said Ana Diaz, VP of Product.", nil},
		{"Is this an FAQ? It is one.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			src := "# Acme launches Ledger for every small shop\n\n" + tt.line + "\n"
			var got []string
			for _, f := range run(t, src, nil) {
				if f.Rule == rule.Placeholder {
					got = append(got, f.Text)
					if f.Line != 3 || !strings.HasPrefix(strings.Split(src, "\n")[2][byteOffset(src, f.Column):], f.Text) {
						t.Errorf("%q reported at 3:%d, which does not hold it", f.Text, f.Column)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("template text %q, want %q", got, tt.want)
			}
		})
	}
}

// byteOffset turns a 1-based column in characters on line 3 into a byte
// offset.
func byteOffset(src string, col int) int {
	line := strings.Split(src, "\n")[2]
	return len(string([]rune(line)[:col-1]))
}

// TestAnswerOnlyTemplateText: an answer that is only template text is an
// unanswered question, reported once, with the text.
func TestAnswerOnlyTemplateText(t *testing.T) {
	src := "# Acme launches Ledger for every small shop\n\n## FAQ\n\n**Q: How much does it cost?**\nA: [Pricing TBD — tiered by members, free up to 50, standard up to 500, premium unlimited.]\n\n### How scalable is it?\n\nTODO\n"
	var rules []string
	for _, f := range run(t, src, nil) {
		if f.Rule == rule.FAQUnanswered || f.Rule == rule.Placeholder {
			rules = append(rules, f.Rule+":"+f.Question+":"+f.Text)
		}
	}
	want := []string{
		"faq-unanswered:How much does it cost?:[Pricing TBD — tiered by members, free up to 50, standard up to 500, premium unlimited.]",
		"faq-unanswered:How scalable is it?:TODO",
	}
	if strings.Join(rules, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(rules, "\n"), strings.Join(want, "\n"))
	}
}
