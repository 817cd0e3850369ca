package ci

import (
	"fmt"
	"testing"

	"github.com/prfaq/git-prfaq/internal/report"
)

func TestOrderAndCap(t *testing.T) {
	var as []report.Annotation
	for i := 1; i <= 12; i++ {
		as = append(as, report.Annotation{Level: "error", File: "a.md", Line: i, Command: fmt.Sprint(i)})
	}
	as = append(as, report.Annotation{Level: "error", File: "a.md", Line: 40, Weakened: true, Command: "weak"})
	changed := map[string]map[int]bool{"a.md": {11: true, 12: true}}
	ordered := Order(as, changed)
	if got := []string{ordered[0].Command, ordered[1].Command, ordered[2].Command, ordered[3].Command}; fmt.Sprint(got) != "[weak 11 12 1]" {
		t.Fatalf("order: %v", got)
	}
	shown, more := Cap(ordered, map[string]int{"error": 1})
	// 13 errors, 1 slot used: 8 shown and the ninth slot says 5 more.
	if len(shown) != 8 || more["error"] != 5 {
		t.Errorf("shown %d, more %v", len(shown), more)
	}
	if shown, more := Cap(ordered[:5], nil); len(shown) != 5 || more["error"] != 0 {
		t.Errorf("under the cap: shown %d, more %v", len(shown), more)
	}
}
