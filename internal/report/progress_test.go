package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/check"
)

var progressSample = []check.Progress{
	{Metric: "Close time", Baseline: "6 days", Target: "1 day", Current: "3 days", From: "actual", Fraction: 0.6, Remaining: "2 days", State: "on the way"},
	{Metric: "Shops | \x1b[2J", Baseline: "0 shops", Target: "1,200 shops", Current: "1,300", From: "current", Fraction: 1.083, State: "past target"},
	{Metric: "Conversion", Baseline: "10%", Target: "15%", Current: "8%", From: "actual", Fraction: -0.4, Remaining: "7%", State: "moved away"},
	{Metric: "Almost", Baseline: "0 users", Target: "1000 users", Current: "999 users", From: "actual", Fraction: 0.999, Remaining: "1 users", State: "on the way"},
}

// TestListProgressText: under the list, a line per metric with a current
// value, escaped; none when no metric has one.
func TestListProgressText(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := ListText(&b, []ListEntry{{File: "a/PRFAQ.md", Metrics: 4, Pass: true, Progress: progressSample}, {File: "b/PRFAQ.md", Pass: true}}); err != nil {
		t.Fatal(err)
	}
	want := `FILE        STATUS  OWNER  METRICS  CHECK
a/PRFAQ.md  -       -      4        pass
b/PRFAQ.md  -       -      0        pass

FILE        METRIC           BASELINE → TARGET      NOW        PROGRESS
a/PRFAQ.md  Close time       6 days → 1 day         3 days     60% of the way, 2 days to go
a/PRFAQ.md  Shops | \x1b[2J  0 shops → 1,200 shops  1,300      past target
a/PRFAQ.md  Conversion       10% → 15%              8%         moved away, 7% to go
a/PRFAQ.md  Almost           0 users → 1000 users   999 users  99% of the way, 1 users to go
`
	if b.String() != want {
		t.Errorf("list text:\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := ListText(&b, []ListEntry{{File: "b/PRFAQ.md"}}); err != nil || strings.Contains(b.String(), "PROGRESS") {
		t.Errorf("no progress, yet:\n%s (%v)", b.String(), err)
	}
}

// TestListProgressJSON: the per-metric array and its keys.
func TestListProgressJSON(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := ListJSON(&b, []ListEntry{{File: "a/PRFAQ.md", Progress: progressSample[:1]}, {File: "b/PRFAQ.md"}}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		PRFAQs []map[string]any `json:"prfaqs"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	p := got.PRFAQs[0]["progress"].([]any)[0].(map[string]any)
	if p["metric"] != "Close time" || p["baseline"] != "6 days" || p["target"] != "1 day" || p["current"] != "3 days" ||
		p["from"] != "actual" || p["fraction"] != 0.6 || p["remaining"] != "2 days" || p["state"] != "on the way" {
		t.Errorf("progress = %v", p)
	}
	if _, ok := got.PRFAQs[1]["progress"]; ok {
		t.Errorf("a PRFAQ without progress has the key: %v", got.PRFAQs[1])
	}
}

// TestMarkdownStanding: "Where the metrics stand", escaped, after the
// findings.
func TestMarkdownStanding(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	run := Run{Summary: Summary{Files: 1}}
	for _, p := range progressSample[:2] {
		run.Standing = append(run.Standing, Standing{File: "a/PRFAQ.md", Progress: p})
	}
	if err := Markdown(&b, run, Links{}); err != nil {
		t.Fatal(err)
	}
	want := "\n### Where the metrics stand\n\n| PRFAQ | metric | baseline → target | now | progress |\n|---|---|---|---|---|\n" +
		"| [a/PRFAQ.md](a/PRFAQ.md) | Close time | 6 days → 1 day | 3 days | 60% of the way, 2 days to go |\n" +
		"| [a/PRFAQ.md](a/PRFAQ.md) | Shops \\| \\[2J | 0 shops → 1,200 shops | 1,300 | past target |\n"
	if !strings.HasSuffix(b.String(), want) {
		t.Errorf("markdown:\n%s\nwant it to end with\n%s", b.String(), want)
	}
	b.Reset()
	if err := Markdown(&b, Run{Summary: Summary{Files: 1}}, Links{}); err != nil || strings.Contains(b.String(), "stand") {
		t.Errorf("no standing, yet:\n%s", b.String())
	}
}
