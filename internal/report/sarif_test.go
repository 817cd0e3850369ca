package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/prfaq/git-prfaq/rule"
)

// sarifSchemaFile is the official OASIS SARIF 2.1.0 schema (errata 01,
// draft-04), copied unchanged from ../shared/schemas.
var sarifSchemaFile = filepath.Join("testdata", "sarif-schema-2.1.0.json")

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read %s: %v", sarifSchemaFile, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	// The schema names itself by its OASIS URL; register it there so that
	// nothing is fetched.
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compile the SARIF schema: %v", err)
	}
	return s
}

// TestSARIFSchema validates the report, an empty one and one with hostile
// names against the official schema.
func TestSARIFSchema(t *testing.T) {
	schema := compileSARIFSchema(t)
	for name, r := range map[string]Run{"golden": goldenRun(), "empty": {}, "injection": injectionRun()} {
		var b bytes.Buffer
		if err := SARIF(&b, r, DefaultTool("(devel) 0123456789ab-dirty")); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(&b)
		if err != nil {
			t.Fatalf("%s: output is not JSON: %v", name, err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output fails the 2.1.0 schema: %v", name, err)
		}
	}
}

// TestSARIFSchemaRejects proves the validation bites: a log without a
// version is refused.
func TestSARIFSchemaRejects(t *testing.T) {
	schema := compileSARIFSchema(t)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"runs": []}`)))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(inst) == nil {
		t.Fatal("a log without version passed the schema: the test checks nothing")
	}
}

// sarifDoc is the part of the log the tests below read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID   string `json:"id"`
					Help struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, r Run) sarifDoc {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, r, DefaultTool("v1")); err != nil {
		t.Fatal(err)
	}
	var d sarifDoc
	if err := json.Unmarshal(b.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSARIFRulesAndResults(t *testing.T) {
	d := decodeSARIF(t, goldenRun())
	run := d.Runs[0]
	ids := rule.IDs()
	if len(run.Tool.Driver.Rules) != len(ids) {
		t.Fatalf("driver has %d rules, want every one of %d", len(run.Tool.Driver.Rules), len(ids))
	}
	for i, r := range run.Tool.Driver.Rules {
		if r.ID != ids[i] || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %d = %+v, want %s with help", i, r, ids[i])
		}
	}
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is %s", res.RuleID, res.RuleIndex, run.Tool.Driver.Rules[res.RuleIndex].ID)
		}
	}
	byText := map[string]int{}
	for _, res := range run.Results {
		byText[res.PartialFingerprints[fingerprintKey]]++
	}
	for fp, n := range byText {
		if n > 1 {
			t.Errorf("fingerprint %s is shared by %d results: identical findings must stay apart", fp, n)
		}
	}
	dir := run.Results[5]
	if len(dir.Locations) != 1 || dir.Locations[0].PhysicalLocation.Region != nil {
		t.Errorf("a directory finding wants a location without a region: %+v", dir.Locations)
	}
	commit := run.Results[6]
	if len(commit.Locations) != 0 || commit.Message.Text[:len("commit 0123456: ")] != "commit 0123456: " {
		t.Errorf("a commit finding wants no location and the commit in its message: %+v", commit)
	}
	if got := run.Results[8].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "docs/prfaq/a%20b%20%28draft%29.md" {
		t.Errorf("uri = %q, want the path percent-encoded", got)
	}
}

// TestSARIFFingerprintStable: moving a finding to another line, or
// changing a number in its message, keeps its fingerprint; another file
// or rule does not.
func TestSARIFFingerprintStable(t *testing.T) {
	f := rule.Finding{Rule: "headline-too-long", Severity: rule.Error, File: "a/PRFAQ.md", Line: 3, Column: 1, Message: "headline has 24 words, more than 20"}
	moved := f
	moved.Line, moved.Message = 9, "headline has 25 words, more than 20"
	other := f
	other.File = "b/PRFAQ.md"
	fp := func(f rule.Finding) string {
		return decodeSARIF(t, Run{Findings: []rule.Finding{f}}).Runs[0].Results[0].PartialFingerprints[fingerprintKey]
	}
	if fp(f) != fp(moved) {
		t.Error("fingerprint changed when the finding moved")
	}
	if fp(f) == fp(other) {
		t.Error("fingerprint is the same for another file")
	}
}
