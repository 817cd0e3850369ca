package check_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// FuzzCheck reads arbitrary bytes and runs every document rule of the
// default configuration on them, as `git prfaq check` does for one file:
// it must never panic, and every finding must name a document rule, have
// a message, and point at a line and column inside the file.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"", "# H\n", "+++\nstatus = \"draft\"\n+++\n# H\n", "+++\nstatus = 3\n", "---\nstatus: x\n---\n",
		"## FAQ\n**Q: Why?**  \nA: Because.\n", "## External FAQ\n### How much?\n\n## Internal FAQ\n1. **Why now?**\n",
		"## Success Metrics\n| Metric | Baseline | Target | By | Source |\n|-|-|-|-|-|\n| a | 5 | 3 days | 2020-01-01 | |\n",
		"## Success Metrics\n- faster\n", "**The problem.** TODO <Name>\n\n> \"Quote,\" said [NAME, TITLE].\n",
		"Title\n=====\n\nSummary\n-------\nlorem ipsum\n",
		"# Ledger cuts close from 6 days to 1 and costs by 40%\n\n## Summary\nIt doubles sales, 2x faster, \"by 50%\".\n\n## Success Metrics\n| Metric | Baseline | Target | By | Source | Actual |\n|-|-|-|-|-|-|\n| a | 6 days | 1 day | 2020-01-01 | s | 3 days |\n", "```\n## Summary\n```\n", "\xef\xbb\xbf# H\r\n\r\nTBD\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Add(prfaq.Template("", ""))
	f.Add(prfaq.Template("Example Corp launches Ledger", "jane@example.com"))
	if good, err := os.ReadFile(filepath.Join("testdata", "good.md")); err == nil {
		f.Add(good)
	}
	wild, _ := filepath.Glob(filepath.Join("..", "prfaq", "testdata", "wild", "pfv-*"))
	for _, p := range wild {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}

	cfg := config.Default()
	parser, checker := prfaq.NewParser(cfg.Spec()), check.New(cfg)
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	// The rules a document can break; metric-weakened and
	// initiative-without-prfaq belong to ranges and hooks.
	rules := slices.DeleteFunc(rule.IDs(), func(id string) bool {
		return id == rule.MetricWeakened || id == rule.InitiativeWithoutPRFAQ
	})

	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := parser.Parse(src)
		if err != nil {
			var ie *prfaq.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return
		}
		// However the file breaks its lines, it has no more than this.
		lines := 1 + bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r"))
		for _, fd := range checker.Document(check.Input{File: "a/PRFAQ.md", Doc: doc, Today: today}) {
			switch {
			case !slices.Contains(rules, fd.Rule):
				t.Fatalf("finding with rule %q, not a document rule: %+v", fd.Rule, fd)
			case fd.Message == "":
				t.Fatalf("finding without a message: %+v", fd)
			case fd.Line < 1 || fd.Column < 1:
				t.Fatalf("finding at line %d, column %d: positions start at 1: %+v", fd.Line, fd.Column, fd)
			case fd.Line > lines:
				t.Fatalf("finding at line %d of a file of %d lines: %+v", fd.Line, lines, fd)
			case fd.Severity != rule.Error && fd.Severity != rule.Warning:
				t.Fatalf("finding with severity %q: %+v", fd.Severity, fd)
			case fd.File != "a/PRFAQ.md":
				t.Fatalf("finding on file %q, want the input's: %+v", fd.File, fd)
			}
		}
		// Where the metrics stand: a finite fraction, and a distance
		// left exactly when the target is not reached.
		for _, p := range check.DocumentProgress(doc, check.PolicyOf(cfg)) {
			if math.IsNaN(p.Fraction) || math.IsInf(p.Fraction, 0) || (p.Remaining == "") != (p.Fraction >= 1) || p.State == "" {
				t.Fatalf("progress %+v", p)
			}
		}
	})
}
