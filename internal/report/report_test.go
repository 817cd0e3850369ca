package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/prfaq/git-prfaq/rule"
)

var findings = []rule.Finding{
	{Rule: "placeholder", Severity: rule.Error, File: "a/PRFAQ.md", Line: 3, Column: 5, Message: "template text \"TODO\"\nis still here"},
	{Rule: "section-missing", Severity: rule.Warning, File: "a/PRFAQ.md", Line: 1, Column: 1, Message: "recommended section"},
	{Rule: "initiative-without-prfaq", Severity: rule.Error, File: "services/x", Message: "new initiative"},
	{Rule: "initiative-without-prfaq", Severity: rule.Error, Commit: "abc", Message: "declares"},
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, findings, Summarize(2, findings), Style{}); err != nil {
		t.Fatal(err)
	}
	want := `a/PRFAQ.md:3:5: error: template text "TODO" is still here [placeholder]
a/PRFAQ.md:1:1: warning: recommended section [section-missing]
services/x: error: new initiative [initiative-without-prfaq]
commit abc: error: declares [initiative-without-prfaq]
FAIL: 2 PRFAQs checked, 3 errors, 1 warning
`
	if b.String() != want {
		t.Errorf("text output:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := Text(&b, nil, Summarize(1, nil), Style{Color: true}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "\x1b[32mok\x1b[0m: 1 PRFAQ checked, 0 errors, 0 warnings\n" {
		t.Errorf("coloured summary = %q", b.String())
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, nil, Summarize(0, nil)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []rule.Finding `json:"findings"`
		Summary  Summary        `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Findings == nil || len(got.Findings) != 0 {
		t.Errorf("findings must be an empty list, not null: %s", b.String())
	}
	b.Reset()
	if err := JSON(&b, findings[:1], Summarize(1, findings[:1])); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"rule": "placeholder"`, `"severity": "error"`, `"file": "a/PRFAQ.md"`, `"line": 3`, `"column": 5`, `"errors": 1`} {
		if !bytes.Contains(b.Bytes(), []byte(key)) {
			t.Errorf("JSON lacks %s:\n%s", key, b.String())
		}
	}
}
