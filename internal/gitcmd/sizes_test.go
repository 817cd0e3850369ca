package gitcmd

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestBlobSizes(t *testing.T) {
	repo, files := blobRepo(t, 10)
	names := []string{"HEAD:nope.md"}
	for p := range files {
		names = append(names, "HEAD:"+p)
	}
	sizes, err := repo.BlobSizes(ctx, names)
	if !errors.Is(err, ErrMissing) {
		t.Errorf("BlobSizes err = %v, want ErrMissing for HEAD:nope.md", err)
	}
	for p, want := range files {
		if got, ok := sizes["HEAD:"+p]; !ok || got != int64(len(want)) {
			t.Errorf("size of %s = %d, %v; want %d", p, got, ok, len(want))
		}
	}
	if _, ok := sizes["HEAD:nope.md"]; ok {
		t.Error("a missing object has a size")
	}
}

// TestReadBlobsMax: blobs over the limit are reported with their size and
// not read; the others are read as ReadBlobs reads them.
func TestReadBlobsMax(t *testing.T) {
	repo, files := blobRepo(t, 10)
	var names []string
	for p := range files {
		names = append(names, "HEAD:"+p)
	}
	const max = 1000
	blobs, big, err := repo.ReadBlobsMax(ctx, names, max)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range files {
		n := "HEAD:" + p
		if len(want) > max {
			if big[n] != int64(len(want)) || blobs[n] != nil {
				t.Errorf("%s (%d bytes): big %d, read %d bytes; want refused unread", p, len(want), big[n], len(blobs[n]))
			}
			continue
		}
		if string(blobs[n]) != want {
			t.Errorf("%s: read %q, want %q", p, blobs[n], want)
		}
	}
}

// TestReadMax: BlobReader and BlobStream skip a blob over the limit and
// stay in step for the next.
func TestReadMax(t *testing.T) {
	repo, files := blobRepo(t, 10)
	big, small := "HEAD:d09/PRFAQ.md", "HEAD:d01/PRFAQ.md"
	br, err := repo.NewBlobReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	var tl *TooLargeError
	for range 2 {
		if _, err := br.ReadMax(big, 100); !errors.As(err, &tl) || tl.Size != int64(len(files["d09/PRFAQ.md"])) {
			t.Fatalf("ReadMax(big) err = %v, want a TooLargeError with its size", err)
		}
		if got, err := br.ReadMax(small, 1000); err != nil || string(got) != files["d01/PRFAQ.md"] {
			t.Fatalf("ReadMax(small) = %q, %v", got, err)
		}
		if _, err := br.ReadMax("HEAD:nope.md", 100); !errors.Is(err, ErrMissing) {
			t.Fatalf("ReadMax(missing) err = %v", err)
		}
	}
	s, err := repo.StartBlobStream(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{big, small, "HEAD:nope.md", small} {
		s.Send(n)
	}
	s.CloseSend()
	var got []string
	for {
		b, err := s.RecvMax(1000)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case errors.As(b.Err, &tl):
			got = append(got, "big")
		case errors.Is(b.Err, ErrMissing):
			got = append(got, "missing")
		case b.Err == nil && string(b.Data) == files["d01/PRFAQ.md"]:
			got = append(got, "small")
		default:
			got = append(got, "?")
		}
	}
	if err := s.Wait(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "big small missing small" {
		t.Errorf("RecvMax gave %v", got)
	}
}
