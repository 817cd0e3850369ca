package gitcmd

// The index reader before the chunked one (commit 97b891d), reading
// through bufio: the oracle the chunked reader is compared with, entry
// for entry and error for error (FuzzParseIndexChunks), and the "before"
// of BenchmarkReadIndex.

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
)

// bufioIndexBuffer bounds what one entry may take: an entry longer (a path
// over 60,000 bytes) is left to git.
const bufioIndexBuffer = 64 << 10

// parseIndexBufio decodes an index file of size bytes from r. Like git,
// which checks the index's trailing checksum only in git fsck, it does not
// hash the whole file (10 MB at 100,000 entries): every length and offset
// is checked against the size instead, so damage gives an error, never a
// crash.
func parseIndexBufio(r io.Reader, size int64, objectFormat string, keep func(path []byte) bool) (*indexFile, error) {
	hashSize := sha1.Size
	if objectFormat == "sha256" {
		hashSize = sha256.Size
	}
	if size < int64(12+hashSize) {
		return nil, fmt.Errorf("%w: too short", errIndexFormat)
	}
	x := &bufioIndexReader{r: bufio.NewReaderSize(r, bufioIndexBuffer), left: size - int64(hashSize)}
	return x.parse(hashSize, keep)
}

// bufioIndexReader reads an index's bytes up to its trailing checksum.
type bufioIndexReader struct {
	r    *bufio.Reader
	left int64 // bytes before the checksum not yet read
}

// next returns the next n bytes, valid until the next call.
func (x *bufioIndexReader) next(n int) ([]byte, error) {
	if int64(n) > x.left {
		return nil, errCutOff
	}
	b, err := x.r.Peek(n)
	if err != nil {
		return nil, errCutOff
	}
	x.r.Discard(n)
	x.left -= int64(n)
	return b, nil
}

// name returns the bytes up to the next NUL, which it consumes.
func (x *bufioIndexReader) name() ([]byte, error) {
	b, err := x.r.ReadSlice(0)
	if err != nil || int64(len(b)) > x.left {
		return nil, fmt.Errorf("%w: path without its end", errIndexFormat)
	}
	x.left -= int64(len(b))
	return b[:len(b)-1], nil
}

func (x *bufioIndexReader) skip(n int64) error {
	if n > x.left {
		return errCutOff
	}
	for n > 0 {
		step := int(min(n, bufioIndexBuffer))
		if _, err := x.r.Discard(step); err != nil {
			return errCutOff
		}
		n -= int64(step)
		x.left -= int64(step)
	}
	return nil
}

// parse decodes the header, the entries and the extensions' signatures.
func (x *bufioIndexReader) parse(hashSize int, keep func(path []byte) bool) (*indexFile, error) {
	head, err := x.next(12)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(head, []byte("DIRC")) {
		return nil, fmt.Errorf("%w: no DIRC signature", errIndexFormat)
	}
	version := binary.BigEndian.Uint32(head[4:])
	count := binary.BigEndian.Uint32(head[8:])
	if version < 2 || version > 4 {
		return nil, fmt.Errorf("%w: version %d", errIndexFormat, version)
	}
	// Every entry takes at least entryFixedLength+hashSize+2 bytes and a
	// name byte: a count the file cannot hold is damage, caught before
	// anything is allocated for it.
	if uint64(count)*uint64(entryFixedLength+hashSize+3) > uint64(x.left) {
		return nil, fmt.Errorf("%w: %d entries in %d bytes", errIndexFormat, count, x.left)
	}
	idx := &indexFile{}
	var fixed [entryFixedLength + sha256.Size + 4]byte // copied: reading the name moves the buffer
	var prev []byte                                    // the path being read (v4: the previous entry's, to start from)
	for range count {
		b, err := x.next(entryFixedLength + hashSize + 2)
		if err != nil {
			return nil, err
		}
		n := copy(fixed[:], b)
		flags := binary.BigEndian.Uint16(fixed[n-2:])
		var ext uint16
		if flags&flagExtended != 0 {
			if version < 3 {
				return nil, fmt.Errorf("%w: extended flags", errIndexFormat)
			}
			b, err := x.next(2)
			if err != nil {
				return nil, err
			}
			ext = binary.BigEndian.Uint16(b)
			n += 2
			if ext&extUnknownFlags != 0 {
				return nil, fmt.Errorf("%w: unknown entry flags %#x", errIndexFormat, ext)
			}
		}
		var name []byte
		if version == 4 {
			strip, err := x.varint()
			if err != nil || strip > uint64(len(prev)) {
				return nil, fmt.Errorf("%w: path prefix", errIndexFormat)
			}
			suffix, err := x.name()
			if err != nil {
				return nil, err
			}
			prev = append(prev[:len(prev)-int(strip)], suffix...)
			name = prev
		} else {
			b, err := x.name()
			if err != nil {
				return nil, err
			}
			// Copied: skipping the padding may refill the buffer.
			prev = append(prev[:0], b...)
			name = prev
			// One to eight NULs pad the entry to a multiple of eight bytes.
			if err := x.skip(int64((n+len(name)+8)&^7 - (n + len(name) + 1))); err != nil {
				return nil, err
			}
		}
		if l := int(flags & flagNameMask); l != len(name) && !(l == flagNameMask && len(name) >= flagNameMask) {
			return nil, fmt.Errorf("%w: path length", errIndexFormat)
		}
		if len(name) == 0 {
			return nil, fmt.Errorf("%w: empty path", errIndexFormat)
		}
		if !keep(name) {
			continue
		}
		e, sd, err := indexEntry(fixed[:entryFixedLength], fixed[entryFixedLength:entryFixedLength+hashSize], flags, name)
		if err != nil {
			return nil, err
		}
		// `git add -N`: the id is the empty blob's, not the file's; git
		// counts the file as changed whatever its stat data.
		sd.intentToAdd = ext&extIntentToAdd != 0
		idx.entries, idx.stats = append(idx.entries, e), append(idx.stats, sd)
	}
	return idx, x.extensions()
}

// varint reads git's offset varint (varint.c): each continuation adds one
// before shifting, so every value has one encoding.
func (x *bufioIndexReader) varint() (uint64, error) {
	b, _ := x.r.Peek(min(10, int(min(x.left, 10))))
	v, n := indexVarint(b)
	if n <= 0 {
		return 0, errCutOff
	}
	_, err := x.next(n)
	return v, err
}

// extensions walks the extensions after the entries (see indexReader.extensions).
func (x *bufioIndexReader) extensions() error {
	for x.left > 0 {
		b, err := x.next(8)
		if err != nil {
			return fmt.Errorf("%w: extension cut off", errIndexFormat)
		}
		sig, size := string(b[:4]), binary.BigEndian.Uint32(b[4:])
		if sig[0] < 'A' || sig[0] > 'Z' {
			return fmt.Errorf("%w: extension %q", errIndexFormat, sig)
		}
		if err := x.skip(int64(size)); err != nil {
			return fmt.Errorf("%w: extension %q cut off", errIndexFormat, sig)
		}
	}
	return nil
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
