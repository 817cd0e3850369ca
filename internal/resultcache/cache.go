// Package resultcache keeps what checking a document yields that depends
// only on its blob id, the effective configuration and the tool version
// (check.Static and its docsum.Summary), so that a run re-parses only the
// documents that changed. See docs/performance.md, "The result cache".
//
// One pack file per configuration and tool version holds every entry,
// keyed by blob id. It is read whole with one read (10,000 small files
// would cost more than the checks they save) and rewritten atomically
// (a temporary file renamed over it) when a run adds entries. A pack that
// is truncated, corrupt (its checksum fails) or of another format is
// ignored and replaced; a directory that cannot be written disables the
// cache for the run. No error of the cache ever fails a run.
//
// Beside the pack, a small file per work tree keeps list's untracked-files
// snapshot (Snapshot), read at once without waiting for the pack.
package resultcache

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/internal/docsum"
	"github.com/prfaq/git-prfaq/internal/safefile"
	"github.com/prfaq/git-prfaq/internal/wire"
)

// Bounds. A pack over maxBytes (or maxEntries) drops its least recently
// used entries when written; a pack file larger than maxFileBytes is not
// read at all. At most maxPacks packs (configurations or tool versions)
// are kept; the least recently written go first.
const (
	maxBytes     = 64 << 20
	maxEntries   = 200_000
	maxFileBytes = 2 * maxBytes
	maxPacks     = 8
)

// Dir is where the cache lives under the repository's common git dir,
// shared by every worktree.
func Dir(commonDir string) string { return filepath.Join(commonDir, "prfaq", "cache") }

// Entry is what the cache keeps of one document version.
type Entry struct {
	Static  check.Static
	Summary docsum.Summary
}

// Cache is one pack, loaded. A nil *Cache is a disabled cache: Get misses
// and Put and Save do nothing. Its methods are safe for concurrent use.
type Cache struct {
	path  string
	raw   bool          // opened with OpenKind: GetRaw and PutRaw, not Get and Put
	ready chan struct{} // closed once OpenLater has loaded the pack; nil from Open
	gen   uint32        // this run's generation: one more than the pack's
	// fingerprint and toolVersion key the work-tree snapshots too.
	fingerprint, toolVersion string

	mu      sync.Mutex
	loaded  []byte            // the pack as read
	index   map[string]slot   // blob id -> entry in loaded
	used    map[string]bool   // entries of loaded this run read
	added   map[string][]byte // entries this run encoded
	loadCRC uint32
}

// slot is an entry's place in the loaded pack.
type slot struct {
	gen        uint32
	start, end int
}

// Open loads the pack for a configuration fingerprint and tool version
// under commonDir. It never fails: a missing, unreadable or corrupt pack
// is an empty cache; an empty commonDir or fingerprint gives nil.
func Open(commonDir, configFingerprint, toolVersion string) *Cache {
	return open(commonDir, configFingerprint, toolVersion, "")
}

// OpenKind loads the sibling pack of another kind of entry for the same
// configuration and tool version: what another package derives from a
// blob and encodes itself, read with GetRaw and written with PutRaw (the
// metric history keeps its slim versions so, package history). kind names
// the entries and their format ("history-slim/1"): a new format is a new
// pack. A run that reads only these entries loads only their pack.
func OpenKind(commonDir, configFingerprint, toolVersion, kind string) *Cache {
	if kind == "" {
		return nil
	}
	return open(commonDir, configFingerprint, toolVersion, kind)
}

func open(commonDir, configFingerprint, toolVersion, kind string) *Cache {
	c := newCache(commonDir, configFingerprint, toolVersion, kind)
	if c != nil {
		c.load()
	}
	return c
}

// OpenLater is Open that reads the pack on another goroutine, so that
// the caller can list files meanwhile (list reads the index and checks
// the tracked files' stat data while the pack loads); the first method
// that needs the pack waits for it.
func OpenLater(commonDir, configFingerprint, toolVersion string) *Cache {
	c := newCache(commonDir, configFingerprint, toolVersion, "")
	if c == nil {
		return nil
	}
	c.ready = make(chan struct{})
	go func() {
		defer close(c.ready)
		c.load()
	}()
	return c
}

