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
// accepts (given the index's own bytes, which it must not keep), with
// their stat data, in-process: what `git ls-files -s --debug` prints,
// without starting git and without formatting every entry as text. Index
// versions 2, 3 and 4 are read (gitformat-index(5)); optional extensions
// (cache tree, untracked cache, fsmonitor, resolve undo, end of index,
// offset table) are skipped; any other extension or a damaged entry gives
// errIndexFormat. The file is read through a buffer of indexChunk bytes,
// not whole: a 100,000-entry index is 10 MB, which the garbage collector
// would otherwise have to make room for.
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
	idx, err := parseIndexFrom(f, info.Size(), objectFormat, keep)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	idx.modTime = info.ModTime()
	return idx, nil
}

// parseIndex decodes an index file held in memory.
func parseIndex(data []byte, objectFormat string, keep func(path []byte) bool) (*indexFile, error) {
	return parseIndexFrom(bytes.NewReader(data), int64(len(data)), objectFormat, keep)
}

// indexChunk is the size of the buffer the index is read through, and
// the bound of one entry: an entry longer (a path over 260,000 bytes) is
// left to git. Large enough that a 10 MB index takes forty reads, small
// enough to stay in the processor's cache while its entries are decoded:
// reading a 100,000-entry index took the least time with 256 KiB (64 KiB
// and 1 MiB took 5-10% longer; docs/performance.md).
const indexChunk = 256 << 10

// parseIndexFrom decodes an index file of size bytes from r. Like git,
// which checks the index's trailing checksum only in git fsck, it does not
// hash the whole file (10 MB at 100,000 entries): every length and offset
// is checked against the size instead, so damage gives an error, never a
// crash.
func parseIndexFrom(r io.Reader, size int64, objectFormat string, keep func(path []byte) bool) (*indexFile, error) {
	return parseIndexChunked(r, size, objectFormat, keep, indexChunk)
}

// parseIndexChunked is parseIndexFrom through a buffer of chunk bytes
// (tests make it small, to put entries across refills).
func parseIndexChunked(r io.Reader, size int64, objectFormat string, keep func(path []byte) bool, chunk int) (*indexFile, error) {
	hashSize := sha1.Size
	if objectFormat == "sha256" {
		hashSize = sha256.Size
	}
	if size < int64(12+hashSize) {
		return nil, fmt.Errorf("%w: too short", errIndexFormat)
	}
	x := &indexReader{r: r, buf: make([]byte, min(int64(chunk), size)), unread: size - int64(hashSize),
		hashSize: hashSize, keep: keep}
	return x.parse()
}

// indexReader reads an index's bytes up to its trailing checksum through
// one buffer, refilled with its unread tail moved to the front; entries
// are decoded where they lie in it.
type indexReader struct {
	r        io.Reader
	buf      []byte
	pos, end int   // buf[pos:end] is read and not yet decoded
	unread   int64 // bytes before the checksum not yet read into buf

	version  uint32
	hashSize int
	keep     func(path []byte) bool
	prev     []byte // version 4: the previous entry's path, to start from
	// What add kept: for each entry its mode and stage, its stat data,
	// and its id (in hex) and path, one after another in text.
	kept  []keptEntry
	stats []statData
	text  []byte
}

var (
	errCutOff = fmt.Errorf("%w: cut off", errIndexFormat)
	// errOverChunk is an entry longer than the buffer (indexChunk): git
	// reads it.
	errOverChunk = fmt.Errorf("%w: entry over the buffer", errIndexFormat)
)

// fill makes at least n bytes available at buf[pos:]: false when the
// index ends first or n is over the buffer's size.
func (x *indexReader) fill(n int) bool {
	if x.end-x.pos >= n {
		return true
	}
	if n > len(x.buf) {
		return false
	}
	x.end = copy(x.buf, x.buf[x.pos:x.end])
	x.pos = 0
	for x.end < n && x.unread > 0 {
		m, err := x.r.Read(x.buf[x.end : x.end+int(min(int64(len(x.buf)-x.end), x.unread))])
		x.end += m
		x.unread -= int64(m)
		if err != nil || m == 0 {
			break
		}
	}
	return x.end >= n
}

// left is how many bytes before the checksum are not yet decoded.
func (x *indexReader) left() int64 { return int64(x.end-x.pos) + x.unread }

