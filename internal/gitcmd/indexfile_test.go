package gitcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// indexedRepo is a settled repository with these files, its index written
// by git in the given version and with the given settings.
func indexedRepo(t testing.TB, version string, settings ...string) string {
	t.Helper()
	files := map[string]string{"a.md": "alpha\n", "docs/b.md": "bravo\n", "docs/c/d.md": "delta\n", "e.go": "package e\n",
		strings.Repeat("long/", 40) + "z.md": "zulu\n"}
	dir := settledRepo(t, files)
	for i := 0; i+1 < len(settings); i += 2 {
		git(t, dir, "config", settings[i], settings[i+1])
	}
	git(t, dir, "update-index", "--index-version", version)
	git(t, dir, "update-index", "--refresh")
	return dir
}

// TestReadIndex: the in-process reader gives what `git ls-files -s
// --debug` gives, for index versions 2, 3 (an intent-to-add entry) and 4
// (compressed paths), with optional extensions (cache tree, untracked
// cache) skipped.
func TestReadIndex(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version  string
		settings []string
	}{
		{"2", nil},
		{"3", nil},
		{"4", nil},
		{"4", []string{"core.untrackedCache", "true"}},
	} {
		t.Run("v"+tc.version+strings.Join(tc.settings, "="), func(t *testing.T) {
			t.Parallel()
			dir := indexedRepo(t, tc.version, tc.settings...)
			if tc.version == "3" {
				writeFile(t, filepath.Join(dir, "new.md"), "new\n")
				git(t, dir, "add", "-N", "new.md")
			}
			git(t, dir, "status") // writes the untracked cache, when on
			repo := open(t, dir)
			want, wantStats, err := repo.lsFilesStat(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			keepMD := func(p []byte) bool { return bytes.HasSuffix(p, []byte(".md")) }
			idx, err := readIndex(filepath.Join(dir, ".git", "index"), repo.ObjectFormat, keepMD)
			if err != nil {
				t.Fatal(err)
			}
			var wantMD []Entry
			var wantMDStats []statData
			for i, e := range want {
				if keepMD([]byte(e.Path)) {
					wantMD, wantMDStats = append(wantMD, e), append(wantMDStats, wantStats[i])
				}
			}
			if !slices.Equal(idx.entries, wantMD) || !slices.Equal(idx.stats, wantMDStats) {
				t.Fatalf("in-process:\n%+v\n%+v\nls-files --debug:\n%+v\n%+v", idx.entries, idx.stats, wantMD, wantMDStats)
			}
			if n := len(idx.entries); n != 5-boolInt(tc.version != "3") {
				t.Fatalf("%d entries", n)
			}
			if tc.version == "3" && !idx.stats[slices.IndexFunc(idx.entries, func(e Entry) bool { return e.Path == "new.md" })].intentToAdd {
				t.Fatal("new.md: intent-to-add not marked")
			}
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestReadIndexFallback: a split index (a required extension), a damaged
// index and an index too short are not read in-process, and
// WorkTreeBlobs then gets the same answer from git.
func TestReadIndexFallback(t *testing.T) {
	t.Parallel()
	keepAll := func([]byte) bool { return true }
	split := indexedRepo(t, "2", "core.splitIndex", "true")
	git(t, split, "update-index", "--split-index")
	if _, err := readIndex(filepath.Join(split, ".git", "index"), "sha1", keepAll); err == nil {
		t.Fatal("split index read in-process")
	}
	repo := open(t, split)
	files, err := repo.WorkTreeBlobs(context.Background(), nil, keepAll)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 5 || files[0].Path != "a.md" || files[0].Blob == "" {
		t.Fatalf("split index, from git: %+v", files)
	}

	dir := indexedRepo(t, "2")
	path := filepath.Join(dir, ".git", "index")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"short":     data[:20],
		"version":   append([]byte("DIRC\x00\x00\x00\x07"), data[8:]...),
		"count":     append(append(slices.Clone(data[:8]), 0x7f, 0, 0, 0), data[12:]...),
		"signature": append([]byte("DIRX"), data[4:]...),
		"cut":       data[:len(data)/2],
	} {
		if _, err := parseIndex(bad, "sha1", keepAll); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
	// A damaged index on disk: what git makes of it (git does not check
	// the checksum either), the same as without the in-process reader.
	if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	damaged := open(t, dir)
	got, err := damaged.WorkTreeBlobs(context.Background(), nil, keepAll)
	want, wantErr := damaged.WorkTreeBlobs(context.Background(), nil, nil)
	if !slices.Equal(got, want) || (err == nil) != (wantErr == nil) {
		t.Fatalf("damaged index: %+v %v; from git %+v %v", got, err, want, wantErr)
	}
}

func TestIndexVarint(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in string
		v  uint64
		n  int
	}{
		{"\x00", 0, 1},
		{"\x7f", 127, 1},
		{"\x80\x00", 128, 2}, // git's offset varint: 128 is 0x80 0x00
		{"\x80\x7f", 255, 2},
		{"\x81\x00", 256, 2},
		{"\x80", 0, 0},
		{"", 0, 0},
		{strings.Repeat("\xff", 10) + "\x00", 0, 0},
	} {
		if v, n := indexVarint([]byte(tc.in)); v != tc.v || n != tc.n {
			t.Errorf("indexVarint(%q) = %d, %d; want %d, %d", tc.in, v, n, tc.v, tc.n)
		}
	}
}

// FuzzParseIndex: any bytes give entries or an error, never a panic, and
// every entry kept has its stat data.
func FuzzParseIndex(f *testing.F) {
	for _, v := range []string{"2", "4"} {
		dir := indexedRepo(f, v)
		if data, err := os.ReadFile(filepath.Join(dir, ".git", "index")); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("DIRC\x00\x00\x00\x02\x00\x00\x00\x00" + strings.Repeat("\x00", 20)))
	f.Fuzz(func(t *testing.T, data []byte) {
		idx, err := parseIndex(data, "sha1", func([]byte) bool { return true })
		if err == nil && len(idx.entries) != len(idx.stats) {
			t.Fatalf("%d entries, %d stat records", len(idx.entries), len(idx.stats))
		}
	})
}
