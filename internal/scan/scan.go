// Package scan finds PRFAQ documents in one state of a repository (the work
// tree, the index, a commit, or paths the user named), reads them, and runs
// the checker over each. It is the I/O edge between git or the file system
// and the pure prfaq and check packages.
package scan

import (
	"context"
	"fmt"
)

// File is one document's bytes, or why they could not be read.
type File struct {
	Path string // slash-separated, relative to the repository root
	// OldPath is where the document was before the change being checked
	// (HEAD for staged changes), "" when it is new.
	OldPath string
	OldBlob string // the object id of the old version, when known
	OldData []byte // the old version, when the source read it
	Data    []byte
	Err     error
}

// ctxErr is a helper for loops over many files.
func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	return nil
}
