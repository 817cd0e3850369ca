package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/prfaq/git-prfaq/rule"
)

// compileRDJSONSchema compiles one of reviewdog's schemas in
// testdata/rdjson (see its README.md: copied unchanged, MIT).
func compileRDJSONSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join("testdata", "rdjson", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	// The schemas have no $id: register each under a local URL, so that
	// nothing is fetched.
	id := "file:///reviewdog/proto/rdf/jsonschema/" + name
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return s
}

func rdjsonOf(t *testing.T, r Run, tool Tool) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := RDJSON(&b, r, tool); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRDJSONSchema validates the report, an empty one and one with hostile
// names against reviewdog's DiagnosticResult schema, and each diagnostic
// against its Diagnostic schema (what rdjsonl streams line by line).
func TestRDJSONSchema(t *testing.T) {
	result := compileRDJSONSchema(t, "DiagnosticResult.json")
	diagnostic := compileRDJSONSchema(t, "Diagnostic.json")
	for name, r := range map[string]Run{"golden": goldenRun(), "empty": {}, "injection": injectionRun()} {
		out := rdjsonOf(t, r, DefaultTool("v1.2.3"))
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: output is not JSON: %v", name, err)
		}
		if err := result.Validate(inst); err != nil {
			t.Errorf("%s: rdjson output fails DiagnosticResult: %v", name, err)
		}
		var doc struct {
			Diagnostics []json.RawMessage `json:"diagnostics"`
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Diagnostics == nil {
			t.Errorf("%s: diagnostics is null or missing, want a list", name)
		}
		for i, d := range doc.Diagnostics {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(d))
			if err != nil {
				t.Fatal(err)
			}
			if err := diagnostic.Validate(inst); err != nil {
				t.Errorf("%s: diagnostic %d fails Diagnostic: %v", name, i, err)
			}
		}
	}
}

