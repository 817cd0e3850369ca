package history

import (
	"reflect"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

// marked renders a word diff as git diff --word-diff=plain would.
func marked(ws []Words) string {
	var b strings.Builder
	for _, w := range ws {
		switch w.Op {
		case Delete:
			b.WriteString("[-" + w.Text + "-]")
		case Insert:
			b.WriteString("{+" + w.Text + "+}")
		default:
			b.WriteString(w.Text)
		}
	}
	return b.String()
}

func TestWordDiff(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"same words", "same words", "same words"},
		{"Ledger closes books", "Ledger quickly closes books", "Ledger {+quickly +}closes books"},
		{"six days of work", "one day of work", "[-six days-]{+one day+} of work"},
		{"", "new text", "{+new text+}"},
		{"old text", "", "[-old text-]"},
		{"réconcilie les comptes", "réconcilie vite les comptes", "réconcilie {+vite +}les comptes"},
		{"line one\nline two", "line one\nline 2", "line one\nline [-two-]{+2+}"},
		// A change inside a word replaces the whole word.
		{"cat sat", "cart sat", "[-cat-]{+cart+} sat"},
	}
	for _, tt := range tests {
		if got := marked(WordDiff(tt.from, tt.to)); got != tt.want {
			t.Errorf("WordDiff(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := tokens("  a bb\t\nccc 3.5%, don't")
	want := []string{"  ", "a", " ", "bb", "\t\n", "ccc", " ", "3", ".", "5", "%", ",", " ", "don", "'", "t"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if tokens("") != nil {
		t.Error("tokens of nothing")
	}
}

func TestSymbols(t *testing.T) {
	for _, i := range []int{0, 1, 0xFFFD, 0xFFFE, 0xFFFF, 200000} {
		if got := unsymbol(symbol(i)); got != i {
			t.Errorf("unsymbol(symbol(%d)) = %d", i, got)
		}
	}
}

func parseDoc(t *testing.T, src string) *prfaq.Document {
	t.Helper()
	d, err := prfaq.Parse([]byte(src), config.Default().Spec())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestProseDiff(t *testing.T) {
	old := parseDoc(t, "# Acme launches Ledger\n\n## Summary\n\nShops close books in six days.\n\n## Problem\n\nReceipts are\nmatched by hand.\n\n## Solution\n\nLedger matches them.\n\n## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n| Close | 6 days | 1 day | 2027 | Survey |\n")
	new := parseDoc(t, "# Acme launches Ledger today\n\n## summary\n\nShops close books in one day.\n\n## Problem\n\nReceipts are matched   by hand.\n\n## Call to Action\n\nTry it.\n\n## Success Metrics\n\n| Metric | Baseline | Target | By | Source |\n|---|---|---|---|---|\n| Close | 6 days | 2 days | 2027 | Survey |\n")
	var got []string
	for _, d := range ProseDiff(old, new) {
		got = append(got, d.Section+": "+marked(d.Words))
	}
	want := []string{
		"Headline: Acme launches Ledger{+ today+}",
		"Summary: Shops close books in [-six days-]{+one day+}.",
		"Call to Action: {+Try it.+}",
		"Solution: [-Ledger matches them.-]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if ds := ProseDiff(nil, nil); ds != nil {
		t.Errorf("nil documents: %v", ds)
	}
	if ds := ProseDiff(nil, new); len(ds) != 4 {
		t.Errorf("added document: %d sections, want 4 (headline, summary, problem, call to action)", len(ds))
	}
}
