package gitcmd

import "testing"

func TestParseChangedLines(t *testing.T) {
	patch := "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3,0 +4,2 @@\n+a\n+b\n@@ -9 +11 @@\n-c\n+d\n" +
		"diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
	got := parseChangedLines([]byte(patch))
	if len(got) != 1 || !got["x.md"][4] || !got["x.md"][5] || !got["x.md"][11] || len(got["x.md"]) != 3 {
		t.Errorf("changed lines: %v", got)
	}
}
