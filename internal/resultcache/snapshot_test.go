package resultcache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestSnapshotRoundTrip: a saved snapshot reads back for the same
// configuration, build and work tree, and for no other; saving what was
// read writes nothing.
func TestSnapshotRoundTrip(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := Open(dir, "cfg", "v1").Snapshot("/work/tree")
	if s.Data() != nil {
		t.Fatalf("a missing snapshot reads %q", s.Data())
	}
	if err := s.Save([]byte("listing")); err != nil {
		t.Fatal(err)
	}
	if got := Open(dir, "cfg", "v1").Snapshot("/work/tree").Data(); string(got) != "listing" {
		t.Fatalf("reopened snapshot = %q", got)
	}
	for name, other := range map[string]*Snapshot{
		"another work tree":     Open(dir, "cfg", "v1").Snapshot("/work/other"),
		"another configuration": Open(dir, "cfg2", "v1").Snapshot("/work/tree"),
		"another build":         Open(dir, "cfg", "v2").Snapshot("/work/tree"),
	} {
		if other.Data() != nil {
			t.Errorf("%s reads %q", name, other.Data())
		}
	}
	// Unchanged: the file is not rewritten.
	path := onlySnapshot(t, dir)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(path, old, old)
	s = Open(dir, "cfg", "v1").Snapshot("/work/tree")
	if err := s.Save([]byte("listing")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || !info.ModTime().Equal(old) {
		t.Fatalf("an unchanged snapshot was written again: %v %v", info.ModTime(), err)
	}
	var disabled *Snapshot
	if disabled.Data() != nil || disabled.Save([]byte("x")) != nil || (*Cache)(nil).Snapshot("/w") != nil || Open(dir, "cfg", "v1").Snapshot("") != nil {
		t.Fatal("a nil cache or snapshot is not a disabled one")
	}
}

func onlySnapshot(t *testing.T, dir string) string {
	t.Helper()
	snaps, _ := filepath.Glob(filepath.Join(Dir(dir), "*"+snapSuffix))
	if len(snaps) != 1 {
		t.Fatalf("want one snapshot file, have %v", snaps)
	}
	return snaps[0]
}

// TestDamagedSnapshot: a damaged, truncated, foreign or other-format
// file reads as no snapshot, and the next Save replaces it.
func TestDamagedSnapshot(t *testing.T) {
	t.Parallel()
	damage := map[string]func(t *testing.T, dir string, b []byte) []byte{
		"truncated":    func(_ *testing.T, _ string, b []byte) []byte { return b[:len(b)-2] },
		"header only":  func(_ *testing.T, _ string, b []byte) []byte { return b[:snapHeaderLen] },
		"empty":        func(*testing.T, string, []byte) []byte { return nil },
		"flipped byte": func(_ *testing.T, _ string, b []byte) []byte { b[len(b)-1] ^= 0x40; return b },
		"other format": func(_ *testing.T, _ string, b []byte) []byte { b[8]++; return b },
		"a pack":       func(*testing.T, string, []byte) []byte { return encodePack(1, nil) },
		"foreign": func(t *testing.T, dir string, _ []byte) []byte {
			// Another work tree's file, whole and valid, under this name.
			if err := Open(dir, "cfg", "v1").Snapshot("/elsewhere").Save([]byte("other listing")); err != nil {
				t.Fatal(err)
			}
			s := Open(dir, "cfg", "v1").Snapshot("/elsewhere")
			b, err := os.ReadFile(s.path)
			if err != nil {
				t.Fatal(err)
			}
			os.Remove(s.path)
			return b
		},
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := Open(dir, "cfg", "v1").Snapshot("/work/tree").Save([]byte("listing")); err != nil {
				t.Fatal(err)
			}
			path := onlySnapshot(t, dir)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f(t, dir, data), 0o644); err != nil {
				t.Fatal(err)
			}
			s := Open(dir, "cfg", "v1").Snapshot("/work/tree")
			if s.Data() != nil {
				t.Fatalf("damaged snapshot reads %q", s.Data())
			}
			if err := s.Save([]byte("listing")); err != nil {
				t.Fatal(err)
			}
			if got := Open(dir, "cfg", "v1").Snapshot("/work/tree").Data(); string(got) != "listing" {
				t.Fatalf("after Save over a damaged snapshot: %q", got)
			}
		})
	}
}

