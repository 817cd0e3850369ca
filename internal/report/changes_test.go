package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/history"
	"github.com/prfaq/git-prfaq/rule"
)

// TestEffectColours: on a terminal weakened is red and improved green, each
// effect's colour code has the same length so that columns still line up;
// elsewhere nothing is added.
func TestEffectColours(t *testing.T) {
	on := Style{Color: true}
	for e, code := range map[change.Effect]string{change.Weakened: "31", change.Improved: "32", change.Neutral: "39"} {
		if got, want := on.effect(e), "\x1b["+code+"m"+string(e)+"\x1b[0m"; got != want {
			t.Errorf("%s: %q, want %q", e, got, want)
		}
		if got := (Style{}).effect(e); got != string(e) {
			t.Errorf("%s without colour: %q", e, got)
		}
	}
	cs := []change.Change{
		{File: "a", Metric: "Conversion", Field: "target", From: "18%", To: "15%", Effect: change.Weakened},
		{File: "a", Metric: "Churn", Field: "metric", To: "Churn", Effect: change.Improved},
	}
	var plain, coloured bytes.Buffer
	if err := writeTable(&plain, diffColumns(Style{}), cs); err != nil {
		t.Fatal(err)
	}
	if err := writeTable(&coloured, diffColumns(on), cs); err != nil {
		t.Fatal(err)
	}
	stripped := strings.NewReplacer("\x1b[31m", "", "\x1b[32m", "", "\x1b[39m", "", "\x1b[0m", "").Replace(coloured.String())
	if stripped != plain.String() {
		t.Errorf("colour moved the columns:\n%s\nvs\n%s", stripped, plain.String())
	}
}

func TestWriteWords(t *testing.T) {
	words := []history.Words{{Op: history.Equal, Text: "close in "}, {Op: history.Delete, Text: "six days"}, {Op: history.Insert, Text: "one day"}, {Op: history.Equal, Text: "."}}
	var plain, coloured bytes.Buffer
	writeWords(&plain, Style{}, words)
	writeWords(&coloured, Style{Color: true}, words)
	if got, want := plain.String(), "    close in [-six days-]{+one day+}.\n"; got != want {
		t.Errorf("plain: %q, want %q", got, want)
	}
	if got, want := coloured.String(), "    close in \x1b[31msix days\x1b[0m\x1b[32mone day\x1b[0m.\n"; got != want {
		t.Errorf("coloured: %q, want %q", got, want)
	}
}

// TestChangesText pins the diff and log tables, and that document text
// (file names, metric names and cells, authors, trailers, section names,
// prose) reaches a terminal with its control characters escaped while the
// report's own colours stay.
func TestChangesText(t *testing.T) {
	weak := change.Change{File: "svc/PRFAQ.md", Commit: "0123456789abcdef", Date: "2026-11-26T10:00:00Z",
		Author: "Jane Roe <jane@example.com>", Metric: "Close time", Field: "target", From: "1 day", To: "3 days",
		Effect: change.Weakened, Reason: "a later target", Acknowledged: "pilot budget halved"}
	added := change.Change{File: "svc/PRFAQ.md", Commit: "fedcba9876543210", Date: "2026-11-27T10:00:00Z",
		Author: "Max Moe <max@example.com>", Metric: "Churn", Field: change.FieldMetric, To: "Churn", Effect: change.Improved, Reason: "a new metric"}
	unacked := weak
	unacked.Acknowledged, unacked.Severity = "", rule.Error

	var b bytes.Buffer
	if err := LogText(&b, []change.Change{weak, added, unacked}, Style{}); err != nil {
		t.Fatal(err)
	}
	want := `svc/PRFAQ.md
  COMMIT   DATE        AUTHOR    METRIC      FIELD   FROM → TO       EFFECT    REASON
  0123456  2026-11-26  Jane Roe  Close time  target  1 day → 3 days  weakened  pilot budget halved
  fedcba9  2026-11-27  Max Moe   Churn       metric  (added)         improved
  0123456  2026-11-26  Jane Roe  Close time  target  1 day → 3 days  weakened  (not acknowledged)
`
	if b.String() != want {
		t.Errorf("log text:\n%s\nwant\n%s", b.String(), want)
	}

	b.Reset()
	if err := LogText(&b, nil, Style{}); err != nil || b.String() != "no metric changes\n" {
		t.Errorf("empty log: %q, %v", b.String(), err)
	}

	evil := change.Change{File: "svc/\x1b]0;pwned\x07PRFAQ.md", Metric: "Close\x1b[2J time", Field: "target",
		From: "1\u009b31m day", To: "3\rdays", Effect: change.Weakened, Reason: "x", Author: "Eve\x1b[31m <e@x>",
		Acknowledged: "ok\x1b[0m\x08\x08"}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"log": func(b *bytes.Buffer) error { return LogText(b, []change.Change{evil}, Style{Color: true}) },
		"diff": func(b *bytes.Buffer) error {
			return DiffText(b, []DiffFile{{
				Pair:  history.Pair{OldPath: evil.File, Path: evil.File, Changes: []change.Change{evil}},
				Prose: []history.SectionDiff{{Section: "FAQ\x1b[1m", Words: []history.Words{{Op: history.Insert, Text: "new\x1b[5m\nline\tend"}}}},
			}}, Style{Color: true})
		},
	} {
		b.Reset()
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		ours := strings.NewReplacer("\x1b[1m", "", "\x1b[31m", "", "\x1b[32m", "", "\x1b[39m", "", "\x1b[0m", "").Replace(out)
		if strings.ContainsAny(ours, "\x1b\x07\x08\r\u009b") {
			t.Errorf("%s: a control character from the document reached the terminal:\n%q", name, out)
		}
		for _, shown := range []string{`svc/\x1b]0;pwned\x07PRFAQ.md`, `Close\x1b[2J time`, `1\u009b31m day → 3 days`} {
			if !strings.Contains(out, shown) {
				t.Errorf("%s: %q is not shown escaped:\n%s", name, shown, out)
			}
		}
		if name == "diff" && !strings.Contains(out, "\x1b[32mnew\\x1b[5m\n    line\tend\x1b[0m\n") {
			t.Errorf("diff: the prose keeps its lines and tabs, its escapes shown:\n%q", out)
		}
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, ünïcödé → ok": "plain text, ünïcödé → ok",
		"tab\tand\nnewline stay":   "tab\tand\nnewline stay",
		"\x1b[31mred":              `\x1b[31mred`,
		"bell\x07 del\x7f nul\x00": `bell\x07 del\x7f nul\x00`,
		"cr\r":                     `cr\x0d`,
		"csi\u009b1m":              `csi\u009b1m`,
		"bad \xff\x9b byte":        `bad \xff\x9b byte`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := textLine("a\n\tb\r\nc\x1b"); got != `a b c\x1b` {
		t.Errorf("textLine: %q", got)
	}
}
