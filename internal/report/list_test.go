package report

import (
	"bytes"
	"testing"
)

// TestListText: one row per PRFAQ, document text escaped and on one line.
func TestListText(t *testing.T) {
	var b bytes.Buffer
	err := ListText(&b, []ListEntry{
		{File: "a/PRFAQ.md", Status: "launched", Owner: "Jane\x1b[8m", Metrics: 2, Met: 1, Missed: 1, Pass: true, Warnings: 1},
		{File: "b/PRFAQ.md", Owner: "two\nlines", Errors: 2},
		{File: "c/PRFAQ.md", Error: "bad \x07 front matter"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `FILE        STATUS    OWNER        METRICS              CHECK
a/PRFAQ.md  launched  Jane\x1b[8m  2 (met 1, missed 1)  pass (1 warnings)
b/PRFAQ.md  -         two lines    0                    fail (2 errors)
c/PRFAQ.md  -         -            0                    unreadable: bad \x07 front matter
`
	if b.String() != want {
		t.Errorf("list text:\n%s\nwant\n%s", b.String(), want)
	}
}