// TestSnapshotConcurrentWriters: runs saving the same snapshot at once
// leave one whole file, one writer's, and no temporary file.
func TestSnapshotConcurrentWriters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const writers = 8
	payload := func(w int) []byte { return bytes.Repeat([]byte{byte('a' + w)}, 100_000+w) }
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if err := Open(dir, "cfg", "v1").Snapshot("/work/tree").Save(payload(w)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	got := Open(dir, "cfg", "v1").Snapshot("/work/tree").Data()
	ok := false
	for w := range writers {
		ok = ok || bytes.Equal(got, payload(w))
	}
	if !ok {
		t.Fatalf("after concurrent writers the snapshot holds %d bytes of no writer", len(got))
	}
	if tmps, _ := filepath.Glob(filepath.Join(Dir(dir), "tmp-*")); len(tmps) > 0 {
		t.Fatalf("temporary files left: %v", tmps)
	}
}

// TestSnapshotUnwritable: a cache directory that cannot be made fails
// Save, and reads no snapshot; a snapshot over the bound is not written.
func TestSnapshotUnwritable(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := Open(file, "cfg", "v1").Snapshot("/work/tree")
	if s.Data() != nil || s.Save([]byte("listing")) == nil {
		t.Fatal("a snapshot under a regular file read or saved")
	}
	dir := t.TempDir()
	if err := Open(dir, "cfg", "v1").Snapshot("/w").Save(make([]byte, maxSnapshotBytes)); err == nil {
		t.Fatal("a snapshot over the bound was saved")
	}
}

// TestSnapshotInfoClearPrune: cache info counts the snapshot files and
// their bytes, clear removes them, a pruned pack takes its snapshots
// with it, and at most maxSnapshots are kept.
func TestSnapshotInfoClearPrune(t *testing.T) {
	t.Parallel()
	dir := fill(t, 3)
	for _, root := range []string{"/a", "/b"} {
		if err := Open(dir, "cfg", "v1").Snapshot(root).Save([]byte("listing of " + root)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := Info(dir)
	packBytes := fileSize(t, onlyPack(t, dir))
	if err != nil || st.Packs != 1 || st.Entries != 3 || st.Snapshots != 2 || st.Bytes != packBytes+2*(snapHeaderLen+int64(len("listing of /a"))) {
		t.Fatalf("Info = %+v, %v; want 1 pack of %d bytes, 3 entries, 2 snapshots", st, err, packBytes)
	}
	if err := Clear(dir); err != nil {
		t.Fatal(err)
	}
	if st, _ := Info(dir); st.Snapshots != 0 || Open(dir, "cfg", "v1").Snapshot("/a").Data() != nil {
		t.Fatalf("Clear left snapshots: %+v", st)
	}

	// The oldest pack goes with its snapshot; the others' stay.
	for i := range maxPacks + 1 {
		c := Open(dir, fmt.Sprint("cfg", i), "v1")
		if err := c.Snapshot("/a").Save([]byte("listing")); err != nil {
			t.Fatal(err)
		}
		c.Put(blobID(i), sample(i))
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(time.Duration(i-20) * time.Minute)
		os.Chtimes(c.path, old, old)
	}
	if Open(dir, "cfg0", "v1").Snapshot("/a").Data() != nil {
		t.Fatal("the pruned pack's snapshot was kept")
	}
	if Open(dir, "cfg1", "v1").Snapshot("/a").Data() == nil {
		t.Fatal("a kept pack's snapshot was removed")
	}

	// Many work trees: the least recently written snapshots go.
	dir = t.TempDir()
	for i := range maxSnapshots + 5 {
		s := Open(dir, "cfg", "v1").Snapshot(fmt.Sprint("/w", i))
		if err := s.Save([]byte("listing")); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(time.Duration(i-100) * time.Minute)
		os.Chtimes(s.path, old, old)
	}
	if st, _ := Info(dir); st.Snapshots != maxSnapshots {
		t.Fatalf("%d snapshots kept, want %d", st.Snapshots, maxSnapshots)
	}
	if Open(dir, "cfg", "v1").Snapshot(fmt.Sprint("/w", maxSnapshots+4)).Data() == nil {
		t.Fatal("the newest snapshot was pruned")
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

func FuzzParseSnapshot(f *testing.F) {
	var key [32]byte
	f.Add(encodeSnapshot(key, []byte("listing")))
	f.Add([]byte("PRFAQWT\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := parseSnapshot(data, key)
		if got != nil && !bytes.Equal(encodeSnapshot(key, got), data) {
			t.Fatalf("%q parses to %q, which encodes otherwise", data, got)
		}
	})
}
