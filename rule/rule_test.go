package rule

import (
	"regexp"
	"testing"
)

func TestDocsComplete(t *testing.T) {
	seen := map[string]bool{}
	id := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	for _, d := range Docs() {
		if !id.MatchString(d.ID) || d.Name == "" || d.Short == "" || d.Full == "" || d.Fix == "" {
			t.Errorf("rule %q lacks an id or documentation: %+v", d.ID, d)
		}
		if seen[d.ID] {
			t.Errorf("rule %s is listed twice", d.ID)
		}
		seen[d.ID] = true
		if !Known(d.ID) {
			t.Errorf("Known(%q) = false", d.ID)
		}
	}
	if Known("no-such-rule") {
		t.Error(`Known("no-such-rule") = true`)
	}
	ids := IDs()
	ids[0] = "changed"
	if IDs()[0] != FrontmatterInvalid {
		t.Error("IDs shares its slice with the caller")
	}
}

func TestSortErrorsFirstPerFile(t *testing.T) {
	fs := []Finding{
		{Rule: Placeholder, Severity: Warning, File: "b.md", Line: 1},
		{Rule: Placeholder, Severity: Warning, File: "a.md", Line: 1},
		{Rule: HeadlineMissing, Severity: Error, File: "a.md", Line: 9},
	}
	Sort(fs)
	if fs[0].File != "a.md" || fs[0].Severity != Error || fs[2].File != "b.md" {
		t.Errorf("Sort = %+v", fs)
	}
	if e, w := Count(fs); e != 1 || w != 2 {
		t.Errorf("Count = %d, %d; want 1, 2", e, w)
	}
}
