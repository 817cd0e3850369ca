package gitcmd

import (
	"bufio"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
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

func TestParseLogHeader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *Commit
		err  string
	}{
		{"root commit", header(h1, "", "1764151200", "Jane Roe <jane@example.com>", ""),
			&Commit{ID: h1, Time: time.Date(2025, 11, 26, 10, 0, 0, 0, time.UTC), Author: "Jane Roe <jane@example.com>"}, ""},
		{"merge with two trailers", header(h1, h2+" "+b1, "0", "A <a@x>", "scope cut\x1f  second  "),
			&Commit{ID: h1, Parents: []string{h2, b1}, Time: time.Unix(0, 0).UTC(), Author: "A <a@x>", Trailers: []string{"scope cut", "second"}}, ""},
		{"trailing newline", header(h1, h2, "60", "A <a@x>", "") + "\n",
			&Commit{ID: h1, Parents: []string{h2}, Time: time.Unix(60, 0).UTC(), Author: "A <a@x>"}, ""},
		{"no mark", strings.TrimPrefix(header(h1, "", "0", "A", ""), "\x01"), nil, "unexpected git log header"},
		{"too few fields", "\x01" + h1 + "\x1e0", nil, "unexpected git log header"},
		{"bad time", header(h1, "", "soon", "A", ""), nil, `unexpected commit time "soon"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseLogHeader(tt.in)
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
		want  Change
		paths int
		bad   bool
	}{
		{":100644 100644 " + b1 + " " + b2 + " M", Change{Status: 'M', OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2}, 1, false},
		{":000000 100644 " + z + " " + b2 + " A", Change{Status: 'A', OldMode: "000000", NewMode: "100644", OldBlob: z, NewBlob: b2}, 1, false},
		{":100644 000000 " + b1 + " " + z + " D", Change{Status: 'D', OldMode: "100644", NewMode: "000000", OldBlob: b1, NewBlob: z}, 1, false},
		{":100644 100644 " + b1 + " " + b2 + " R087", Change{Status: 'R', Score: 87, OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2}, 2, false},
		{":100644 100644 " + b1 + " " + b2 + " C100", Change{Status: 'C', Score: 100, OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2}, 2, false},
		{"100644 100644 " + b1 + " " + b2 + " M", Change{}, 0, true},
		{":100644 " + b1 + " M", Change{}, 0, true},
		{":100644 100644 " + b1 + " " + b2 + " Rxx", Change{}, 0, true},
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

func newLogReader(s string) *logReader {
	return &logReader{z: zStream{bufio.NewReader(strings.NewReader(s))}}
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
	lr := newLogReader(out)
	var got []*Commit
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
	want0 := []Change{
		{Status: 'M', OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2, Path: "services/a/PRFAQ.md"},
		{Status: 'R', Score: 90, OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2, OldPath: "old dir/PRFAQ.md", Path: "new\ndir/PRFAQ.md"},
	}
	if !reflect.DeepEqual(got[0].Changes, want0) || !reflect.DeepEqual(got[0].Trailers, []string{"why"}) {
		t.Errorf("first commit: %+v", got[0])
	}
	if got[1].ID != h2 || len(got[1].Changes) != 0 {
		t.Errorf("second commit: %+v", got[1])
	}
	if got[2].ID != b1 || len(got[2].Changes) != 1 || got[2].Changes[0].Path != ":odd/PRFAQ.md" {
		t.Errorf("third commit: %+v", got[2])
	}
}

func TestLogReaderErrors(t *testing.T) {
	for _, out := range []string{
		"garbage\x00",
		header(h1, "", "0", "A", "") + "\x00\n:100644 M\x00path\x00",
		header(h1, "", "0", "A", "") + "\x00\n:100644 100644 " + b1 + " " + b2 + " R090\x00only-one",
	} {
		lr := newLogReader(out)
		if _, err := lr.next(); err == nil || errors.Is(err, io.EOF) {
			t.Errorf("%q: err = %v, want a parse error", out, err)
		}
	}
	lr := newLogReader("")
	if _, err := lr.next(); !errors.Is(err, io.EOF) {
		t.Errorf("empty output: err = %v, want io.EOF", err)
	}
}

func TestParseRawChanges(t *testing.T) {
	out := ":100644 100644 " + b1 + " " + b2 + " R100\x00a/PRFAQ.md\x00b/PRFAQ.md\x00" +
		":100644 000000 " + b1 + " " + z + " D\x00c/PRFAQ.md\x00"
	got, err := parseRawChanges([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Status: 'R', Score: 100, OldMode: "100644", NewMode: "100644", OldBlob: b1, NewBlob: b2, OldPath: "a/PRFAQ.md", Path: "b/PRFAQ.md"},
		{Status: 'D', OldMode: "100644", NewMode: "000000", OldBlob: b1, NewBlob: z, Path: "c/PRFAQ.md"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if got, err := parseRawChanges(nil); err != nil || len(got) != 0 {
		t.Errorf("empty: %v, %v", got, err)
	}
	for _, bad := range []string{
		":100644 100644 " + b1 + " " + b2 + " R100\x00a/PRFAQ.md\x00", // a rename with one path
		"a/PRFAQ.md\x00", // a path where a record belongs
	} {
		if _, err := parseRawChanges([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestLogArgs(t *testing.T) {
	q := LogQuery{Revs: []string{h1}, Pathspecs: []string{":(literal)a/PRFAQ.md"}, Trailer: "PRFAQ-Ack", FirstParent: true, Changes: true}
	args := strings.Join(q.args(), " ")
	for _, want := range []string{"-c log.follow=false", "-c log.showSignature=false", "--diff-merges=first-parent", "--first-parent", "--no-renames", "--raw", h1 + " -- :(literal)a/PRFAQ.md", "key=PRFAQ-Ack,"} {
		if !strings.Contains(args, want) {
			t.Errorf("args %q lack %q", args, want)
		}
	}
	q = LogQuery{Revs: []string{h1, "^" + h2}, Topo: true, Trailer: "Ack", Changes: true}
	args = strings.Join(q.args(), " ")
	for _, want := range []string{"--diff-merges=off", "--topo-order", "--no-renames", h1 + " ^" + h2 + " --"} {
		if !strings.Contains(args, want) {
			t.Errorf("args %q lack %q", args, want)
		}
	}
	if strings.Contains(args, "--first-parent") {
		t.Errorf("all parents: %q", args)
	}
	q = LogQuery{Revs: []string{h1}, Reverse: true}
	args = strings.Join(q.args(), " ")
	for _, unwanted := range []string{"--raw", "--diff-merges", "trailers"} {
		if strings.Contains(args, unwanted) {
			t.Errorf("no changes, no trailer: args %q have %q", args, unwanted)
		}
	}
	if !strings.Contains(args, "--reverse") {
		t.Errorf("args %q lack --reverse", args)
	}
}