// next returns the next n bytes, valid until the next call.
func (x *indexReader) next(n int) ([]byte, error) {
	if !x.fill(n) {
		return nil, errCutOff
	}
	b := x.buf[x.pos : x.pos+n]
	x.pos += n
	return b, nil
}

// nul is the offset from buf[pos] of the first NUL at or after from,
// reading on as far as the buffer holds.
func (x *indexReader) nul(from int) (int, error) {
	for {
		if x.pos+from <= x.end {
			if i := bytes.IndexByte(x.buf[x.pos+from:x.end], 0); i >= 0 {
				return from + i, nil
			}
		}
		have := x.end - x.pos
		from = max(from, have)
		if err := x.need(have + 1); err != nil {
			return 0, fmt.Errorf("path without its end: %w", err)
		}
	}
}

// need is fill's error: the index ends first (errCutOff), or n is over
// the buffer's size (errOverChunk).
func (x *indexReader) need(n int) error {
	if n > len(x.buf) {
		return errOverChunk
	}
	if !x.fill(n) {
		return errCutOff
	}
	return nil
}

// skip passes over n bytes: an extension.
func (x *indexReader) skip(n int64) error {
	if n > x.left() {
		return errCutOff
	}
	for n > 0 {
		step := int(min(n, int64(len(x.buf))))
		if !x.fill(step) {
			return errCutOff
		}
		x.pos += step
		n -= int64(step)
	}
	return nil
}

// The flags of an index entry (gitformat-index(5)).
const (
	flagExtended     = 0x4000
	flagStageMask    = 0x3000
	flagNameMask     = 0x0fff
	extIntentToAdd   = 0x2000
	extUnknownFlags  = 0x9fff
	entryFixedLength = 40 // ten 32-bit fields before the object id
)

// parse decodes the header, the entries and the extensions' signatures.
func (x *indexReader) parse() (*indexFile, error) {
	head, err := x.next(12)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(head, []byte("DIRC")) {
		return nil, fmt.Errorf("%w: no DIRC signature", errIndexFormat)
	}
	x.version = binary.BigEndian.Uint32(head[4:])
	count := binary.BigEndian.Uint32(head[8:])
	if x.version < 2 || x.version > 4 {
		return nil, fmt.Errorf("%w: version %d", errIndexFormat, x.version)
	}
	// Every entry takes at least entryFixedLength+hashSize+2 bytes and a
	// name byte: a count the file cannot hold is damage, caught before
	// anything is allocated for it.
	if uint64(count)*uint64(entryFixedLength+x.hashSize+3) > uint64(x.left()) {
		return nil, fmt.Errorf("%w: %d entries in %d bytes", errIndexFormat, count, x.left())
	}
	for count > 0 {
		if x.version == 4 {
			count -= x.compressedEntries(count)
		} else {
			count -= x.plainEntries(count)
		}
		if count == 0 {
			break
		}
		if err := x.entry(); err != nil {
			return nil, err
		}
		count--
	}
	if err := x.extensions(); err != nil {
		return nil, err
	}
	return &indexFile{entries: x.entries(), stats: x.stats}, nil
}

// plainEntries decodes up to count entries of version 2 or 3 that lie
// whole in the buffer and whose flags give their path's length (shorter
// than flagNameMask): nearly all of them, without a refill or a search
// for the path's end. It stops before any other entry, which entry then
// reads (and finds damaged, if it is), and says how many it decoded.
func (x *indexReader) plainEntries(count uint32) uint32 {
	b := x.buf[x.pos:x.end]
	fixed := entryFixedLength + x.hashSize + 2 // up to the flags
	keep, extended := x.keep, x.version >= 3
	var n uint32
	for ; n < count && len(b) >= fixed; n++ {
		flags := binary.BigEndian.Uint16(b[fixed-2:])
		off, ext := fixed, uint16(0)
		if flags&flagExtended != 0 {
			if !extended || len(b) < fixed+2 {
				break
			}
			ext = binary.BigEndian.Uint16(b[fixed:])
			off += 2
			if ext&extUnknownFlags != 0 {
				break
			}
		}
		length := int(flags & flagNameMask)
		size := (off + length + 8) &^ 7 // one to eight NULs pad an entry to a multiple of eight bytes
		if length == flagNameMask || length == 0 || size > len(b) {
			break
		}
		name := b[off : off+length]
		if b[off+length] != 0 {
			break
		}
		if keep(name) && x.add(b, flags, ext, name) != nil {
			break
		}
		b = b[size:]
	}
	x.pos = x.end - len(b)
	return n
}

