package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"path/filepath"
	"strings"
)

// Snapshot is the file that keeps one work tree's untracked-files
// snapshot (package untracked) beside the pack of the same configuration
// and build: list reads it at once, without waiting for the pack, so that
// the directory checks start while the index and the pack load
// (docs/performance.md, "The result cache"). A missing, damaged,
// truncated, foreign or oversized file reads as no snapshot: the caller
// lists every untracked file, never fails. A nil *Snapshot is a disabled
// one.
type Snapshot struct {
	path string
	key  [32]byte
	data []byte // as read; nil when there was none
}

// Bounds of the snapshot files: one larger than maxSnapshotBytes is
// neither read nor written (a listing of every untracked file instead);
// at most maxSnapshots are kept under a cache directory (a repository
// with many worktrees has one per worktree and configuration), the least
// recently written go first.
const (
	maxSnapshotBytes = 64 << 20
	maxSnapshots     = 32
)

// Snapshot file format:
//
//	magic "PRFAQWT\n" | format u32 | crc32c u32 of the rest | key [32]byte | data
//
// key is a sha256 of the configuration fingerprint, tool version, format
// and work-tree root, so a file renamed or copied from another key does
// not read.
var snapMagic = []byte("PRFAQWT\n")

const (
	snapFormat    = 1
	snapHeaderLen = 8 + 4 + 4 + 32
	snapSuffix    = ".snap"
)

// Snapshot reads the snapshot file of the work tree at root, for the
// cache's configuration and build; it does not wait for the pack.
func (c *Cache) Snapshot(root string) *Snapshot {
	if c == nil || root == "" {
		return nil
	}
	h := sha256.New()
	for _, part := range []string{c.fingerprint, c.toolVersion, string(rune('0' + snapFormat)), root} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	s := &Snapshot{}
	h.Sum(s.key[:0])
	// Named after its pack, so that it is pruned with it.
	base := strings.TrimSuffix(filepath.Base(c.path), ".pack")
	s.path = filepath.Join(filepath.Dir(c.path), base+"-"+hex.EncodeToString(s.key[:8])+snapSuffix)
	s.data = readSnapshot(s.path, s.key)
	return s
}

// Data is the snapshot as the last run saved it; nil when there is none
// or it did not read. The caller must not change it.
func (s *Snapshot) Data() []byte {
	if s == nil {
		return nil
	}
	return s.data
}

// Save writes data as the snapshot unless it is what was read: a
// temporary file renamed over the old one, so that a reader sees one
// whole file or the other. It reports why it could not (a read-only git
// dir, data over the bound); callers ignore it: the next run lists
// everything.
func (s *Snapshot) Save(data []byte) error {
	if s == nil || bytes.Equal(data, s.data) {
		return nil
	}
	if len(data) > maxSnapshotBytes-snapHeaderLen {
		return errors.New("work-tree snapshot too large to keep")
	}
	if err := writeFile(s.path, encodeSnapshot(s.key, data)); err != nil {
		return err
	}
	s.data = data
	prune(filepath.Dir(s.path), "")
	return nil
}

func encodeSnapshot(key [32]byte, data []byte) []byte {
	b := make([]byte, snapHeaderLen, snapHeaderLen+len(data))
	copy(b, snapMagic)
	binary.LittleEndian.PutUint32(b[8:], snapFormat)
	copy(b[16:], key[:])
	b = append(b, data...)
	binary.LittleEndian.PutUint32(b[12:], crc32.Checksum(b[16:], castagnoli()))
	return b
}

// readSnapshot reads a snapshot file's data; nil for anything but a
// whole file of this format and key.
func readSnapshot(path string, key [32]byte) []byte {
	b, err := readFileMax(path, maxSnapshotBytes)
	if err != nil {
		return nil
	}
	return parseSnapshot(b, key)
}

// parseSnapshot checks a snapshot file's header, key and checksum.
func parseSnapshot(b []byte, key [32]byte) []byte {
	if len(b) < snapHeaderLen || !bytes.Equal(b[:8], snapMagic) || binary.LittleEndian.Uint32(b[8:]) != snapFormat ||
		!bytes.Equal(b[16:snapHeaderLen], key[:]) || crc32.Checksum(b[16:], castagnoli()) != binary.LittleEndian.Uint32(b[12:]) {
		return nil
	}
	return b[snapHeaderLen:len(b):len(b)]
}

// isSnapshot tells a snapshot file's name from a pack's or a temporary
// file's.
func isSnapshot(name string) bool {
	return strings.HasSuffix(name, snapSuffix) && !strings.HasPrefix(name, "tmp-")
}
