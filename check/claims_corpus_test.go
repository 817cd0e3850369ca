package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/quantity"
	"github.com/prfaq/git-prfaq/prfaq"
)

// corpusClaims lists every claim the headline, subheading and summary of
// the documents in dir make, as "file:line:column: claim", whether or not
// a metric backs it: what claim-unbacked would report against a table
// that backs nothing.
func corpusClaims(t *testing.T, dir string, names []string) []string {
	t.Helper()
	cfg := config.Default()
	k := New(cfg)
	var out []string
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := prfaq.Parse(src, cfg.Spec())
		if err != nil {
			continue // unreadable documents are not checked at all
		}
		c := &checker{Checker: k, doc: doc}
		seen := map[int]bool{}
		for _, r := range c.claimRegions() {
			text, starts := c.regionText(r, seen)
			for _, cl := range quantity.Claims(text) {
				p := positionIn(text, starts, cl.Start)
				out = append(out, fmt.Sprintf("%s:%d:%d: %s", name, p.Line, p.Column, cl.Text))
			}
		}
	}
	return out
}

// TestClaimsCorpus: on the PRFAQs real teams wrote (../shared/corpus/real,
// beside the repository) and those written elsewhere (testdata/wild), the
// claims read are exactly the true ones: none of the real documents'
// headlines, subheadings or summaries claims a change (their numbers are
// versions, dates, counts and formats), and pfv-example-1 claims two,
// both real claims. Precision over recall: a new claim here is a false
// alarm until a reader says otherwise.
func TestClaimsCorpus(t *testing.T) {
	t.Parallel()
	wild := filepath.Join("..", "prfaq", "testdata", "wild")
	got := corpusClaims(t, wild, []string{"pfv-example-1.md", "pfv-example-2.txt", "pfv-example-3.md"})
	want := []string{
		"pfv-example-1.md:3:37: Reducing Document Review Time by 75%",
		"pfv-example-1.md:5:336: reduce document review cycles by 75%, from 12 hours to 3 hours",
	}
	if !slices.Equal(got, want) {
		t.Errorf("wild claims:\n%q\nwant\n%q", got, want)
	}
	real := filepath.Join("..", "..", "shared", "corpus", "real")
	names, _ := filepath.Glob(filepath.Join(real, "*.md"))
	var docs []string
	for _, n := range names {
		if b := filepath.Base(n); b != "README.md" && b != "CONVENTIONS.md" {
			docs = append(docs, b)
		}
	}
	if len(docs) == 0 {
		t.Skip("the real corpus is missing: it is read from ../shared/corpus/real beside the repository")
	}
	if got := corpusClaims(t, real, docs); len(got) != 0 {
		t.Errorf("real corpus claims, none expected:\n%q", got)
	}
}
