package check

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/quantity"
	"github.com/prfaq/git-prfaq/prfaq"
)

// measurableSection is the README's "Measurable metrics" section.
func measurableSection(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "### Measurable metrics\n")
	end := strings.Index(s[max(start, 0):], "\n### ")
	if start < 0 || end < 0 {
		t.Fatal("README has no Measurable metrics section")
	}
	return s[start : start+end]
}

var codeSpan = regexp.MustCompile("`([^`]+)`")

// TestREADMEMeasurableMetrics keeps the README's Measurable metrics section
// honest: every example in its kind table is read as that kind, every
// bound it lists is read, every By form it shows is a date, and the table
// it proposes for a bullet list is the one the check writes.
func TestREADMEMeasurableMetrics(t *testing.T) {
	t.Parallel()
	sec := measurableSection(t)
	kinds := 0
	for _, line := range strings.Split(sec, "\n") {
		cells := strings.Split(line, " | ")
		if len(cells) != 3 || !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| kind") {
			continue // the By table has two columns
		}
		kind := strings.TrimPrefix(cells[0], "| ")
		for _, m := range codeSpan.FindAllStringSubmatch(cells[1], -1) {
			kinds++
			q, err := quantity.Parse(m[1])
			if err != nil || q.Kind.String() != kind {
				t.Errorf("README kind table: %q is a %s, read as %v (%v)", m[1], kind, q.Kind, err)
			}
		}
	}
	if kinds < 30 {
		t.Errorf("read only %d examples from the kind table", kinds)
	}

	bounds := sec[strings.Index(sec, "- **Bounds**"):strings.Index(sec, "- **Words after the unit**")]
	for _, m := range codeSpan.FindAllStringSubmatch(bounds, -1) {
		if q, err := quantity.Parse(m[1]); err != nil || q.Bound == "" {
			t.Errorf("README bound %q: read as %+v, %v; want a bound", m[1], q, err)
		}
	}

	byForms := sec[strings.Index(sec, "By takes"):strings.Index(sec, "A period counts as its last day")]
	dates := 0
	for _, line := range strings.Split(byForms, "\n") {
		if strings.HasPrefix(line, "| written") || strings.HasPrefix(line, "|---") {
			continue
		}
		if strings.HasPrefix(line, "| ") {
			line = strings.Split(line, " | ")[0] // the written forms, not what they mean
		}
		for _, m := range codeSpan.FindAllStringSubmatch(line, -1) {
			if strings.HasPrefix(m[1], "YYYY") || strings.HasPrefix(m[1], "Qn") {
				continue
			}
			dates++
			if _, err := quantity.ParseDate(m[1]); err != nil {
				t.Errorf("README By form %q: %v", m[1], err)
			}
		}
	}
	if dates < 20 {
		t.Errorf("read only %d By forms", dates)
	}
	relative := sec[strings.Index(sec, "A deadline\nrelative"):]
	for _, m := range codeSpan.FindAllStringSubmatch(relative[:strings.Index(relative, "\n\n")], -1) {
		if _, err := quantity.ParseDate(m[1]); err == nil || !strings.Contains(err.Error(), "calendar date") {
			t.Errorf("README says %q is refused for the calendar date; got %v", m[1], err)
		}
	}

	block := sec[strings.Index(sec, "```\n")+4:]
	block = block[:strings.Index(block, "```")]
	var bs []prfaq.Bullet
	rows := strings.Split(strings.TrimSpace(block), "\n")
	for _, row := range rows[2:] {
		bs = append(bs, prfaq.Bullet{Text: strings.TrimSpace(strings.Split(row, "|")[1])})
	}
	c := &checker{Checker: New(config.Default())}
	if got := c.proposeTable(bs); got != strings.TrimSpace(block) {
		t.Errorf("README's proposed table differs from the check's:\n%s\nvs\n%s", block, got)
	}
}
