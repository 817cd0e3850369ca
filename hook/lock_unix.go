//go:build unix

package hook

import (
	"errors"
	"os"
	"syscall"
)

// The lock is flock(2) on the lock file, which the system releases when
// the process ends however it ends, so a crash leaves no stale lock.
const staleHint = ""

// tryLock makes one attempt. The holder deletes the file before it lets
// go, so a waiter that locked a file no longer at path tries again: only
// the file at path counts.
func tryLock(path string) (unlock func(), busy bool, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EINTR) {
			return nil, true, nil
		}
		return nil, false, err
	}
	held, err1 := f.Stat()
	now, err2 := os.Lstat(path)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		f.Close()
		return nil, true, nil
	}
	return func() {
		os.Remove(path)
		f.Close()
	}, false, nil
}

// oNonblock: opening a named pipe returns at once instead of waiting for a
// writer.
const oNonblock = syscall.O_NONBLOCK
