package report

import (
	"bytes"
	"encoding/json"
	"maps"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/prfaq/git-prfaq/rule"
)

// subjectKeys are the keys that say what a finding is about, as JSON
// output and the SARIF property bag both name them.
var subjectKeys = []string{"section", "question", "text", "metric", "field", "commit", "ref"}

// subjectOf reads the subject keys of one JSON finding or property bag.
func subjectOf(m map[string]any) map[string]string {
	out := map[string]string{}
	for _, k := range subjectKeys {
		if v, ok := m[k]; ok {
			s, _ := v.(string)
			out[k] = s
		}
	}
	return out
}

// fieldFindings has one finding per subject field, each set alone, one
// with every field at once, and one with none.
func fieldFindings() ([]rule.Finding, []map[string]string) {
	at := func(id string) rule.Finding {
		return rule.Finding{Rule: id, Severity: rule.Error, File: "a/PRFAQ.md", Line: 7, Column: 3, Message: "m"}
	}
	var fs []rule.Finding
	var want []map[string]string
	add := func(f rule.Finding, w map[string]string) { fs, want = append(fs, f), append(want, w) }

	f := at(rule.SectionMissing)
	f.Section = "Customer Quote"
	add(f, map[string]string{"section": "Customer Quote"})
	f = at(rule.FAQUnanswered)
	f.Question = "How much does it cost?"
	add(f, map[string]string{"question": "How much does it cost?"})
	f = at(rule.Placeholder)
	f.Text = "[NAME, TITLE]"
	add(f, map[string]string{"text": "[NAME, TITLE]"})
	f = at(rule.MetricUnmeasurable)
	f.Metric, f.Field = "Churn", "baseline"
	add(f, map[string]string{"metric": "Churn", "field": "baseline"})
	f = at(rule.MetricsMissing)
	f.Metric = "Close time" // a metric without a field
	add(f, map[string]string{"metric": "Close time"})
	f = at(rule.SectionEmpty)
	f.Section, f.Question, f.Text, f.Metric, f.Field = "S \"q\"\n", "Q?", "T <b>", "M|", "target"
	add(f, map[string]string{"section": "S \"q\"\n", "question": "Q?", "text": "T <b>", "metric": "M|", "field": "target"})
	add(at(rule.HeadlineMissing), map[string]string{})
	add(rule.Finding{Rule: rule.InitiativeWithoutPRFAQ, Severity: rule.Error, Commit: "0123456789abcdef", Message: "m"},
		map[string]string{"commit": "0123456789abcdef"})
	add(rule.Finding{Rule: rule.InitiativeWithoutPRFAQ, Severity: rule.Warning, Ref: "initiative/x", Message: "m"},
		map[string]string{"ref": "initiative/x"})
	return fs, want
}

// TestSubjectFieldsJSON: each field reaches JSON output under its key,
// and an empty one is left out.
func TestSubjectFieldsJSON(t *testing.T) {
	fs, want := fieldFindings()
	var b bytes.Buffer
	if err := JSON(&b, fs, Summarize(1, fs)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != len(fs) {
		t.Fatalf("%d findings in JSON, want %d", len(got.Findings), len(fs))
	}
	for i, m := range got.Findings {
		if s := subjectOf(m); !maps.Equal(s, want[i]) {
			t.Errorf("finding %d (%s): JSON subject %v, want %v", i, fs[i].Rule, s, want[i])
		}
	}
}

// TestSubjectFieldsSARIF: each field reaches the result's property bag
// under the same key; a finding with none has no property bag.
func TestSubjectFieldsSARIF(t *testing.T) {
	fs, want := fieldFindings()
	var b bytes.Buffer
	if err := SARIF(&b, Run{Findings: fs, Summary: Summarize(1, fs)}, DefaultTool("v1")); err != nil {
		t.Fatal(err)
	}
	var d struct {
		Runs []struct {
			Results []map[string]any `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	results := d.Runs[0].Results
	if len(results) != len(fs) {
		t.Fatalf("%d results, want %d", len(results), len(fs))
	}
	for i, res := range results {
		props, has := res["properties"].(map[string]any)
		if len(want[i]) == 0 {
			if has {
				t.Errorf("finding %d (%s) has no subject, yet a property bag %v", i, fs[i].Rule, props)
			}
			continue
		}
		if !has {
			t.Errorf("finding %d (%s): no property bag, want %v", i, fs[i].Rule, want[i])
			continue
		}
		if s := subjectOf(props); !maps.Equal(s, want[i]) || len(props) != len(s) {
			t.Errorf("finding %d (%s): SARIF properties %v, want %v", i, fs[i].Rule, props, want[i])
		}
	}

	// The same findings are valid SARIF, hostile values included.
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSARIFSchema(t).Validate(inst); err != nil {
		t.Errorf("SARIF with subject properties fails the 2.1.0 schema: %v", err)
	}
}

// TestSubjectFieldsConsistent: for every finding of the golden run, JSON
// and SARIF say the same about what it is about.
func TestSubjectFieldsConsistent(t *testing.T) {
	r := goldenRun()
	var jb, sb bytes.Buffer
	if err := JSON(&jb, r.Findings, r.Summary); err != nil {
		t.Fatal(err)
	}
	if err := SARIF(&sb, r, DefaultTool("v1")); err != nil {
		t.Fatal(err)
	}
	var j struct {
		Findings []map[string]any `json:"findings"`
	}
	var s struct {
		Runs []struct {
			Results []struct {
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(jb.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(sb.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	subjects := 0
	for i, f := range j.Findings {
		js, ss := subjectOf(f), subjectOf(s.Runs[0].Results[i].Properties)
		if !maps.Equal(js, ss) {
			t.Errorf("finding %d (%s): JSON says %v, SARIF %v", i, r.Findings[i].Rule, js, ss)
		}
		subjects += len(js)
	}
	if subjects == 0 {
		t.Error("the golden run has no finding with a subject: the test checks nothing")
	}
}
