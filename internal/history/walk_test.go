package history

import (
	"reflect"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

const (
	h1 = "1111111111111111111111111111111111111111"
	h2 = "2222222222222222222222222222222222222222"
	b1 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	z  = "0000000000000000000000000000000000000000"
)

func TestWalkQuery(t *testing.T) {
	w := walk{rev: h1, pathspecs: []string{literal("a/PRFAQ.md")}, trailer: "PRFAQ-Ack"}
	want := gitcmd.LogQuery{Revs: []string{h1}, Pathspecs: []string{":(literal)a/PRFAQ.md"}, Trailer: "PRFAQ-Ack", FirstParent: true, Changes: true}
	if got := w.query(); !reflect.DeepEqual(got, want) {
		t.Errorf("first parent:\ngot  %+v\nwant %+v", got, want)
	}
	w = walk{rev: h1, exclude: h2, allParents: true, topo: true, trailer: "Ack"}
	want = gitcmd.LogQuery{Revs: []string{h1, "^" + h2}, Trailer: "Ack", Topo: true, Changes: true}
	if got := w.query(); !reflect.DeepEqual(got, want) {
		t.Errorf("all parents:\ngot  %+v\nwant %+v", got, want)
	}
}

// TestCommitOf: history's commits have RFC 3339 dates, "" for a side that
// does not exist, and no blob for a side that cannot be a document.
func TestCommitOf(t *testing.T) {
	gc := &gitcmd.Commit{ID: h1, Parents: []string{h2}, Time: time.Unix(1764151200, 0), Author: "A <a@x>", Trailers: []string{"why"},
		Changes: []gitcmd.Change{
			{Status: 'A', OldMode: "000000", NewMode: "100644", OldBlob: z, NewBlob: b1, Path: "a/PRFAQ.md"},
			{Status: 'T', OldMode: "100644", NewMode: "120000", OldBlob: b1, NewBlob: b1, Path: "b/PRFAQ.md"},
		}}
	want := &commit{Hash: h1, Parents: []string{h2}, Date: "2025-11-26T10:00:00Z", Author: "A <a@x>", Acks: []string{"why"},
		Files: []fileDiff{
			{Status: 'A', OldMode: "000000", NewMode: "100644", NewBlob: b1, Path: "a/PRFAQ.md"},
			{Status: 'T', OldMode: "100644", NewMode: "120000", OldBlob: b1, Path: "b/PRFAQ.md"},
		}}
	if got := commitOf(gc); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
