//go:build !unix

package hook

import (
	"errors"
	"io/fs"
	"os"
)

// Without flock the lock is the file's existence (created with O_EXCL),
// which a crash can leave behind.
const staleHint = "; if none is running, delete that file"

func tryLock(path string) (unlock func(), busy bool, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	f.Close()
	return func() { os.Remove(path) }, false, nil
}

const oNonblock = 0
