package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/rule"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenRun has every kind of place a finding can point at and every kind
// of metric change, so each format's golden file shows each shape once.
func goldenRun() Run {
	fs := []rule.Finding{
		{Rule: "placeholder", Severity: rule.Error, File: "services/pay/PRFAQ.md", Line: 12, Column: 5, Message: `template text "TODO" is still here: replace it with your own words`, Text: "TODO"},
		{Rule: "placeholder", Severity: rule.Error, File: "services/pay/PRFAQ.md", Line: 40, Column: 1, Message: `template text "TODO" is still here: replace it with your own words`, Text: "TODO"},
		{Rule: "section-missing", Severity: rule.Warning, File: "services/pay/PRFAQ.md", Line: 1, Column: 1, Message: `recommended section "Customer Quote" is missing: add a heading ## Customer Quote`, Section: "Customer Quote"},
		{Rule: "faq-unanswered", Severity: rule.Error, File: "services/pay/PRFAQ.md", Line: 44, Column: 1, Message: `question "How much does it cost?" has no answer: write the answer below it`, Question: "How much does it cost?"},
		{Rule: "metric-weakened", Severity: rule.Error, File: "services/pay/PRFAQ.md", Line: 58, Column: 1, Message: `metric "Month-end close time": target 1 day → 3 days (weakened) weakens the success criteria: acknowledge it with a PRFAQ-Ack: <reason> trailer`, Metric: "Month-end close time", Field: "target"},
		{Rule: "initiative-without-prfaq", Severity: rule.Error, File: "services/ledger", Message: "services/ledger is a new initiative without a PRFAQ: git prfaq new services/ledger"},
		{Rule: "initiative-without-prfaq", Severity: rule.Error, Commit: "0123456789abcdef0123456789abcdef01234567", Message: `the commit declares Initiative: Ledger but adds or changes no PRFAQ`},
		{Rule: "initiative-without-prfaq", Severity: rule.Warning, Ref: "initiative/ledger", Message: "the push adds or changes no PRFAQ"},
		{Rule: "headline-too-long", Severity: rule.Error, File: "docs/prfaq/a b (draft).md", Line: 3, Column: 1, Message: "headline has 24 words, more than 20: cut it"},
		{Rule: "placeholder", Severity: rule.Error, File: "services/pay/PRFAQ.md", Line: 30, Column: 9, Message: `template text "TBD" is still here: replace it with your own words`, Text: "TBD", Suppressed: true, Suppression: "pricing is set in May"},
	}
	changes := []change.Change{
		{File: "services/pay/PRFAQ.md", Metric: "Month-end close time", Field: "target", From: "1 day", To: "3 days", Effect: change.Weakened, Severity: rule.Error, Commit: "89abcdef0123456789abcdef0123456789abcdef", Line: 58},
		{File: "services/pay/PRFAQ.md", Metric: "Paying shops", Field: "by", From: "2027-Q4", To: "2028-Q2", Effect: change.Weakened, Commit: "fedcba9876543210fedcba9876543210fedcba98", Acknowledged: "the bank API ships in Q3, not Q1", Line: 59},
		{File: "services/pay/PRFAQ.md", Metric: "Churn", Field: "target", From: "5%", To: "3%", Effect: change.Improved, Line: 60},
		{File: "services/pay/PRFAQ.md", Metric: "NPS", Field: "metric", To: "NPS", Effect: change.Improved, Line: 61},
		{File: "services/pay/PRFAQ.md", Metric: "Tickets", Field: "source", From: "Zendesk", To: "Help desk export", Effect: change.Neutral, Line: 62},
	}
	charts := []Chart{{
		File: "services/pay/PRFAQ.md", Metric: "Month-end close time", Unit: "days",
		Points: []Point{
			{Commit: "1111111111111111111111111111111111111111", Value: 1, Text: "1 day"},
			{Commit: "2222222222222222222222222222222222222222", Value: 5, Text: "5 days"},
			{Commit: "89abcdef0123456789abcdef0123456789abcdef", Value: 3, Text: "3 days"},
		},
	}}
	unreadable := []Unreadable{{File: "services/old/PRFAQ.md", Message: "services/old/PRFAQ.md:3: binary file (NUL byte): a PRFAQ must be UTF-8 text"}}
	sum := Summarize(3, fs)
	sum.Unreadable = len(unreadable)
	return Run{Findings: fs, Summary: sum, Unreadable: unreadable, Changes: changes, Charts: charts}
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./internal/report -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	r := goldenRun()
	absolute := Links{Blob: "https://github.com/prfaq/example/blob/c0ffee/", Commit: "https://github.com/prfaq/example/commit/"}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text.txt":             func(b *bytes.Buffer) error { return Text(b, r.Findings, r.Summary, Style{}) },
		"json.json":            func(b *bytes.Buffer) error { return JSONRun(b, r) },
		"github.txt":           func(b *bytes.Buffer) error { return GitHub(b, r) },
		"sarif.json":           func(b *bytes.Buffer) error { return SARIF(b, r, DefaultTool("v1.2.3")) },
		"sarif-empty.json":     func(b *bytes.Buffer) error { return SARIF(b, Run{}, DefaultTool("v1.2.3")) },
		"rdjson.json":          func(b *bytes.Buffer) error { return RDJSON(b, r, DefaultTool("v1.2.3")) },
		"markdown.md":          func(b *bytes.Buffer) error { return Markdown(b, r, Links{}) },
		"markdown-absolute.md": func(b *bytes.Buffer) error { return Markdown(b, r, absolute) },
		"markdown-pass.md":     func(b *bytes.Buffer) error { return Markdown(b, Run{Summary: Summarize(3, nil)}, Links{}) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, name, b.Bytes())
		})
	}
}
