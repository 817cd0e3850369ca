package check

import (
	"strings"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
	"github.com/prfaq/git-prfaq/rule"
)

// TestPlaceholderCap: a document of template text lists the first
// MaxPlaceholderFindings one by one and counts the rest in one finding.
func TestPlaceholderCap(t *testing.T) {
	cfg := config.Default()
	src := "# Example Corp launches Ledger\n\n## Summary\n\n" + strings.Repeat("TBD ", MaxPlaceholderFindings+500) + "\n"
	doc, err := prfaq.Parse([]byte(src), cfg.Spec())
	if err != nil {
		t.Fatal(err)
	}
	var n int
	var last rule.Finding
	for _, f := range Document(Input{File: "PRFAQ.md", Doc: doc, Today: time.Now()}, cfg) {
		if f.Rule == rule.Placeholder {
			n++
			last = f
		}
	}
	if n != MaxPlaceholderFindings+1 || !strings.Contains(last.Message, "and 500 more") || last.Column != 4*MaxPlaceholderFindings+1 {
		t.Errorf("%d placeholder findings, last %+v; want %d and one counting 500 more at column %d", n, last, MaxPlaceholderFindings+1, 4*MaxPlaceholderFindings+1)
	}
}

// TestLongestFirst: overlapping spans keep the longest, then the earliest.
func TestLongestFirst(t *testing.T) {
	got := longestFirst([][2]int{{0, 3}, {1, 6}, {5, 8}, {10, 12}, {11, 13}})
	want := [][2]int{{1, 6}, {10, 12}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("longestFirst = %v, want %v", got, want)
	}
}
