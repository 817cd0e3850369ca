package check

import (
	"os"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

// BenchmarkParseAndCheck measures one mid-sized PRFAQ, the unit of work of
// `check --all` (a repository has hundreds).
func BenchmarkParseAndCheck(b *testing.B) {
	src, err := os.ReadFile("testdata/good.md")
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Default()
	parser, k := prfaq.NewParser(cfg.Spec()), New(cfg)
	b.ReportAllocs()
	for b.Loop() {
		doc, err := parser.Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		k.Document(Input{File: "a/PRFAQ.md", Doc: doc, Today: today})
	}
}

// BenchmarkPresent is the search for template text in one document.
func BenchmarkPresent(b *testing.B) {
	src, err := os.ReadFile("testdata/good.md")
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Default()
	doc, err := prfaq.NewParser(cfg.Spec()).Parse(src)
	if err != nil {
		b.Fatal(err)
	}
	k := New(cfg)
	for b.Loop() {
		k.present(doc)
	}
}
