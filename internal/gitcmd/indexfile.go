package gitcmd

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// maxIndexBytes bounds the index file read in-process: a larger one (about
// 5 million entries) is left to git, which reads it by mapping it.
const maxIndexBytes = 512 << 20

// errIndexFormat marks an index this reader does not read: another
// version, a required extension (split index "link", sparse index "sdir")
// or damage. The caller asks git instead, which reads it or says what is
// wrong.
var errIndexFormat = errors.New("index format not read in-process")

// indexFile is what readIndex keeps of the index file.
type indexFile struct {
	entries []Entry
	stats   []statData
	// modTime is the index file's own modification time, from the same
	// open file as the entries: git's racy-git rule compares entries with
	// it.
	modTime time.Time
}

// readIndex reads the entries of the index file at path whose path keep
// accepts (given the index's own bytes, which it must not keep), with their stat data, in-process: what `git ls-files -s
// --debug` prints, without starting git and without formatting every
// entry as text. Index versions 2, 3 and 4 are read (gitformat-index(5));
// optional extensions (cache tree, untracked cache, fsmonitor, resolve
// undo, end of index, offset table) are skipped; any other extension or a
// damaged entry gives errIndexFormat.
func readIndex(path, objectFormat string, keep func(path []byte) bool) (*indexFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read the index: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read the index: %w", err)
	}
	if info.Size() > maxIndexBytes || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %d bytes: %w", path, info.Size(), errIndexFormat)
	}
	data := make([]byte, info.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("read the index: %w", err)
	}
	idx, err := parseIndex(data, objectFormat, keep)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	idx.modTime = info.ModTime()
	return idx, nil
}

// parseIndex decodes an index file. Like git, which checks the index's
// trailing checksum only in git fsck, it does not hash the whole file (10 MB at 100,000 entries): every length and
// offset is checked instead, so damage gives an error, never a crash.
func parseIndex(data []byte, objectFormat string, keep func(path []byte) bool) (*indexFile, error) {
	hashSize := sha1.Size
	if objectFormat == "sha256" {
		hashSize = sha256.Size
	}
	if len(data) < 12+hashSize {
		return nil, fmt.Errorf("%w: too short", errIndexFormat)
	}
	return parseIndexBody(data[:len(data)-hashSize], hashSize, keep)
}

// The flags of an index entry (gitformat-index(5)).
const (
	flagExtended     = 0x4000
	flagStageMask    = 0x3000
	flagNameMask     = 0x0fff
	extIntentToAdd   = 0x2000
	extSkipWorktree  = 0x4000
	extUnknownFlags  = 0x9fff
	entryFixedLength = 40 // ten 32-bit fields before the object id
)

