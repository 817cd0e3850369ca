package gitcmd

import (
	"reflect"
	"testing"
)

func TestParseEntries(t *testing.T) {
	files, err := parseLsFiles([]byte("100644 " + b1 + " 0\ta b.md\x00160000 " + b2 + " 2\tsub\x00"))
	want := []Entry{{Mode: "100644", Blob: b1, Path: "a b.md"}, {Mode: "160000", Blob: b2, Stage: 2, Path: "sub"}}
	if err != nil || !reflect.DeepEqual(files, want) {
		t.Errorf("ls-files: %+v, %v", files, err)
	}
	tree, err := parseLsTree([]byte("100644 blob " + b1 + "\tx\ty.md\x00"))
	if want := []Entry{{Mode: "100644", Blob: b1, Path: "x\ty.md"}}; err != nil || !reflect.DeepEqual(tree, want) {
		t.Errorf("ls-tree: %+v, %v", tree, err)
	}
	for _, bad := range []string{"100644 " + b1 + " x\ta.md", "100644 " + b1 + "\ta.md", "100644 " + b1 + " 0 a.md"} {
		if _, err := parseLsFiles([]byte(bad)); err == nil {
			t.Errorf("ls-files %q: no error", bad)
		}
	}
	if _, err := parseLsTree([]byte("100644 blob\ta.md")); err == nil {
		t.Error("ls-tree with two fields: no error")
	}
}