func newCache(commonDir, configFingerprint, toolVersion, kind string) *Cache {
	if commonDir == "" || configFingerprint == "" || toolVersion == "" {
		return nil
	}
	return &Cache{
		path:  filepath.Join(Dir(commonDir), packName(configFingerprint, toolVersion, kind)),
		raw:   kind != "",
		index: map[string]slot{}, used: map[string]bool{}, added: map[string][]byte{},
		fingerprint: configFingerprint, toolVersion: toolVersion,
	}
}

// load reads the pack; a missing, unreadable or corrupt one leaves the
// cache empty.
func (c *Cache) load() {
	data, err := readBounded(c.path)
	if err != nil {
		c.gen = 1
		return
	}
	gen, index, crc, ok := parsePack(data)
	if !ok {
		c.gen = 1
		return
	}
	c.loaded, c.index, c.gen, c.loadCRC = data, index, gen+1, crc
	c.used = make(map[string]bool, len(index)) // a warm run reads most of them
}

// await waits for the pack OpenLater is loading.
func (c *Cache) await() {
	if c.ready != nil {
		<-c.ready
	}
}

// readBounded reads a pack, refusing one over maxFileBytes unread.
func readBounded(path string) ([]byte, error) { return readFileMax(path, maxFileBytes) }

// readFileMax reads a cache file of at most max bytes with one read,
// refusing anything else (larger, not a regular file) unread.
func readFileMax(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > max {
		return nil, errors.New("not a cache file")
	}
	data := make([]byte, info.Size())
	if _, err := readFull(f, data); err != nil {
		return nil, err
	}
	return data, nil
}

