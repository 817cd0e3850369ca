package baseline

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/scan"
	"github.com/prfaq/git-prfaq/rule"
)

var today = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)

// doc is the good document with three problems: a placeholder in the
// problem section, a metric whose target cannot be measured, and a FAQ
// question with no answer.
func doc(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../check/testdata/good.md")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "and still make mistakes.", "and still make mistakes TODO.", 1)
	s = strings.Replace(s, "| 0 shops | 1,200 shops |", "| 0 shops | more |", 1)
	s = strings.Replace(s, "### Why now?", "### Who pays?\n\n### Why now?", 1)
	return s
}

func findings(t *testing.T, src string) []rule.Finding {
	t.Helper()
	_, fs := scan.Check([]scan.File{{Path: "a/PRFAQ.md", Data: []byte(src)}}, config.Default(), today)
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	return fs
}

// fingerprints maps each rule's findings to their fingerprints.
func fingerprints(t *testing.T, src string) map[string][]string {
	m := map[string][]string{}
	for _, f := range findings(t, src) {
		m[f.Rule] = append(m[f.Rule], f.Fingerprint())
	}
	return m
}

func same(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") }

// TestFingerprintStable: editing elsewhere in the document (lines above
// every finding added, a section moved) keeps each fingerprint; changing
// the metric, the question or the template text changes its finding's.
func TestFingerprintStable(t *testing.T) {
	src := doc(t)
	before := fingerprints(t, src)
	for _, r := range []string{rule.Placeholder, rule.MetricUnmeasurable, rule.FAQUnanswered} {
		if len(before[r]) != 1 {
			t.Fatalf("%s: want one finding, got %v", r, before)
		}
	}
	edits := map[string]string{
		"lines added above": strings.Replace(src, "## Subheading\n", "## Subheading\n\nA new line.\n\nAnd another paragraph of thirty words or so.\n", 1),
		"section moved": strings.Replace(strings.Replace(src, "## Problem\n\nShop owners spend six evenings every month matching receipts to bank lines by hand, and still make mistakes TODO.\n", "", 1),
			"## Success Metrics", "## Problem\n\nShop owners spend six evenings every month matching receipts to bank lines by hand, and still make mistakes TODO.\n\n## Success Metrics", 1),
	}
	for name, edited := range edits {
		if edited == src {
			t.Fatalf("%s: the edit did not apply", name)
		}
		after := fingerprints(t, edited)
		for r, fps := range before {
			if !same(fps, after[r]) {
				t.Errorf("%s: %s fingerprints changed: %v → %v", name, r, fps, after[r])
			}
		}
	}
	changed := map[string]string{
		rule.MetricUnmeasurable: strings.Replace(src, "| Paying shops |", "| Paying stores |", 1),
		rule.FAQUnanswered:      strings.Replace(src, "### Who pays?", "### Who pays for it?", 1),
		rule.Placeholder:        strings.Replace(src, "mistakes TODO.", "mistakes TBD.", 1),
	}
	for r, edited := range changed {
		if same(before[r], fingerprints(t, edited)[r]) {
			t.Errorf("%s: fingerprint kept when what the finding is about changed", r)
		}
	}
	// Another metric field of the same row is another finding.
	f := rule.Finding{Rule: rule.MetricUnmeasurable, File: "a", Metric: "Churn", Field: "target", Message: `metric "Churn": x`}
	g := f
	g.Field = "baseline"
	if f.Fingerprint() == g.Fingerprint() {
		t.Error("target and baseline findings share a fingerprint")
	}
	g = f
	g.Line, g.Column = 90, 4
	if f.Fingerprint() != g.Fingerprint() {
		t.Error("the line changed the fingerprint")
	}
}

// TestRoundTrip: a baseline written from findings, read back, holds all
// of them; duplicates are counted; the text is sorted, versioned and ends
// in a newline.
func TestRoundTrip(t *testing.T) {
	fs := findings(t, doc(t))
	dup := rule.Finding{Rule: rule.Placeholder, File: "b/PRFAQ.md", Line: 3, Text: "TODO", Message: `template text "TODO" is still here`}
	dup2 := dup
	dup2.Line = 9
	weak := rule.Finding{Rule: rule.MetricWeakened, File: "b/PRFAQ.md", Metric: "Churn", Message: "weakened"}
	fs = append(fs, dup, dup2, weak)
	data, err := Of(fs).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.HasPrefix(text, "{\n  \"version\": 1,\n") || !strings.HasSuffix(text, "}\n") {
		t.Errorf("file text:\n%s", text)
	}
	if strings.Contains(text, rule.MetricWeakened) {
		t.Error("metric-weakened recorded in the baseline")
	}
	b, err := Parse("x.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if b.Findings[len(b.Findings)-1].File != "b/PRFAQ.md" || b.Findings[len(b.Findings)-1].Count != 2 {
		t.Errorf("last entry %+v: want b/PRFAQ.md counted twice", b.Findings[len(b.Findings)-1])
	}
	r := b.Apply(fs, []string{"a/PRFAQ.md", "b/PRFAQ.md"})
	if len(r.Findings) != 1 || r.Findings[0].Rule != rule.MetricWeakened || r.Baselined != len(fs)-1 || r.Stale != 0 {
		t.Errorf("apply: %+v", r)
	}
	again, _ := Of(fs).Marshal()
	if string(again) != text {
		t.Error("writing the same findings twice gave two texts")
	}
}

// TestApply: a new finding is reported, a fixed one is stale (only in the
// files checked), a third duplicate is reported.
func TestApply(t *testing.T) {
	a := rule.Finding{Rule: rule.Placeholder, File: "a", Text: "TODO", Message: "m"}
	b := rule.Finding{Rule: rule.Placeholder, File: "b", Text: "TODO", Message: "m"}
	base := Of([]rule.Finding{a, a, b})
	r := base.Apply([]rule.Finding{a, a, a}, []string{"a", "b"})
	if len(r.Findings) != 1 || r.Baselined != 2 || r.Stale != 1 {
		t.Errorf("got %+v", r)
	}
	r = base.Apply([]rule.Finding{a}, []string{"a"})
	if len(r.Findings) != 0 || r.Baselined != 1 || r.Stale != 1 {
		t.Errorf("only a checked: got %+v", r)
	}
	suppressed := a
	suppressed.Suppressed = true
	if r := base.Apply([]rule.Finding{suppressed}, nil); len(r.Findings) != 1 || r.Baselined != 0 {
		t.Errorf("a suppressed finding went into the baseline: %+v", r)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{``, `{}`, `{"version": 2, "findings": []}`, `{"version": 1, "findings": [{"fingerprint": "", "count": 1}]}`, `{"version": 1, "findings": [{"fingerprint": "ab", "count": 0}]}`, `{"version": 1, "extra": 1}`} {
		if _, err := Parse("x.json", []byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	if _, err := Parse("x.json", []byte(`{"version": 1, "findings": []}`)); err != nil {
		t.Error(err)
	}
}
