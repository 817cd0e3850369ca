package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/history"
)

// TestPaint: on a terminal weakened is red and improved green, each
// effect's colour code has the same length so that columns still line up;
// elsewhere nothing is added.
func TestPaint(t *testing.T) {
	on := paint(true)
	for e, code := range map[change.Effect]string{change.Weakened: "31", change.Improved: "32", change.Neutral: "39"} {
		if got, want := on.effect(e), "\x1b["+code+"m"+string(e)+"\x1b[0m"; got != want {
			t.Errorf("%s: %q, want %q", e, got, want)
		}
		if got := paint(false).effect(e); got != string(e) {
			t.Errorf("%s without colour: %q", e, got)
		}
	}
	cs := []change.Change{
		{File: "a", Metric: "Conversion", Field: "target", From: "18%", To: "15%", Effect: change.Weakened},
		{File: "a", Metric: "Churn", Field: "metric", To: "Churn", Effect: change.Improved},
	}
	var plain, coloured bytes.Buffer
	if err := writeTable(&plain, diffColumns(false), cs); err != nil {
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
	writeWords(&plain, false, words)
	writeWords(&coloured, true, words)
	if got, want := plain.String(), "    close in [-six days-]{+one day+}.\n"; got != want {
		t.Errorf("plain: %q, want %q", got, want)
	}
	if got, want := coloured.String(), "    close in \x1b[31msix days\x1b[0m\x1b[32mone day\x1b[0m.\n"; got != want {
		t.Errorf("coloured: %q, want %q", got, want)
	}
}
