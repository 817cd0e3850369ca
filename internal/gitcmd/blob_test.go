package gitcmd

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

func blobRepo(t *testing.T, n int) (*Repo, map[string]string) {
	dir := newRepo(t)
	files := map[string]string{"empty.md": "", "no-newline.md": "x", "crlf.md": "a\r\nb\r\n"}
	for i := range n {
		files[fmt.Sprintf("d%02d/PRFAQ.md", i)] = strings.Repeat(fmt.Sprintf("line %d\n", i), i*50)
	}
	commitFiles(t, dir, "blobs", files)
	return open(t, dir), files
}

func TestBlobReader(t *testing.T) {
	repo, files := blobRepo(t, 40)
	br, err := repo.NewBlobReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for round := range 5 {
		for p, want := range files {
			got, err := br.Read("HEAD:" + p)
			if err != nil || string(got) != want {
				t.Fatalf("round %d: Read(HEAD:%s) = %d bytes, %v; want %d bytes", round, p, len(got), err, len(want))
			}
		}
		// A missing object does not desynchronise the stream.
		_, err := br.Read("HEAD:nope.md")
		if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), `"HEAD:nope.md"`) {
			t.Fatalf("Read(missing) err = %v, want ErrMissing naming it", err)
		}
		if _, err := br.Read("HEAD:d01"); err == nil || !strings.Contains(err.Error(), "tree, not a blob") {
			t.Fatalf("Read(tree) err = %v", err)
		}
	}
	if _, err := br.Read("a\nb"); err == nil {
		t.Error("Read accepted a name with a newline")
	}
	if err := br.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := br.Read("HEAD:empty.md"); err == nil {
		t.Error("Read after Close succeeded")
	}
}

func TestBlobReaderConcurrent(t *testing.T) {
	repo, files := blobRepo(t, 10)
	br, err := repo.NewBlobReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p, want := range files {
				if got, err := br.Read("HEAD:" + p); err != nil || string(got) != want {
					t.Errorf("Read(%s): %v", p, err)
				}
			}
		}()
	}
	wg.Wait()
}

func TestReadBlobs(t *testing.T) {
	repo, files := blobRepo(t, 60) // ~700 KB: far more than a pipe buffer
	var ids []string
	for p := range files {
		ids = append(ids, "HEAD:"+p)
	}
	got, err := repo.ReadBlobs(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range files {
		if string(got["HEAD:"+p]) != want {
			t.Errorf("ReadBlobs[%s] = %d bytes, want %d", p, len(got["HEAD:"+p]), len(want))
		}
	}
	got, err = repo.ReadBlobs(ctx, append([]string{"HEAD:missing.md"}, ids...))
	if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), `"HEAD:missing.md"`) {
		t.Errorf("ReadBlobs(missing) err = %v", err)
	}
	if len(got) != len(ids) {
		t.Errorf("ReadBlobs(missing) returned %d blobs, want %d", len(got), len(ids))
	}
	if got, err := repo.ReadBlobs(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("ReadBlobs(nil) = %v, %v", got, err)
	}
}
