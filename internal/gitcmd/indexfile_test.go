package gitcmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
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

// indexInfo adds entries to dir's index from `update-index --index-info`
// lines ("mode id\tpath"): no files are needed, so paths can be any length.
func indexInfo(t testing.TB, dir, info string) {
	t.Helper()
	cmd := exec.Command("git", "update-index", "--add", "--index-info")
	cmd.Dir, cmd.Stdin = dir, strings.NewReader(info)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("update-index --index-info: %v\n%s", err, out)
	}
}

// chunkRepo is a repository whose index, of the given version, has
// entries with paths of every length from 1 to 150 bytes, and of the
// lengths given, and two extensions; and the index file's bytes. With
// version 3, every seventh entry is marked skip-worktree (an extended
// flag).
func chunkRepo(t testing.TB, version string, lengths ...int) (string, []byte) {
	t.Helper()
	dir := newRepo(t)
	blob := git(t, dir, "hash-object", "-w", "--stdin")
	var info strings.Builder
	var skip []string
	for i := range 150 + len(lengths) {
		n := i + 1
		if i >= 150 {
			n = lengths[i-150]
		}
		p := pathOfLength(i, n)
		fmt.Fprintf(&info, "100644 %s\t%s\n", blob, p)
		if i%7 == 0 {
			skip = append(skip, p)
		}
	}
	indexInfo(t, dir, info.String())
	if version == "3" {
		git(t, dir, append([]string{"update-index", "--skip-worktree", "--"}, skip...)...)
	}
	git(t, dir, "update-index", "--index-version", version)
	// Two extensions, over many refills: a cache tree, and an untracked
	// cache (`git status` writes it).
	git(t, dir, "write-tree")
	git(t, dir, "config", "core.untrackedCache", "true")
	git(t, dir, "status")
	data, err := os.ReadFile(filepath.Join(dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	return dir, data
}

// pathOfLength is the i-th path of n bytes: "a/007/xxx", a directory
// each, so that version 4 strips prefixes.
func pathOfLength(i, n int) string {
	if n < len("a/000/x") {
		return strings.Repeat(string(rune('A'+i)), n)
	}
	p := fmt.Sprintf("%c/%03d/", 'a'+i%3, i)
	return p + strings.Repeat("x", n-len(p))
}

// TestReadIndexChunks: through buffers of every size from 128 bytes on,
// so that entries, paths and their padding straddle a refill at every
// offset, the reader gives what `git ls-files -s --debug` gives, for
// versions 2, 3 (extended flags) and 4; paths of 4,094, 4,095
// (flagNameMask: the length is looked for), 4,096 and 5,000 bytes too. A
// buffer shorter than an entry gives errOverChunk, which git then reads.
func TestReadIndexChunks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		lengths []int
		chunks  [2]int // every buffer size from, to
		longest int    // the longest entry, in bytes: a buffer as long reads every entry
	}{
		{"short", nil, [2]int{128, 1200}, (64 + 150 + 8) &^ 7},
		{"long", []int{0xffe, 0xfff, 0x1000, 5000}, [2]int{4000, 5300}, (64 + 5000 + 8) &^ 7},
	} {
		for _, version := range []string{"2", "3", "4"} {
			t.Run(tc.name+"/v"+version, func(t *testing.T) {
				t.Parallel()
				dir, data := chunkRepo(t, version, tc.lengths...)
				want, wantStats, err := open(t, dir).lsFilesStat(context.Background(), nil)
				if err != nil || len(want) != 150+len(tc.lengths) {
					t.Fatalf("ls-files --debug: %d entries, %v", len(want), err)
				}
				keepAll := func([]byte) bool { return true }
				for chunk := tc.chunks[0]; chunk <= tc.chunks[1]; chunk++ {
					idx, err := parseIndexChunked(bytes.NewReader(data), int64(len(data)), "sha1", keepAll, chunk)
					switch {
					case err != nil && (!errors.Is(err, errOverChunk) || chunk >= tc.longest):
						t.Fatalf("buffer of %d bytes: %v", chunk, err)
					case err == nil && (!slices.Equal(idx.entries, want) || !slices.Equal(idx.stats, wantStats)):
						t.Fatalf("buffer of %d bytes: %d entries differ from git's %d", chunk, len(idx.entries), len(want))
					}
				}
				// The real buffer, through a file.
				idx, err := readIndex(filepath.Join(dir, ".git", "index"), "sha1", keepAll)
				if err != nil || !slices.Equal(idx.entries, want) || !slices.Equal(idx.stats, wantStats) {
					t.Fatalf("readIndex: %v", err)
				}
			})
		}
	}
}

