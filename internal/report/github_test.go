package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/rule"
)

// hostile is text an attacker controls (a file name, a metric name, a
// quoted cell) that tries every way out of a workflow command: an encoded
// newline, real CR and LF, the property separators ':' and ',', and a
// command of its own.
const hostile = "x%0A::error::pwned,title=y:z\r\n::warning file=evil::ha\r::stop-commands::t\n"

func injectionRun() Run {
	fs := []rule.Finding{
		{Rule: "placeholder", Severity: rule.Error, File: "a%0A::error::b/c,d:e\nf/PRFAQ.md", Line: 1, Column: 2, Message: "template text " + hostile, Text: hostile},
		{Rule: "section-empty", Severity: rule.Warning, File: "services/" + hostile + "/PRFAQ.md", Line: 3, Column: 1, Message: hostile,
			Section: hostile, Question: hostile, Metric: "<b>" + hostile, Field: hostile},
		{Rule: "initiative-without-prfaq", Severity: rule.Error, File: "services/" + hostile, Message: hostile},
		{Rule: "initiative-without-prfaq", Severity: rule.Error, Commit: "abc", Message: hostile},
		{Rule: "initiative-without-prfaq", Severity: rule.Error, Ref: hostile, Message: hostile},
	}
	changes := []change.Change{{File: hostile, Metric: hostile, Field: "target", From: hostile, To: "<b>" + hostile,
		Effect: change.Weakened, Commit: hostile, Acknowledged: hostile, Line: 4}}
	return Run{Findings: fs, Summary: Summarize(2, fs), Changes: changes}
}

func TestGitHubInjection(t *testing.T) {
	r := injectionRun()
	var b bytes.Buffer
	if err := GitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// One command per finding, one notice per acknowledged weakening, one
	// summary line; nothing else, so nothing was split.
	if want := len(r.Findings) + 1 + 1; len(lines) != want {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), want, out)
	}
	if strings.Contains(out, "\r") {
		t.Errorf("a carriage return reached the output:\n%q", out)
	}
	ours := regexp.MustCompile(`^::(error|warning|notice)( (file|line|col|title)=[^:,]*(,(file|line|col|title)=[^:,]*)*)?::[^\r\n]*$`)
	commands := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "::") {
			continue
		}
		commands++
		if !ours.MatchString(l) {
			t.Errorf("line is not one of our commands, or a property escaped its value:\n%q", l)
		}
	}
	// What the runner decodes is what we meant: the hostile text comes
	// back whole, as text, in the annotation.
	first := lines[0]
	props, msg, _ := strings.Cut(strings.TrimPrefix(first, "::error "), "::")
	if got := runnerUnescape(msg); got != r.Findings[0].Message {
		t.Errorf("the runner would show message %q, want %q", got, r.Findings[0].Message)
	}
	file, _, _ := strings.Cut(strings.TrimPrefix(props, "file="), ",")
	if got := runnerUnescape(file); got != r.Findings[0].File {
		t.Errorf("the runner would read file %q, want %q", got, r.Findings[0].File)
	}
	if commands != len(r.Findings)+1 {
		t.Errorf("%d command lines, want %d", commands, len(r.Findings)+1)
	}
	if !strings.HasPrefix(lines[len(lines)-1], "git-prfaq FAIL: ") {
		t.Errorf("last line = %q, want the summary", lines[len(lines)-1])
	}
}

// runnerUnescape decodes a value as the Actions runner does
// (ActionCommand's unescape: each mapping in turn, '%' last).
func runnerUnescape(s string) string {
	for _, m := range [][2]string{{"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}} {
		s = strings.ReplaceAll(s, m[0], m[1])
	}
	return s
}

// TestGitHubEscaping checks the toolkit's escapes value by value.
func TestGitHubEscaping(t *testing.T) {
	for _, c := range []struct{ in, data, prop string }{
		{"a%b", "a%25b", "a%25b"},
		{"%0A", "%250A", "%250A"},
		{"l1\r\nl2", "l1%0D%0Al2", "l1%0D%0Al2"},
		{"k:v,w", "k:v,w", "k%3Av%2Cw"},
		{"plain → ✓", "plain → ✓", "plain → ✓"},
	} {
		if got := escapeData(c.in); got != c.data {
			t.Errorf("escapeData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := escapeProperty(c.in); got != c.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}

func TestAppendStepSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "step_summary")
	if err := os.WriteFile(path, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := AppendStepSummary(path, goldenRun(), Links{}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := Markdown(&md, goldenRun(), Links{}); err != nil {
		t.Fatal(err)
	}
	if string(got) != "earlier step\n"+md.String() {
		t.Errorf("the summary must be appended, the earlier step's text kept:\n%s", got)
	}
	if err := AppendStepSummary(filepath.Join(t.TempDir(), "no", "such"), Run{}, Links{}); err == nil {
		t.Error("an unwritable summary file must be an error")
	}
}
