package check

import (
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/prfaq"
)

// TestAnchors: each template sentence's anchor is a part of it, so that a
// document without the anchor cannot hold the sentence, and present finds
// exactly the sentences a plain search finds.
func TestAnchors(t *testing.T) {
	t.Parallel()
	k := New(config.Default())
	k.prepare()
	if len(k.anchors) != len(k.sentences) || len(k.sentences) == 0 {
		t.Fatalf("%d anchors for %d sentences", len(k.anchors), len(k.sentences))
	}
	for i, s := range k.sentences {
		if a := k.anchors[i]; a == "" || len(a) > 16 || !strings.Contains(s, a) {
			t.Fatalf("anchor %q of %q", a, s)
		}
	}
	if got := anchor("a quote"); got != "quote" {
		t.Fatalf("anchor(%q) = %q, want the part from the rarest letter", "a quote", got)
	}
	parser := prfaq.NewParser(config.Default().Spec())
	for n, src := range []string{string(prfaq.Template("", "Jane Roe")), "# X\n\nnothing of the template here\n", "# Y\n\nA QUOTE FROM A LEADER OF YOUR COMPANY ON WHY THIS MATTERS.\n"} {
		doc, err := parser.Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		_, got := k.present(doc)
		var want []string
		var text strings.Builder
		for _, l := range doc.Lines {
			text.WriteString(l.Prose + "\n")
		}
		for _, s := range k.sentences {
			if strings.Contains(strings.ToLower(text.String()), s) {
				want = append(want, s)
			}
		}
		if n != 1 && len(want) == 0 {
			t.Fatalf("document %d holds no template sentence: the test tests nothing", n)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("present found %q, a plain search %q", got, want)
		}
	}
}
