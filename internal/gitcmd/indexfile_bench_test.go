package gitcmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchIndexes are the index files BenchmarkReadIndex reads, by version:
// the index of PRFAQ_BENCH_REPO when set, or else one git writes for a
// repository like mkrepo's default (100,400 entries, 200 of them
// services/svcNNN/PRFAQ.md; `update-index --index-info` takes ids, so no
// files are needed); and a copy of it git rewrites in version 4 (the
// repository's own index is left alone).
func benchIndexes(b *testing.B) map[string]string {
	b.Helper()
	dir := os.Getenv("PRFAQ_BENCH_REPO")
	var index string
	if dir != "" {
		index = filepath.Join(open(b, dir).GitDir, "index")
	} else {
		dir = newRepo(b)
		index = filepath.Join(dir, ".git", "index")
		blob := git(b, dir, "hash-object", "-w", "--stdin")
		var info strings.Builder
		for p := range 250 {
			for m := range 20 {
				for f := range 20 {
					fmt.Fprintf(&info, "100644 %s\tsrc/pkg%03d/mod%02d/file%d.go\n", blob, p, m, f)
				}
			}
		}
		for s := range 200 {
			fmt.Fprintf(&info, "100644 %s\tservices/svc%03d/PRFAQ.md\n", blob, s)
			fmt.Fprintf(&info, "100644 %s\tservices/svc%03d/README.md\n", blob, s)
		}
		indexInfo(b, dir, info.String())
	}
	data, err := os.ReadFile(index)
	if err != nil {
		b.Fatal(err)
	}
	v4 := filepath.Join(b.TempDir(), "index")
	if err := os.WriteFile(v4, data, 0o644); err != nil {
		b.Fatal(err)
	}
	gitEnv(b, dir, []string{"GIT_INDEX_FILE=" + v4}, "update-index", "--index-version", "4")
	return map[string]string{"index": index, "v4": v4}
}

// BenchmarkReadIndex reads a 100,000-entry index keeping its PRFAQs, as
// warm `git prfaq list` does (docs/performance.md, "Reading the index"),
// in the repository's version (mkrepo's: 2) and in version 4: "chunk" is
// readIndex, "bufio" the reader before it, in the same run, and
// "read-only" reads the file through readIndex's buffer without decoding.
func BenchmarkReadIndex(b *testing.B) {
	indexes := benchIndexes(b)
	keep := func(p []byte) bool { return bytes.HasSuffix(p, []byte("/PRFAQ.md")) }
	for _, index := range []string{"index", "v4"} {
		for _, r := range []struct {
			name  string
			parse func(io.Reader, int64, string, func([]byte) bool) (*indexFile, error)
		}{{"chunk", parseIndexFrom}, {"bufio", parseIndexBufio}, {"read-only", readOnly}} {
			b.Run(index+"/"+r.name, func(b *testing.B) {
				kept := 0
				for b.Loop() {
					idx, err := readIndexWith(indexes[index], keep, r.parse)
					if err != nil {
						b.Fatal(err)
					}
					kept = len(idx.entries)
				}
				if kept == 0 && r.name != "read-only" {
					b.Fatal("no PRFAQ kept")
				}
				b.ReportMetric(float64(kept), "kept")
			})
		}
	}
}

// readIndexWith is readIndex's work with another parser.
func readIndexWith(path string, keep func([]byte) bool, parse func(io.Reader, int64, string, func([]byte) bool) (*indexFile, error)) (*indexFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return parse(f, info.Size(), "sha1", keep)
}

// readOnly reads the file through readIndex's buffer and decodes nothing:
// the floor under BenchmarkReadIndex.
func readOnly(r io.Reader, _ int64, _ string, _ func([]byte) bool) (*indexFile, error) {
	buf := make([]byte, indexChunk)
	for {
		if _, err := r.Read(buf); err == io.EOF {
			return &indexFile{}, nil
		} else if err != nil {
			return nil, err
		}
	}
}
