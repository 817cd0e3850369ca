package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prfaq/git-prfaq/internal/history"
)

// progressDelay: a walk that ends sooner shows nothing, so the common
// case (one PRFAQ, a commit-graph) never flickers.
const progressDelay = time.Second

// progress shows how far a history walk has got, on one rewritten line of
// stderr, when stderr is a terminal and the walk takes longer than
// progressDelay. The zero *progress (nil) shows nothing.
type progress struct {
	w                 io.Writer
	start             time.Time
	commits, versions atomic.Int64
	stop              chan struct{}
	wg                sync.WaitGroup
}

// startProgress returns nil when stderr is not a terminal.
func startProgress(stderr io.Writer) *progress {
	if !isTerminal(stderr) {
		return nil
	}
	p := &progress{w: stderr, start: time.Now(), stop: make(chan struct{})}
	p.wg.Add(1)
	go p.loop()
	return p
}

// update is history's Progress callback: cheap and safe from any
// goroutine.
func (p *progress) update(h history.Progress) {
	p.commits.Store(int64(h.Commits))
	p.versions.Store(int64(h.Versions))
}

// callback is update as a history.LogOptions.Progress, nil when p is.
func (p *progress) callback() func(history.Progress) {
	if p == nil {
		return nil
	}
	return p.update
}

func (p *progress) loop() {
	defer p.wg.Done()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	shown := false
	for {
		select {
		case <-p.stop:
			if shown {
				fmt.Fprint(p.w, "\r\x1b[K") // leave the line clean for the output
			}
			return
		case <-tick.C:
			if d := time.Since(p.start); d >= progressDelay {
				shown = true
				fmt.Fprintf(p.w, "\r\x1b[Kgit prfaq log: reading history: %d commits changed a PRFAQ, %d versions (%.1f s)",
					p.commits.Load(), p.versions.Load(), d.Seconds())
			}
		}
	}
}

// done stops the display and clears its line.
func (p *progress) done() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
}

// isTerminal reports whether w is a terminal (progress is not colour, so
// NO_COLOR does not silence it).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