func readFull(f *os.File, data []byte) (int, error) {
	n := 0
	for n < len(data) {
		m, err := f.Read(data[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Len is the number of documents' entries loaded and added.
func (c *Cache) Len() int {
	if c == nil {
		return 0
	}
	c.await()
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k := range c.index {
		if isBlobKey(k) {
			n++
		}
	}
	for k := range c.added {
		if _, ok := c.index[k]; !ok && isBlobKey(k) {
			n++
		}
	}
	return n
}

// Get returns the entry of a blob id. An entry that does not decode is a
// miss, and so is every entry of a pack opened with OpenKind.
func (c *Cache) Get(blob string) (Entry, bool) { return c.get(blob, decodeEntry) }

// GetCounts is Get for a caller that only counts findings (list, through
// check.Checker.FinishCounts): each finding holds only its rule, severity
// and line, and the summary its MetricCount but no metric rows. It reads
// only the start of the entry, and allocates nothing for the rest.
func (c *Cache) GetCounts(blob string) (Entry, bool) { return c.get(blob, decodeCounts) }

func (c *Cache) get(blob string, decode func([]byte) (Entry, error)) (Entry, bool) {
	if c == nil || c.raw {
		return Entry{}, false
	}
	data, ok := c.lookup(blob)
	if !ok {
		return Entry{}, false
	}
	e, err := decode(data)
	if err != nil {
		return Entry{}, false
	}
	return e, true
}

// lookup returns key's bytes in the loaded pack (which no one changes
// once loaded) and counts the entry as used by this run, for Save.
func (c *Cache) lookup(key string) ([]byte, bool) {
	c.await()
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.index[key]
	if !ok {
		return nil, false
	}
	c.used[key] = true
	return c.loaded[s.start:s.end], true
}

// GetRaw returns the entry of a blob id as the pack holds it, for a pack
// opened with OpenKind (in another, it always misses). The bytes are the loaded pack's, which the caller
// must not change.
func (c *Cache) GetRaw(blob string) ([]byte, bool) {
	if c == nil || !c.raw || !isBlobKey(blob) {
		return nil, false
	}
	return c.lookup(blob)
}

// PutRaw records a blob id's entry as given, to be written by Save; the
// caller must not change data afterwards.
func (c *Cache) PutRaw(blob string, data []byte) {
	if c == nil || !c.raw || blob == "" || len(blob) > 255 || !isBlobKey(blob) {
		return
	}
	c.await()
	c.mu.Lock()
	c.added[blob] = data
	c.mu.Unlock()
}

// Put records a blob id's entry, to be written by Save.
func (c *Cache) Put(blob string, e Entry) {
	if c == nil || c.raw || blob == "" || len(blob) > 255 {
		return
	}
	c.await()
	data := encodeEntry(e)
	c.mu.Lock()
	c.added[blob] = data
	c.mu.Unlock()
}

// Save writes the pack when this run added entries, merging what another
// process wrote meanwhile; the entries read this run count as recently
// used. It reports why the cache could not be written (a read-only git
// dir); callers ignore it, or mention it when asked to be verbose.
func (c *Cache) Save() error {
	if c == nil {
		return nil
	}
	c.await()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.added) == 0 {
		return nil
	}
	recs := c.records()
	recs = bound(recs)
	if err := writeFile(c.path, encodePack(c.gen, recs)); err != nil {
		return err
	}
	c.added = map[string][]byte{}
	prune(filepath.Dir(c.path), filepath.Base(c.path))
	return nil
}

// writeFile replaces the cache file at path with data (safefile.Write:
// a temporary file beside it and a rename, so that a reader sees the old
// file or the new one, never half of one). The temporary file's name
// starts with "tmp-" (and ends as path does): prune removes those a
// killed run left.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return err
	}
	return safefile.Write(path, "tmp-*"+filepath.Ext(path), data, 0o600)
}

// record is one entry to write.
type record struct {
	blob string
	gen  uint32
	data []byte
}

// records are the entries to write: this run's (added and used, at this
// generation), the rest of the loaded pack, and what another process
// wrote to the pack since it was loaded. Held under c.mu.
func (c *Cache) records() []record {
	recs := make([]record, 0, len(c.index)+len(c.added))
	seen := make(map[string]bool, len(c.index)+len(c.added))
	for blob, data := range c.added {
		recs = append(recs, record{blob, c.gen, data})
		seen[blob] = true
	}
	add := func(data []byte, index map[string]slot, gen func(string, slot) uint32) {
		for blob, s := range index {
			if !seen[blob] {
				seen[blob] = true
				recs = append(recs, record{blob, gen(blob, s), data[s.start:s.end]})
			}
		}
	}
	for blob := range c.index {
		if strings.HasPrefix(blob, listingPrefix) && !c.used[blob] {
			seen[blob] = true // an old listing: dropped
		}
	}
	add(c.loaded, c.index, func(blob string, s slot) uint32 {
		if c.used[blob] {
			return c.gen
		}
		return s.gen
	})
	if data, err := readBounded(c.path); err == nil {
		if _, index, crc, ok := parsePack(data); ok && crc != c.loadCRC {
			add(data, index, func(_ string, s slot) uint32 { return s.gen })
		}
	}
	return recs
}

// bound keeps the most recently used records within maxEntries and
// maxBytes, in a stable order (by blob id) so that equal caches write
// equal files.
func bound(recs []record) []record {
	slices.SortFunc(recs, func(a, b record) int {
		return cmp.Or(cmp.Compare(b.gen, a.gen), strings.Compare(a.blob, b.blob))
	})
	size := 0
	for i, r := range recs {
		size += len(r.blob) + len(r.data) + 16
		if i >= maxEntries || size > maxBytes {
			recs = recs[:i]
			break
		}
	}
	slices.SortFunc(recs, func(a, b record) int { return strings.Compare(a.blob, b.blob) })
	return recs
}

// prune bounds the cache directory, best effort: at most maxPacks packs
// (keep, the one just written, always stays) and the work-tree snapshots
// of those it removes, at most maxSnapshots snapshots, the least recently
// written going first; and no temporary file a killed run left an hour
// ago.
func prune(dir, keep string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var packs, snaps []agedFile
	for _, e := range ents {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		f := agedFile{e.Name(), info.ModTime()}
		switch {
		case strings.HasPrefix(f.name, "tmp-"):
			if time.Since(f.mod) > time.Hour {
				os.Remove(filepath.Join(dir, f.name))
			}
		case strings.HasSuffix(f.name, ".pack") && f.name != keep:
			packs = append(packs, f)
		case isSnapshot(f.name):
			snaps = append(snaps, f)
		}
	}
	limit := maxPacks
	if keep != "" {
		limit--
	}
	var removed []string
	for _, name := range evict(dir, packs, limit) {
		removed = append(removed, strings.TrimSuffix(name, ".pack"))
	}
	kept := snaps[:0]
	for _, f := range snaps {
		if base, _, _ := strings.Cut(f.name, "-"); slices.Contains(removed, base) {
			os.Remove(filepath.Join(dir, f.name))
			continue
		}
		kept = append(kept, f)
	}
	evict(dir, kept, maxSnapshots)
}

// agedFile is a cache file's name and modification time.
type agedFile struct {
	name string
	mod  time.Time
}

// evict removes all but the limit most recently written of files, and
// returns the names it removed.
func evict(dir string, files []agedFile, limit int) []string {
	if len(files) <= limit {
		return nil
	}
	slices.SortFunc(files, func(a, b agedFile) int { return b.mod.Compare(a.mod) })
	var removed []string
	for _, f := range files[limit:] {
		os.Remove(filepath.Join(dir, f.name))
		removed = append(removed, f.name)
	}
	return removed
}

// Stats is what `git prfaq cache` shows.
type Stats struct {
	Dir       string
	Packs     int
	Entries   int
	Snapshots int // work-tree snapshot files (Snapshot)
	Bytes     int64
}

// Info counts the packs and work-tree snapshots under commonDir; a pack
// that does not parse counts its bytes but no entries.
func Info(commonDir string) (Stats, error) {
	st := Stats{Dir: Dir(commonDir)}
	ents, err := os.ReadDir(st.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	for _, e := range ents {
		if isSnapshot(e.Name()) {
			if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
				st.Snapshots++
				st.Bytes += info.Size()
			}
			continue
		}
		if !strings.HasSuffix(e.Name(), ".pack") || strings.HasPrefix(e.Name(), "tmp-") {
			continue
		}
		data, err := readBounded(filepath.Join(st.Dir, e.Name()))
		if err != nil {
			continue
		}
		st.Packs++
		st.Bytes += int64(len(data))
		if _, index, _, ok := parsePack(data); ok {
			for k := range index {
				if isBlobKey(k) {
					st.Entries++
				}
			}
		}
	}
	return st, nil
}

// Clear removes the cache directory under commonDir.
func Clear(commonDir string) error {
	return os.RemoveAll(Dir(commonDir))
}

// Pack format: a header, then the entries sorted by blob id.
//
//	magic "PRFAQRC\n" | format u32 | generation u32 | count u32 | crc32c u32 of the rest
//	per entry: len u8, blob id | generation u32 | len uvarint, entry
var magic = []byte("PRFAQRC\n")

const headerLen = 8 + 4*4

// castagnoli is built on first use: making the table fills the CRC-32C
// tables (about 0.1 ms), which a run that reads no cache need not pay.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

func encodePack(gen uint32, recs []record) []byte {
	size := headerLen
	for _, r := range recs {
		size += 1 + len(r.blob) + 4 + binary.MaxVarintLen64 + len(r.data)
	}
	b := make([]byte, headerLen, size)
	copy(b, magic)
	binary.LittleEndian.PutUint32(b[8:], formatVersion)
	binary.LittleEndian.PutUint32(b[12:], gen)
	binary.LittleEndian.PutUint32(b[16:], uint32(len(recs)))
	for _, r := range recs {
		b = append(b, byte(len(r.blob)))
		b = append(b, r.blob...)
		b = binary.LittleEndian.AppendUint32(b, r.gen)
		b = binary.AppendUvarint(b, uint64(len(r.data)))
		b = append(b, r.data...)
	}
	binary.LittleEndian.PutUint32(b[20:], crc32.Checksum(b[headerLen:], castagnoli()))
	return b
}

// parsePack checks a pack's header and checksum and indexes its entries;
// ok is false for anything else (another format, truncated, corrupt).
func parsePack(data []byte) (gen uint32, index map[string]slot, crc uint32, ok bool) {
	if len(data) < headerLen || !bytes.Equal(data[:8], magic) || binary.LittleEndian.Uint32(data[8:]) != formatVersion {
		return 0, nil, 0, false
	}
	gen, count := binary.LittleEndian.Uint32(data[12:]), binary.LittleEndian.Uint32(data[16:])
	crc = binary.LittleEndian.Uint32(data[20:])
	body := data[headerLen:]
	if crc32.Checksum(body, castagnoli()) != crc || int(count) > maxEntries || int(count) > len(body)/6 {
		return 0, nil, 0, false
	}
	index = make(map[string]slot, count)
	pos := headerLen
	for range count {
		if pos >= len(data) {
			return 0, nil, 0, false
		}
		n := int(data[pos])
		pos++
		if len(data)-pos < n+4 {
			return 0, nil, 0, false
		}
		blob := string(data[pos : pos+n])
		pos += n
		g := binary.LittleEndian.Uint32(data[pos:])
		pos += 4
		size, m := binary.Uvarint(data[pos:])
		if m <= 0 || size > uint64(len(data)-pos-m) {
			return 0, nil, 0, false
		}
		pos += m
		index[blob] = slot{gen: g, start: pos, end: pos + int(size)}
		pos += int(size)
	}
	if pos != len(data) {
		return 0, nil, 0, false
	}
	return gen, index, crc, true
}

// Has reports whether the cache holds a blob id's entry.
func (c *Cache) Has(blob string) bool {
	if c == nil {
		return false
	}
	c.await()
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.index[blob]
	return ok
}

// listingPrefix marks the entries that hold a commit's list of documents
// (blob ids, the other entries' keys, are hex and never start with it).
const listingPrefix = "list:"

// Listed is one document of a commit: its path and blob id.
type Listed struct{ Path, Blob string }

// GetListing returns the documents of a commit a run listed before:
// commits never change, so the list does not either (under one
// configuration, which the pack is).
func (c *Cache) GetListing(commit string) ([]Listed, bool) {
	if c == nil || commit == "" {
		return nil, false
	}
	data, ok := c.lookup(listingPrefix + commit)
	if !ok {
		return nil, false
	}
	files, err := decodeListing(data)
	return files, err == nil
}

// PutListing records the documents of a commit. A pack keeps only the
// listings its last run used or added: they are large, and an old
// commit's is seldom asked for again.
func (c *Cache) PutListing(commit string, files []Listed) {
	if c == nil || commit == "" || len(commit) > 200 {
		return
	}
	c.await()
	data := encodeListing(files)
	c.mu.Lock()
	c.added[listingPrefix+commit] = data
	c.mu.Unlock()
}

func encodeListing(files []Listed) []byte {
	w := &writer{wire.Writer{B: make([]byte, 0, 80*len(files)+8)}}
	w.Int(len(files))
	for _, f := range files {
		w.Str(f.Path)
		w.Str(f.Blob)
	}
	return w.B
}

func decodeListing(data []byte) ([]Listed, error) {
	r := newReader(data)
	files := make([]Listed, r.Count(2))
	for i := range files {
		files[i] = Listed{Path: r.Str(), Blob: r.Str()}
	}
	if err := r.End(); err != nil {
		return nil, err
	}
	return files, nil
}

// isBlobKey tells a document's entry from a commit's listing.
func isBlobKey(k string) bool {
	return !strings.HasPrefix(k, listingPrefix)
}