// TestRDJSONSchemaRejects proves the validation bites: the schemas require
// nothing, but they do check types and the severity's values.
func TestRDJSONSchemaRejects(t *testing.T) {
	schema := compileRDJSONSchema(t, "DiagnosticResult.json")
	for _, bad := range []string{
		`{"diagnostics": [{"message": "m", "severity": "FATAL"}]}`,
		`{"diagnostics": [{"message": "m", "location": {"path": "a", "range": {"start": {"line": "1"}}}}]}`,
		`{"diagnostics": {}}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(inst) == nil {
			t.Errorf("%s passed the schema: the test checks nothing", bad)
		}
	}
}

// rdDoc is the output as reviewdog's parser reads it.
type rdDoc struct {
	Source struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"source"`
	Diagnostics []struct {
		Message  string `json:"message"`
		Severity string `json:"severity"`
		Location *struct {
			Path  string `json:"path"`
			Range *struct {
				Start struct {
					Line   int `json:"line"`
					Column int `json:"column"`
				} `json:"start"`
			} `json:"range"`
		} `json:"location"`
		Code struct {
			Value string `json:"value"`
			URL   string `json:"url"`
		} `json:"code"`
	} `json:"diagnostics"`
}

func decodeRDJSON(t *testing.T, out []byte) rdDoc {
	t.Helper()
	var d rdDoc
	dec := json.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	return d
}

// TestRDJSONDiagnostics checks what the schema cannot: one diagnostic per
// unreadable document, unsuppressed finding and acknowledged weakening, in
// that order, each with a severity reviewdog knows, the rule as its code
// and the place it points at.
func TestRDJSONDiagnostics(t *testing.T) {
	r := goldenRun()
	d := decodeRDJSON(t, rdjsonOf(t, r, DefaultTool("v1.2.3")))
	if d.Source.Name != "git-prfaq" || d.Source.URL != "https://github.com/prfaq/git-prfaq" {
		t.Errorf("source = %+v", d.Source)
	}
	fs := rule.Unsuppressed(r.Findings)
	acked := 1 // Paying shops
	if want := len(r.Unreadable) + len(fs) + acked; len(d.Diagnostics) != want {
		t.Fatalf("%d diagnostics, want %d", len(d.Diagnostics), want)
	}
	u := d.Diagnostics[0]
	if u.Severity != "ERROR" || u.Code.Value != "unreadable" || u.Location == nil || u.Location.Path != "services/old/PRFAQ.md" || u.Location.Range != nil {
		t.Errorf("unreadable: %+v", u)
	}
	for i, f := range fs {
		g := d.Diagnostics[len(r.Unreadable)+i]
		want := map[rule.Severity]string{rule.Error: "ERROR", rule.Warning: "WARNING"}[f.Severity]
		if g.Severity != want || g.Code.Value != f.Rule || g.Code.URL != "https://github.com/prfaq/git-prfaq#rules" {
			t.Errorf("%s: severity %q, code %+v", f.Rule, g.Severity, g.Code)
		}
		switch {
		case f.File == "":
			if g.Location != nil || !strings.HasSuffix(g.Message, ": "+f.Message) || g.Message == f.Message {
				t.Errorf("%s without a file: location %+v, message %q", f.Rule, g.Location, g.Message)
			}
		case f.Line == 0:
			if g.Location == nil || g.Location.Path != f.File || g.Location.Range != nil {
				t.Errorf("%s on a directory: location %+v", f.Rule, g.Location)
			}
		default:
			if g.Location == nil || g.Location.Path != f.File || g.Location.Range == nil ||
				g.Location.Range.Start.Line != f.Line || g.Location.Range.Start.Column != f.Column || g.Message != f.Message {
				t.Errorf("%s at %s: got %+v, message %q", f.Rule, f.Location(), g.Location, g.Message)
			}
		}
		if strings.Contains(g.Message, "TBD") {
			t.Errorf("the suppressed finding is a diagnostic: %q", g.Message)
		}
	}
	a := d.Diagnostics[len(d.Diagnostics)-1]
	if a.Severity != "INFO" || a.Code.Value != rule.MetricWeakened || a.Location == nil || a.Location.Range == nil ||
		a.Location.Range.Start.Line != 59 || !strings.Contains(a.Message, "acknowledged: the bank API ships in Q3, not Q1") {
		t.Errorf("acknowledged weakening: %+v", a)
	}
}

// TestRDJSONNoURL: without the repository's URL, no code or source links.
func TestRDJSONNoURL(t *testing.T) {
	out := rdjsonOf(t, goldenRun(), Tool{Name: "git-prfaq"})
	if bytes.Contains(out, []byte(`"url"`)) {
		t.Errorf("a url without the repository's URL:\n%s", out)
	}
}

// TestRDJSONSuggestion: the suggested text follows the message, since
// rdjson's suggestions replace an exact range the finding does not have.
func TestRDJSONSuggestion(t *testing.T) {
	f := rule.Finding{Rule: "metrics-missing", Severity: rule.Error, File: "p.md", Line: 7, Column: 1,
		Message: "success metrics are a bullet list", Suggestion: "| Metric | Target |\n|---|---|\n| Churn | 3% |"}
	d := decodeRDJSON(t, rdjsonOf(t, Run{Findings: []rule.Finding{f}}, DefaultTool("")))
	if len(d.Diagnostics) != 1 || d.Diagnostics[0].Message != f.Message+"\n\n"+f.Suggestion {
		t.Errorf("got %+v", d.Diagnostics)
	}
	if bytes.Contains(rdjsonOf(t, Run{Findings: []rule.Finding{f}}, DefaultTool("")), []byte(`"suggestions"`)) {
		t.Error("an rdjson suggestion without a range")
	}
}

// TestRDJSONEmpty: a clean run is an empty list, not null, which
// reviewdog reads as no diagnostics.
func TestRDJSONEmpty(t *testing.T) {
	out := string(rdjsonOf(t, Run{}, DefaultTool("")))
	if !strings.Contains(out, `"diagnostics": []`) {
		t.Errorf("got %s", out)
	}
}
