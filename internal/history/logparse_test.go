package history

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

const (
	h1 = "1111111111111111111111111111111111111111"
	h2 = "2222222222222222222222222222222222222222"
	b1 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	b2 = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	z  = "0000000000000000000000000000000000000000"
)

func header(hash, parents, secs, author, trailers string) string {
	return "\x01" + hash + "\x1e" + parents + "\x1e" + secs + "\x1e" + author + "\x1e" + trailers
}

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *commit
		err  string
	}{
		{"root commit", header(h1, "", "1764151200", "Jane Roe <jane@example.com>", ""),
			&commit{Hash: h1, Date: "2025-11-26T10:00:00Z", Author: "Jane Roe <jane@example.com>"}, ""},
		{"merge with two trailers", header(h1, h2+" "+b1, "0", "A <a@x>", "scope cut\x1f  second  "),
			&commit{Hash: h1, Parents: []string{h2, b1}, Date: "1970-01-01T00:00:00Z", Author: "A <a@x>", Acks: []string{"scope cut", "second"}}, ""},
		{"trailing newline", header(h1, h2, "60", "A <a@x>", "") + "\n",
			&commit{Hash: h1, Parents: []string{h2}, Date: "1970-01-01T00:01:00Z", Author: "A <a@x>"}, ""},
		{"no mark", strings.TrimPrefix(header(h1, "", "0", "A", ""), "\x01"), nil, "unexpected git log header"},
		{"too few fields", "\x01" + h1 + "\x1e0", nil, "unexpected git log header"},
		{"bad time", header(h1, "", "soon", "A", ""), nil, `unexpected commit time "soon"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseHeader(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseRawMeta(t *testing.T) {
	tests := []struct {
		in    string
		want  fileDiff
		paths int
		bad   bool
	}{
		{":100644 100644 " + b1 + " " + b2 + " M", fileDiff{Status: 'M', OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2}, 1, false},
		{":000000 100644 " + z + " " + b2 + " A", fileDiff{Status: 'A', OldMode: "000000", NewMode: "100644", NewBlob: b2}, 1, false},
		{":100644 000000 " + b1 + " " + z + " D", fileDiff{Status: 'D', OldMode: "100644", NewMode: "000000", OldBlob: b1}, 1, false},
		{":100644 100644 " + b1 + " " + b2 + " R087", fileDiff{Status: 'R', OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2}, 2, false},
		{":100644 100644 " + b1 + " " + b2 + " C100", fileDiff{Status: 'C', OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2}, 2, false},
		{"100644 100644 " + b1 + " " + b2 + " M", fileDiff{}, 0, true},
		{":100644 " + b1 + " M", fileDiff{}, 0, true},
	}
	for _, tt := range tests {
		got, paths, err := parseRawMeta(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("%q: no error", tt.in)
			}
			continue
		}
		if err != nil || got != tt.want || paths != tt.paths {
			t.Errorf("%q: got %+v, %d, %v; want %+v, %d", tt.in, got, paths, err, tt.want, tt.paths)
		}
	}
}

// TestLogReader reads output shaped as git log -z --raw prints it: the
// header, NUL, a newline before the first record, records of one or two
// paths, a commit without records, and no final NUL.
func TestLogReader(t *testing.T) {
	out := header(h1, h2, "0", "A <a@x>", "why") + "\x00" +
		"\n:100644 100644 " + b1 + " " + b2 + " M\x00services/a/PRFAQ.md\x00" +
		":100644 100644 " + b1 + " " + b2 + " R090\x00old dir/PRFAQ.md\x00new\ndir/PRFAQ.md\x00" +
		header(h2, "", "0", "B <b@x>", "") + "\x00" +
		header(b1, "", "0", "C <c@x>", "") + "\x00" +
		"\n:000000 100644 " + z + " " + b1 + " A\x00:odd/PRFAQ.md"
	lr := newLogReader(strings.NewReader(out))
	var got []*commit
	for {
		c, err := lr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c)
	}
	if len(got) != 3 {
		t.Fatalf("got %d commits, want 3: %+v", len(got), got)
	}
	want0 := []fileDiff{
		{Status: 'M', OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2, Path: "services/a/PRFAQ.md"},
		{Status: 'R', OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2, OldPath: "old dir/PRFAQ.md", Path: "new\ndir/PRFAQ.md"},
	}
	if !reflect.DeepEqual(got[0].Files, want0) || !reflect.DeepEqual(got[0].Acks, []string{"why"}) {
		t.Errorf("first commit: %+v", got[0])
	}
	if got[1].Hash != h2 || len(got[1].Files) != 0 {
		t.Errorf("second commit: %+v", got[1])
	}
	if got[2].Hash != b1 || len(got[2].Files) != 1 || got[2].Files[0].Path != ":odd/PRFAQ.md" {
		t.Errorf("third commit: %+v", got[2])
	}
}

func TestLogReaderErrors(t *testing.T) {
	for _, out := range []string{
		"garbage\x00",
		header(h1, "", "0", "A", "") + "\x00\n:100644 M\x00path\x00",
	} {
		lr := newLogReader(strings.NewReader(out))
		if _, err := lr.next(); err == nil || errors.Is(err, io.EOF) {
			t.Errorf("%q: err = %v, want a parse error", out, err)
		}
	}
	lr := newLogReader(strings.NewReader(""))
	if _, err := lr.next(); !errors.Is(err, io.EOF) {
		t.Errorf("empty output: err = %v, want io.EOF", err)
	}
}

func TestParseRaw(t *testing.T) {
	out := ":100644 100644 " + b1 + " " + b2 + " R100\x00a/PRFAQ.md\x00b/PRFAQ.md\x00" +
		":100644 000000 " + b1 + " " + z + " D\x00c/PRFAQ.md\x00"
	got, err := parseRaw([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []fileDiff{
		{Status: 'R', OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2, OldPath: "a/PRFAQ.md", Path: "b/PRFAQ.md"},
		{Status: 'D', OldMode: "100644", NewMode: "000000", OldBlob: b1, Path: "c/PRFAQ.md"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if got, err := parseRaw(nil); err != nil || len(got) != 0 {
		t.Errorf("empty: %v, %v", got, err)
	}
}

func TestWalkArgs(t *testing.T) {
	w := walk{rev: h1, pathspecs: []string{literal("a/PRFAQ.md")}, trailer: "PRFAQ-Ack"}
	args := strings.Join(w.args(), " ")
	for _, want := range []string{"-c log.follow=false", "--first-parent --diff-merges=first-parent", "--no-renames", h1 + " -- :(literal)a/PRFAQ.md", "key=PRFAQ-Ack,"} {
		if !strings.Contains(args, want) {
			t.Errorf("args %q lack %q", args, want)
		}
	}
	w = walk{rev: h1, exclude: h2, allParents: true, topo: true, trailer: "Ack"}
	args = strings.Join(w.args(), " ")
	for _, want := range []string{"--diff-merges=off", "--topo-order", "--no-renames", h1 + " ^" + h2 + " --"} {
		if !strings.Contains(args, want) {
			t.Errorf("args %q lack %q", args, want)
		}
	}
	if strings.Contains(args, "--first-parent") {
		t.Errorf("all parents: %q", args)
	}
}