// compressedEntries is plainEntries for version 4, whose paths are the
// previous entry's with some bytes stripped from its end and a suffix
// added (gitformat-index): it decodes the entries that lie whole in the
// buffer, up to count, and stops before any other, or any damaged.
func (x *indexReader) compressedEntries(count uint32) uint32 {
	b := x.buf[x.pos:x.end]
	fixed := entryFixedLength + x.hashSize + 2 // up to the flags
	keep := x.keep
	var n uint32
	for ; n < count && len(b) >= fixed; n++ {
		flags := binary.BigEndian.Uint16(b[fixed-2:])
		off, ext := fixed, uint16(0)
		if flags&flagExtended != 0 {
			if len(b) < fixed+2 {
				break
			}
			ext = binary.BigEndian.Uint16(b[fixed:])
			off += 2
			if ext&extUnknownFlags != 0 {
				break
			}
		}
		strip, v := indexVarint(b[off:min(len(b), off+10)])
		if v <= 0 || strip > uint64(len(x.prev)) {
			break
		}
		off += v
		// The flags give the path's length, and so the suffix's.
		end := off + int(flags&flagNameMask) - (len(x.prev) - int(strip))
		if flags&flagNameMask == flagNameMask || end < off || end >= len(b) || b[end] != 0 {
			break
		}
		// x.prev stays the previous path until this entry is taken:
		// entry reads again one left here.
		name := append(x.prev[:len(x.prev)-int(strip)], b[off:end]...)
		if l := int(flags & flagNameMask); l != len(name) && !(l == flagNameMask && len(name) >= flagNameMask) || len(name) == 0 {
			break
		}
		if keep(name) && x.add(b, flags, ext, name) != nil {
			break
		}
		x.prev = name
		b = b[end+1:]
	}
	x.pos = x.end - len(b)
	return n
}

// entry decodes the next entry, reading on as it needs: those
// plainEntries and compressedEntries leave.
func (x *indexReader) entry() error {
	fixed := entryFixedLength + x.hashSize + 2
	if err := x.need(fixed); err != nil {
		return err
	}
	flags := binary.BigEndian.Uint16(x.buf[x.pos+fixed-2:])
	var ext uint16
	off := fixed // where the path (version 4: its prefix length) starts
	if flags&flagExtended != 0 {
		if x.version < 3 {
			return fmt.Errorf("%w: extended flags", errIndexFormat)
		}
		if err := x.need(fixed + 2); err != nil {
			return err
		}
		ext = binary.BigEndian.Uint16(x.buf[x.pos+fixed:])
		off += 2
		if ext&extUnknownFlags != 0 {
			return fmt.Errorf("%w: unknown entry flags %#x", errIndexFormat, ext)
		}
	}
	var name []byte // valid until the buffer is next filled
	var size int    // the entry's length
	if x.version == 4 {
		x.fill(off + 10) // a varint takes at most ten bytes; fewer may be left
		strip, n := indexVarint(x.buf[x.pos+off : x.end])
		if n <= 0 || strip > uint64(len(x.prev)) {
			return fmt.Errorf("%w: path prefix", errIndexFormat)
		}
		off += n
		end, err := x.nameEnd(off, int(flags&flagNameMask)-(len(x.prev)-int(strip)), flags)
		if err != nil {
			return err
		}
		x.prev = append(x.prev[:len(x.prev)-int(strip)], x.buf[x.pos+off:x.pos+end]...)
		name, size = x.prev, end+1
	} else {
		end, err := x.nameEnd(off, int(flags&flagNameMask), flags)
		if err != nil {
			return err
		}
		// One to eight NULs pad the entry to a multiple of eight bytes.
		size = (end + 8) &^ 7
		if err := x.need(size); err != nil {
			return err
		}
		name = x.buf[x.pos+off : x.pos+end]
	}
	if l := int(flags & flagNameMask); l != len(name) && !(l == flagNameMask && len(name) >= flagNameMask) {
		return fmt.Errorf("%w: path length", errIndexFormat)
	}
	if len(name) == 0 {
		return fmt.Errorf("%w: empty path", errIndexFormat)
	}
	if x.keep(name) {
		if err := x.add(x.buf[x.pos:], flags, ext, name); err != nil {
			return err
		}
	}
	x.pos += size
	return nil
}

