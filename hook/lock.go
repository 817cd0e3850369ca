package hook

import (
	"context"
	"fmt"
	"path/filepath"
	"time"
)

// LockName is the file in the hooks directory that Install and Uninstall
// hold while they look at and change hooks, so that two of them (two
// terminals, a script running init in parallel) never act on what the
// other is changing. It exists only while one of them runs.
const LockName = ".git-prfaq-hooks.lock"

// lockWait bounds how long Install and Uninstall wait for the lock: each
// holds it for milliseconds, so a longer wait means something is stuck.
const lockWait = 10 * time.Second

// lockDir takes the hooks directory's lock, waiting at most wait, and
// returns what releases it.
func lockDir(ctx context.Context, dir string, wait time.Duration) (unlock func(), err error) {
	path := filepath.Join(dir, LockName)
	deadline := time.Now().Add(wait)
	pause := time.Millisecond
	for {
		unlock, busy, err := tryLock(path)
		if err != nil {
			return nil, fmt.Errorf("lock the hooks directory (%s): %w", path, err)
		}
		if !busy {
			return unlock, nil
		}
		if !time.Now().Before(deadline) {
			return nil, fmt.Errorf("another 'git prfaq hook install' or 'uninstall' has held %s for %s: wait for it to finish and run this again%s", path, wait, staleHint)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 50*time.Millisecond)
	}
}
