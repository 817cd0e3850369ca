package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/rule"
)

// suggested is a finding with a proposed table, whose bullet text is the
// document's own (so hostile).
var suggested = rule.Finding{
	Rule: rule.MetricsMissing, Severity: rule.Error, File: "a/PRFAQ.md", Line: 9, Column: 1,
	Message:    "success metrics are a bullet list, which cannot be measured: rewrite them as a table",
	Suggestion: "| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n| 100+ stars ``` \x1b[31m | ? | 100 stars | ? | ? |",
}

// TestSuggestionEveryFormat: the table proposed from a bullet list reaches
// every format, whole and inert.
func TestSuggestionEveryFormat(t *testing.T) {
	run := Run{Findings: []rule.Finding{suggested}, Summary: Summarize(1, []rule.Finding{suggested})}

	var text bytes.Buffer
	if err := Text(&text, run.Findings, run.Summary, Style{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(text.String(), "\n")
	if !strings.HasPrefix(lines[0], "a/PRFAQ.md:9:1: error:") || lines[1] != "    | Metric | Baseline | Target | By | Source |" ||
		!strings.HasPrefix(lines[3], "    | 100+ stars") || strings.Contains(text.String(), "\x1b") {
		t.Errorf("text: want the finding, then the table indented and escaped:\n%s", text.String())
	}

	var js bytes.Buffer
	if err := JSON(&js, run.Findings, run.Summary); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []rule.Finding `json:"findings"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil || got.Findings[0].Suggestion != suggested.Suggestion {
		t.Errorf("json: suggestion %q, %v", got.Findings[0].Suggestion, err)
	}

	var md bytes.Buffer
	if err := Markdown(&md, run, Links{}); err != nil {
		t.Fatal(err)
	}
	html := renderGFM(t, md.String())
	if !strings.Contains(html, "<code class=\"language-text\">| Metric | Baseline") || strings.Contains(html, "<table>\n<thead>\n<tr>\n<th>Metric") {
		t.Errorf("markdown: want the table in a code block, not rendered:\n%s", html)
	}

	var gh bytes.Buffer
	if err := GitHub(&gh, run); err != nil {
		t.Fatal(err)
	}
	if first := strings.SplitN(gh.String(), "\n", 2)[0]; !strings.Contains(first, "%0A%0A| Metric | Baseline") {
		t.Errorf("github: want the table in the annotation, escaped on one line:\n%s", gh.String())
	}

	var sarif bytes.Buffer
	if err := SARIF(&sarif, run, DefaultTool("test")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sarif.String(), `"suggestion": "| Metric | Baseline`) {
		t.Errorf("sarif: no suggestion property:\n%s", sarif.String())
	}
}
