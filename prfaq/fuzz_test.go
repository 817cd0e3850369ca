package prfaq

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic, fail
// only with an *InputError, and give positions inside the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "# H\n", "+++\nstatus = \"draft\"\n+++\n# H\n", "---\nstatus: x\n---\n",
		"## FAQ\n**Q: Why?**  \nA: Because.\n", "## Success Metrics\n| Metric | Target |\n|-|-|\n| a | 5 |\n",
		"Title\n=====\n\nSummary\n-------\n", "```\n## Summary\n```\n", "\xef\xbb\xbf# H\r\n",
		// Shapes of the reader: a narrative release, labels, quotes, nested
		// and listed FAQs, plain text, other scripts.
		narrative,
		"# PRFAQ: X\n\n## Press Release\n\n**The problem.** Hard.\n\n**Customer Quote**\n\n> \"Great,\" said Bo.\n> - Bo from Rome\n",
		"## Frequently Asked Questions\n### Customer FAQ\n1. **Why?**\n   Because.\n### Internal\n- Q: Cost?\n  - A: TBD\n",
		"PRFAQ X\n\nプレスリリース\n\nAWS、X を発表\n\n2025 年 6 月、東京 — 「素晴らしい」と責任者は述べています。\n\nFAQ\n\n- Q: 料金は？\n  - TBD\n",
		"---\ntype: x\n---\n\n# 보도자료 (Press Release)\n\n**제목:** _X 출시_\n\n> 질문?\n\n###\n",
		"\"[a] [b]\" <gym name> <br> [CITY, STATE] `[TARGET DATE]` [x](y) [^1] n% XX% $X (To be determined)\n",
	} {
		f.Add([]byte(s))
	}
	wild, _ := filepath.Glob(filepath.Join("testdata", "wild", "pfv-*"))
	for _, p := range wild {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	spec := testSpec()
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse(src, spec)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return
		}
		lines := len(d.Lines)
		for _, s := range d.Sections {
			if s.Heading.Pos.Line < 1 || s.Heading.Pos.Line > lines || s.EndLine > lines {
				t.Fatalf("section %q at %+v..%d outside %d lines", s.Name(), s.Heading.Pos, s.EndLine, lines)
			}
			if s.Metrics != nil {
				for _, m := range s.Metrics.Metrics {
					if m.Pos.Line < 1 || m.Pos.Line > lines {
						t.Fatalf("metric %q at line %d of %d", m.Name, m.Pos.Line, lines)
					}
				}
			}
		}
	})
}

// FuzzParseMetrics: ParseMetrics must give the front matter and sections
// Parse gives, for any input, and fail exactly when Parse fails.
func FuzzParseMetrics(f *testing.F) {
	for _, s := range parseMetricsSeeds(f) {
		f.Add(s)
	}
	x := NewParser(testSpec())
	f.Fuzz(func(t *testing.T, src []byte) {
		sameMetricsParse(t, x, src)
	})
}
