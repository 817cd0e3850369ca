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