// nameEnd is the offset from buf[pos] of the NUL that ends the path (the
// suffix, in version 4) starting at off, length bytes long by the
// entry's flags; it is in the buffer when nameEnd returns. The flags
// give the length of a path shorter than flagNameMask, and the NUL is
// looked for only in a longer one.
func (x *indexReader) nameEnd(off, length int, flags uint16) (int, error) {
	if flags&flagNameMask == flagNameMask {
		return x.nul(off)
	}
	if length < 0 {
		return 0, fmt.Errorf("%w: path length", errIndexFormat)
	}
	if err := x.need(off + length + 1); err != nil {
		return 0, err
	}
	// No NUL after the path is damage: it is longer than its flags say.
	// (One inside it, add finds.)
	if x.buf[x.pos+off+length] != 0 {
		return 0, fmt.Errorf("%w: path length", errIndexFormat)
	}
	return off + length, nil
}

// add keeps the entry that b starts with, whose path is name. A path
// whose length its flags give may hold a NUL, which would end it in
// `git ls-files`' output: that is damage, found here only for the paths
// kept (a search of every path took a quarter of the time of reading the
// index; git itself reads such an index without complaint).
func (x *indexReader) add(b []byte, flags, ext uint16, name []byte) error {
	if bytes.IndexByte(name, 0) >= 0 {
		return fmt.Errorf("%w: path length", errIndexFormat)
	}
	mode := binary.BigEndian.Uint32(b[24:])
	switch mode & 0o170000 {
	case 0o100000, 0o120000, 0o160000:
	default:
		// 040000 is a sparse index's directory, which comes with "sdir".
		return fmt.Errorf("%w: mode %o", errIndexFormat, mode)
	}
	x.text = hex.AppendEncode(x.text, b[entryFixedLength:entryFixedLength+x.hashSize])
	x.text = append(x.text, name...)
	x.kept = append(x.kept, keptEntry{mode: mode, stage: int(flags&flagStageMask) >> 12, end: len(x.text)})
	u := func(i int) int64 { return int64(binary.BigEndian.Uint32(b[4*i:])) }
	x.stats = append(x.stats, statData{ctimeSec: u(0), ctimeNsec: u(1), mtimeSec: u(2), mtimeNsec: u(3),
		dev: u(4), ino: u(5), uid: u(7), gid: u(8), size: u(9),
		// `git add -N`: the id is the empty blob's, not the file's; git
		// counts the file as changed whatever its stat data.
		intentToAdd: ext&extIntentToAdd != 0})
	return nil
}

// keptEntry is what add keeps of an entry besides its stat data; its id
// (in hex) and path end at end in the reader's text.
type keptEntry struct {
	mode  uint32
	stage int
	end   int
}

// entries are the entries add kept. Their ids and paths are substrings
// of one string: one allocation, where one each took most of the time of
// reading an index with 10,000 documents.
func (x *indexReader) entries() []Entry {
	text := string(x.text)
	entries := make([]Entry, len(x.kept))
	start := 0
	for i, k := range x.kept {
		id := start + 2*x.hashSize
		entries[i] = Entry{Mode: modeString(k.mode), Blob: text[start:id], Stage: k.stage, Path: text[id:k.end]}
		start = k.end
	}
	return entries
}

// modeString is an entry's mode as git prints it, in octal.
func modeString(mode uint32) string {
	switch mode {
	case 0o100644:
		return "100644"
	case 0o100755:
		return "100755"
	case 0o120000:
		return "120000"
	case 0o160000:
		return "160000"
	}
	return strconv.FormatUint(uint64(mode), 8)
}

// extensions walks the extensions after the entries. One whose
// signature starts with an upper-case letter is optional: git itself may
// ignore it. Any other ("link", a split index; "sdir", a sparse index)
// changes what the entries mean, so the caller asks git.
func (x *indexReader) extensions() error {
	for x.left() > 0 {
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