// parseIndexBody decodes the header, the entries and the extensions'
// signatures of an index whose trailing checksum is cut off.
func parseIndexBody(b []byte, hashSize int, keep func(path []byte) bool) (*indexFile, error) {
	if !bytes.HasPrefix(b, []byte("DIRC")) {
		return nil, fmt.Errorf("%w: no DIRC signature", errIndexFormat)
	}
	version := binary.BigEndian.Uint32(b[4:])
	count := binary.BigEndian.Uint32(b[8:])
	if version < 2 || version > 4 {
		return nil, fmt.Errorf("%w: version %d", errIndexFormat, version)
	}
	// Every entry takes at least entryFixedLength+hashSize+2 bytes and a
	// name byte: a count the file cannot hold is damage, caught before
	// anything is allocated for it.
	if uint64(count)*uint64(entryFixedLength+hashSize+3) > uint64(len(b)) {
		return nil, fmt.Errorf("%w: %d entries in %d bytes", errIndexFormat, count, len(b))
	}
	idx := &indexFile{}
	pos := 12
	var prev []byte // v4: the previous entry's path
	for range count {
		start := pos
		if len(b)-pos < entryFixedLength+hashSize+2 {
			return nil, fmt.Errorf("%w: entry cut off", errIndexFormat)
		}
		fixed := b[pos : pos+entryFixedLength]
		oid := b[pos+entryFixedLength : pos+entryFixedLength+hashSize]
		pos += entryFixedLength + hashSize
		flags := binary.BigEndian.Uint16(b[pos:])
		pos += 2
		var ext uint16
		if flags&flagExtended != 0 {
			if version < 3 || len(b)-pos < 2 {
				return nil, fmt.Errorf("%w: extended flags", errIndexFormat)
			}
			ext = binary.BigEndian.Uint16(b[pos:])
			pos += 2
			if ext&extUnknownFlags != 0 {
				return nil, fmt.Errorf("%w: unknown entry flags %#x", errIndexFormat, ext)
			}
		}
		var name []byte
		if version == 4 {
			strip, n := indexVarint(b[pos:])
			if n <= 0 || strip > uint64(len(prev)) {
				return nil, fmt.Errorf("%w: path prefix", errIndexFormat)
			}
			pos += n
			nul := bytes.IndexByte(b[pos:], 0)
			if nul < 0 {
				return nil, fmt.Errorf("%w: path without its end", errIndexFormat)
			}
			prev = append(prev[:len(prev)-int(strip)], b[pos:pos+nul]...)
			pos += nul + 1
			name = prev
		} else {
			nul := bytes.IndexByte(b[pos:], 0)
			if nul < 0 {
				return nil, fmt.Errorf("%w: path without its end", errIndexFormat)
			}
			name = b[pos : pos+nul]
			// One to eight NULs pad the entry to a multiple of eight bytes.
			pos = start + (pos-start+nul+8)&^7
			if pos > len(b) {
				return nil, fmt.Errorf("%w: entry cut off", errIndexFormat)
			}
		}
		if n := int(flags & flagNameMask); n != len(name) && !(n == flagNameMask && len(name) >= flagNameMask) {
			return nil, fmt.Errorf("%w: path length", errIndexFormat)
		}
		if len(name) == 0 {
			return nil, fmt.Errorf("%w: empty path", errIndexFormat)
		}
		if !keep(name) {
			continue
		}
		e, sd, err := indexEntry(fixed, oid, flags, name)
		if err != nil {
			return nil, err
		}
		if ext&extIntentToAdd != 0 {
			// `git add -N`: the id is the empty blob's, not the file's;
			// git counts the file as changed whatever its stat data.
			sd.intentToAdd = true
		}
		idx.entries, idx.stats = append(idx.entries, e), append(idx.stats, sd)
	}
	return idx, checkExtensions(b[pos:])
}

// indexEntry is one entry's mode, id, stage and path, and its stat data.
func indexEntry(fixed, oid []byte, flags uint16, name []byte) (Entry, statData, error) {
	u := func(i int) int64 { return int64(binary.BigEndian.Uint32(fixed[4*i:])) }
	mode := binary.BigEndian.Uint32(fixed[24:])
	switch mode & 0o170000 {
	case 0o100000, 0o120000, 0o160000:
	default:
		// 040000 is a sparse index's directory, which comes with "sdir".
		return Entry{}, statData{}, fmt.Errorf("%w: mode %o", errIndexFormat, mode)
	}
	e := Entry{Mode: strconv.FormatUint(uint64(mode), 8), Blob: hex.EncodeToString(oid),
		Stage: int(flags&flagStageMask) >> 12, Path: string(name)}
	sd := statData{ctimeSec: u(0), ctimeNsec: u(1), mtimeSec: u(2), mtimeNsec: u(3),
		dev: u(4), ino: u(5), uid: u(7), gid: u(8), size: u(9)}
	return e, sd, nil
}

// checkExtensions walks the extensions after the entries. One whose
// signature starts with an upper-case letter is optional: git itself may
// ignore it. Any other ("link", a split index; "sdir", a sparse index)
// changes what the entries mean, so the caller asks git.
func checkExtensions(b []byte) error {
	for len(b) > 0 {
		if len(b) < 8 {
			return fmt.Errorf("%w: extension cut off", errIndexFormat)
		}
		sig, size := b[:4], binary.BigEndian.Uint32(b[4:])
		if sig[0] < 'A' || sig[0] > 'Z' {
			return fmt.Errorf("%w: extension %q", errIndexFormat, sig)
		}
		if uint64(size) > uint64(len(b)-8) {
			return fmt.Errorf("%w: extension %q cut off", errIndexFormat, sig)
		}
		b = b[8+size:]
	}
	return nil
}

// indexVarint decodes git's offset varint (varint.c): each continuation
// adds one before shifting, so every value has one encoding. n is 0 for
// bytes that end early or overflow.
func indexVarint(b []byte) (v uint64, n int) {
	for i, c := range b {
		if i == 0 {
			v = uint64(c & 0x7f)
		} else {
			v++
			if v > (1<<57)-1 {
				return 0, 0
			}
			v = v<<7 | uint64(c&0x7f)
		}
		if c&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}
