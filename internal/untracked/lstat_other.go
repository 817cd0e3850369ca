//go:build !linux

package untracked

import (
	"errors"
	"os"
)

func openRoot(string) (int, error) { return -1, errors.New("no root descriptor here") }

func closeRoot(int) {}

func lstatAt(int, string) (mtime, size int64, dir bool, err error) {
	return 0, 0, false, os.ErrInvalid
}
