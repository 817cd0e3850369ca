package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/internal/history"
)

// syncBuffer is a bytes.Buffer the progress goroutine and the test can
// share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestProgress: a walk past progressDelay shows its counts on one
// rewritten line and clears it when done; a quick one shows nothing; a
// pipe gets no progress at all.
func TestProgress(t *testing.T) {
	t.Parallel() // it waits for the progress ticker
	var slow syncBuffer
	p := &progress{w: &slow, start: time.Now().Add(-progressDelay), stop: make(chan struct{})}
	p.wg.Add(1)
	go p.loop()
	p.callback()(history.Progress{Commits: 3, Versions: 7})
	time.Sleep(450 * time.Millisecond)
	p.done()
	out := slow.String()
	if !strings.Contains(out, "\r\x1b[Kgit prfaq log: reading history: 3 commits changed a PRFAQ, 7 versions") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("slow walk: %q", out)
	}

	var quick syncBuffer
	p = &progress{w: &quick, start: time.Now(), stop: make(chan struct{})}
	p.wg.Add(1)
	go p.loop()
	time.Sleep(250 * time.Millisecond)
	p.done()
	if quick.String() != "" {
		t.Errorf("quick walk: %q", quick.String())
	}

	var pipe bytes.Buffer
	if p := startProgress(&pipe); p != nil || p.callback() != nil {
		t.Error("progress on a pipe")
	}
	(*progress)(nil).done() // safe
}
