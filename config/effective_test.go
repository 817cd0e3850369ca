package config

import (
	"regexp"
	"sort"
	"testing"
)

// Effective lists every key of the schema, so `git prfaq config` cannot
// leave one out, and the line of each key the file sets.
func TestEffectiveKeys(t *testing.T) {
	seen := map[string]bool{}
	section := regexp.MustCompile(`^sections\[[0-9]+\]\.`)
	for _, s := range Effective(Default(), nil) {
		if s.Line != 0 {
			t.Errorf("%s has line %d without a file", s.Key, s.Line)
		}
		seen[section.ReplaceAllString(s.Key, "sections.")] = true
	}
	var got []string
	for k := range seen {
		got = append(got, k)
	}
	sort.Strings(got)
	want := allKeys()
	if len(got) != len(want) {
		t.Fatalf("Effective lists keys\n%q\nwant\n%q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Effective lists keys\n%q\nwant\n%q", got, want)
		}
	}
	src := "# c\n[hooks]\nfail_on = \"never\"\n\n[[sections]]\nname = \"A\"\n[[sections]]\nname = \"B\"\nkind = \"metrics\"\n"
	c := mustParse(t, src)
	lines := map[string]int{}
	for _, s := range Effective(c, []byte(src)) {
		lines[s.Key] = s.Line
	}
	for k, want := range map[string]int{"hooks.fail_on": 3, "sections[0].name": 6, "sections[1].kind": 9, "sections[1].required": 0, "documents.globs": 0} {
		if lines[k] != want {
			t.Errorf("line of %s = %d, want %d", k, lines[k], want)
		}
	}
}
