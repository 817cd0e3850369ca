package mdtable

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var samples = []string{
	"| a | b |\n|---|:-:|\n| 1 | 2 |\n",
	"a | b\n--- | ---\n1 | 2\n3\n",
	"| left | right | center | none |\n|:-----|------:|:------:|-------|\n| x | y | z | w |\n",
	"para line\n| h1 | h2 |\n| -- | -- |\n| c1 | c2 |\n\nafter\n",
	"| `a \\| b` | c |\n| --- | --- |\n| `x \\| y` | z \\| w |\n",
	"| a | b |\n| --- |\n| 1 | 2 |\n",                   // header and delimiter disagree: no table
	"| a |\n| --- |\n| 1 | 2 | 3 |\n",                   // extra cells dropped
	"| a | b | c |\n|---|---|---|\n| 1 |\n",             // missing cells filled
	"    | a |\n    |---|\n",                            // indented code
	"| a |\n|:-:-|\n",                                   // not a delimiter row
	"- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n", // in a list
	"> | a |\n> |---|\n> | q |\n",                       // in a quote
	"| Metric | Baseline | Target | By |\n| --- | --- | --- | --- |\n| Close time | 6 days | 1 day | 2026-Q3 |\n| **Bold** | [link](x) | <b>h</b> | 2027 |\n",
	"|a|\n|-|\n|\t|\n",
	"| a | b |\n|---|---|\n",
}

// markdownFiles are the repository's own documents and test PRFAQs.
func markdownFiles(t *testing.T) []string {
	var files []string
	for _, glob := range []string{"../../*.md", "../../prfaq/*.md", "../../prfaq/testdata/*/*.md", "../../action/testdata/*.md"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	return files
}

// The copy parses every document into the same tree, and so the same
// HTML, as goldmark's extension.Table.
func TestSameAsGoldmarkTable(t *testing.T) {
	theirs := goldmark.New(goldmark.WithExtensions(extension.Table))
	ours := goldmark.New(
		goldmark.WithParserOptions(ParserOptions()...),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewTableHTMLRenderer(), 500))),
	)
	docs := map[string][]byte{}
	for i, s := range samples {
		docs[fmt.Sprintf("sample %d", i)] = []byte(s)
	}
	for _, f := range markdownFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[f] = data
	}
	tables := 0
	for name, src := range docs {
		a, b := dump(theirs.Parser(), src), dump(ours.Parser(), src)
		if a != b {
			t.Errorf("%s: trees differ\ngoldmark:\n%s\nours:\n%s", name, a, b)
		}
		tables += strings.Count(a, " Table @")
		var ha, hb bytes.Buffer
		if err := theirs.Convert(src, &ha); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert(src, &hb); err != nil {
			t.Fatal(err)
		}
		if ha.String() != hb.String() {
			t.Errorf("%s: HTML differs\ngoldmark:\n%s\nours:\n%s", name, ha.String(), hb.String())
		}
	}
	if tables < 10 {
		t.Errorf("only %d tables parsed: the samples no longer test tables", tables)
	}
}

// dump prints a tree: each node's kind, position, lines or text, and a
// table's alignments.
func dump(p parser.Parser, src []byte) string {
	var b strings.Builder
	root := p.Parse(text.NewReader(src))
	gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		depth := 0
		for p := n.Parent(); p != nil; p = p.Parent() {
			depth++
		}
		fmt.Fprintf(&b, "%s%s @%d", strings.Repeat("  ", depth), n.Kind(), n.Pos())
		if n.Type() == gast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, " [%d:%d]%q", s.Start, s.Stop, s.Value(src))
			}
		}
		switch n := n.(type) {
		case *gast.Text:
			fmt.Fprintf(&b, " %q", n.Segment.Value(src))
		case *east.Table:
			fmt.Fprintf(&b, " %v", n.Alignments)
		case *east.TableCell:
			fmt.Fprintf(&b, " %v", n.Alignment)
		}
		b.WriteString("\n")
		return gast.WalkContinue, nil
	})
	return b.String()
}