// TestReadIndexOverChunk: an entry longer than the buffer (a path of
// 300,000 bytes) is left to git, in version 2 (whose flags say the length
// is looked for) and 4; WorkTreeBlobs then lists what git lists.
func TestReadIndexOverChunk(t *testing.T) {
	t.Parallel()
	keepAll := func([]byte) bool { return true }
	for _, version := range []string{"2", "4"} {
		t.Run("v"+version, func(t *testing.T) {
			t.Parallel()
			dir := indexedRepo(t, version)
			long := pathOfLength(0, 300_000)
			indexInfo(t, dir, "100644 "+git(t, dir, "rev-parse", "HEAD:a.md")+"\t"+long+"\n")
			if _, err := readIndex(filepath.Join(dir, ".git", "index"), "sha1", keepAll); !errors.Is(err, errOverChunk) {
				t.Fatalf("readIndex: %v, want %v", err, errOverChunk)
			}
			repo := open(t, dir)
			got, err := repo.WorkTreeBlobs(context.Background(), nil, keepAll)
			if err != nil {
				t.Fatal(err)
			}
			want, err := repo.WorkTreeBlobs(context.Background(), nil, nil)
			if err != nil || !slices.Equal(got, want) {
				t.Fatalf("in-process %d files, from git %d (%v)", len(got), len(want), err)
			}
			// Six files; the long one is not in the work tree, so it is read.
			if i := slices.IndexFunc(got, func(f WorkTreeFile) bool { return f.Path == long }); len(got) != 6 || i < 0 || got[i].Blob != "" {
				t.Fatalf("%d files; the long path at %d", len(got), i)
			}
		})
	}
}

// FuzzParseIndexChunks: the reader gives what the bufio reader before it
// gave (indexfile_bufio_test.go): the same entries, or an error from
// both; through a smaller buffer, the same again, or errOverChunk. A keep
// that rejects some paths gives those of the others, or an error only
// where keeping every path errs too.
func FuzzParseIndexChunks(f *testing.F) {
	for _, v := range []string{"2", "3", "4"} {
		dir := indexedRepo(f, v) // small seeds: the fuzzer minimizes what it finds
		if v == "3" {
			git(f, dir, "update-index", "--skip-worktree", "a.md") // an extended flag
		}
		data, err := os.ReadFile(filepath.Join(dir, ".git", "index"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint16(0))
		f.Add(data, uint16(100))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint16) {
		keepAll := func([]byte) bool { return true }
		parse := func(chunk int, keep func([]byte) bool) (*indexFile, error) {
			return parseIndexChunked(bytes.NewReader(data), int64(len(data)), "sha1", keep, chunk)
		}
		whole, err := parse(max(len(data), 128), keepAll)
		if err != nil && !errors.Is(err, errIndexFormat) {
			t.Fatalf("not errIndexFormat: %v", err)
		}
		if len(data) <= bufioIndexBuffer { // the bufio reader's bound
			old, oldErr := parseIndexBufio(bytes.NewReader(data), int64(len(data)), "sha1", keepAll)
			if (err == nil) != (oldErr == nil) || err == nil && !sameIndex(whole, old) {
				t.Fatalf("chunked: %v; bufio: %v", err, oldErr)
			}
		}
		small, smallErr := parse(128+int(chunk)%2048, keepAll)
		if smallErr == nil && (err != nil || !sameIndex(small, whole)) || smallErr != nil && err == nil && !errors.Is(smallErr, errOverChunk) {
			t.Fatalf("through %d bytes: %v; whole: %v", 128+int(chunk)%2048, smallErr, err)
		}
		even := func(p []byte) bool { return len(p)%2 == 0 }
		some, someErr := parse(128+int(chunk)%2048, even)
		if someErr == nil && smallErr == nil {
			var want []Entry
			for _, e := range small.entries {
				if even([]byte(e.Path)) {
					want = append(want, e)
				}
			}
			if !slices.Equal(some.entries, want) || len(some.stats) != len(want) {
				t.Fatalf("kept %d of %d, want %d", len(some.entries), len(small.entries), len(want))
			}
		}
		if someErr != nil && smallErr == nil {
			t.Fatalf("keeping some: %v; keeping all: no error", someErr)
		}
	})
}

func sameIndex(a, b *indexFile) bool {
	return slices.Equal(a.entries, b.entries) && slices.Equal(a.stats, b.stats)
}
