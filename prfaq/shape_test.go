package prfaq

import (
	"strings"
	"testing"
)

// TestShapeAccepts: what a real document holds passes the shape limits,
// including hostile-looking text inside code fences, which goldmark does
// not parse as Markdown.
func TestShapeAccepts(t *testing.T) {
	for name, src := range map[string]string{
		"fenced links":       "# H\n\n```\n" + strings.Repeat("[a](", 100000) + "\n```\n",
		"fenced lists":       "# H\n\n~~~~\n" + strings.Repeat("- ", 5000) + "x\n~~~~\n",
		"fence in a list":    "# H\n\n- a\n  ```\n  " + strings.Repeat("[a](", 100000) + "\n  ```\n",
		"thematic break":     "# H\n\n" + strings.Repeat("- ", 5000) + "\n\n" + strings.Repeat("* ", 5000) + "\n",
		"sibling items":      "# H\n\n" + strings.Repeat("- a\n  - b\n    - c\n", 10000),
		"task list":          "# H\n\n" + strings.Repeat("- [ ] task [link](https://example.com/x) and [note]\n", 3000),
		"links with spaces":  "# H\n\n" + strings.Repeat("[a]( ", 100000) + "\n",
		"lists 100 deep":     "# H\n\n" + indentedList(99),
		"links in paragraph": "# H\n\n" + strings.Repeat("See [the survey](https://example.com/s) and [b]. ", 20000) + "\n",
	} {
		if err := checkShape([]byte(src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestEmphasisCap: past MaxEmphasisRuns runs in one block, * and _ are
// text; the next block counts from zero.
func TestEmphasisCap(t *testing.T) {
	many := strings.Repeat("*a* ", MaxEmphasisRuns) // 2 runs each
	d := mustParse(t, "# H\n\n"+many+"\n\nAfter *this* block.\n")
	if d == nil {
		t.Fatal("no document")
	}
	var found bool
	for _, l := range d.Lines {
		if strings.Contains(l.Text, "After") {
			found = true
		}
	}
	if !found {
		t.Error("the block after the capped one is missing")
	}
}
