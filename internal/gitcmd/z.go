package gitcmd

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// splitZ splits git's -z output into its NUL-terminated records. The
// final NUL terminates the last record rather than starting an empty one.
func splitZ(out []byte) []string {
	out = bytes.TrimSuffix(out, []byte{0})
	if len(out) == 0 {
		return nil
	}
	return strings.Split(string(out), "\x00")
}

// Entry is a file in the index or in a tree.
type Entry struct {
	Mode  string // octal, e.g. "100644"; "160000" is a submodule
	Blob  string // object id (a commit id for a submodule)
	Stage int    // 0, or 1-3 for an unmerged path in the index
	Path  string // slash-separated, relative to the repository root
}

// Regular reports whether a mode from git is a file's (100644, or 100755
// executable): not a symbolic link (120000), whose blob is its target's
// name, nor a submodule (160000), whose id is a commit. Only a regular
// file can be a document.
func Regular(mode string) bool { return mode == "100644" || mode == "100755" }

// parseLsFiles reads `ls-files -s -z` records: "mode oid stage\tpath".
func parseLsFiles(out []byte) ([]Entry, error) {
	return parseEntries(out, "ls-files", func(f []string) (Entry, bool) {
		stage, err := strconv.Atoi(f[2])
		return Entry{Mode: f[0], Blob: f[1], Stage: stage}, err == nil
	})
}

// parseLsTree reads `ls-tree -z` records: "mode type oid\tpath".
func parseLsTree(out []byte) ([]Entry, error) {
	return parseEntries(out, "ls-tree", func(f []string) (Entry, bool) {
		return Entry{Mode: f[0], Blob: f[2]}, true
	})
}

// parseEntries reads NUL-terminated "meta\tpath" records whose meta has
// three fields; entry makes the Entry of them, or says they are malformed.
func parseEntries(out []byte, cmd string, entry func(f []string) (Entry, bool)) ([]Entry, error) {
	recs := splitZ(out)
	entries := make([]Entry, 0, len(recs))
	for _, rec := range recs {
		meta, path, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		var e Entry
		if ok && len(f) == 3 {
			e, ok = entry(f)
		}
		if !ok || len(f) != 3 {
			return nil, fmt.Errorf("unexpected %s record %q", cmd, rec)
		}
		e.Path = path
		entries = append(entries, e)
	}
	return entries, nil
}

// Change is a path that differs between two states.
type Change struct {
	// Status is 'A' added, 'M' modified, 'D' deleted, 'R' renamed,
	// 'C' copied, 'T' type changed (e.g. file to symlink), or 'U' unmerged.
	Status  byte
	Path    string // the new path (the old one for 'D')
	OldPath string // the source of a rename or copy, else ""
	Score   int    // similarity percentage of a rename or copy, else 0
	// Modes and object ids on each side, from raw diff output; zeros for
	// the missing side of an addition or deletion, "" where not known.
	OldMode, NewMode string
	OldBlob, NewBlob string
}

// parseStatus reads "M" or "R086"; n is how many paths follow.
func parseStatus(st string) (c Change, n int, err error) {
	if st == "" {
		return c, 0, fmt.Errorf("empty status")
	}
	c.Status = st[0]
	if c.Status != 'R' && c.Status != 'C' {
		return c, 1, nil
	}
	c.Score, err = strconv.Atoi(st[1:])
	return c, 2, err
}

// parseRawChanges reads `--raw -z` diff records, with or without rename
// detection: ":oldmode newmode oldoid newoid X\0path\0", where a rename or
// copy ("R086", "C100") is followed by two paths, the source first.
func parseRawChanges(out []byte) ([]Change, error) {
	var changes []Change
	err := scanRaw(out, nil, func(c Change) { changes = append(changes, c) })
	if err != nil {
		return nil, err
	}
	return changes, nil
}
