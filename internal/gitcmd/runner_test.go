package gitcmd

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSplitZ(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"\x00", nil},
		{"a\x00", []string{"a"}},
		{"a\x00b c\x00new\nline\x00", []string{"a", "b c", "new\nline"}},
		{"a\x00\x00b\x00", []string{"a", "", "b"}},
		{"no terminator", []string{"no terminator"}},
	} {
		if got := splitZ([]byte(tc.in)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitZ(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestErrorIncludesStderr(t *testing.T) {
	dir := newRepo(t)
	r := &Runner{Dir: dir}
	_, err := r.Run(context.Background(), "rev-parse", "--verify", "HEAD")
	var ge *Error
	if !errors.As(err, &ge) {
		t.Fatalf("err = %v (%T), want *Error", err, err)
	}
	if ge.ExitCode != 128 || !strings.Contains(ge.Stderr, "fatal:") {
		t.Errorf("ExitCode = %d, Stderr = %q", ge.ExitCode, ge.Stderr)
	}
	want := "git rev-parse --verify HEAD: exit status 128: fatal: Needed a single revision"
	if err.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", err, want)
	}
}

func TestErrorMessageShape(t *testing.T) {
	e := &Error{
		Args:   []string{"-c", "core.quotepath=off", "--no-optional-locks", "ls-files", "-z"},
		Err:    errors.New("exit status 128"),
		Stderr: "fatal: one\nhint: two\n\nhint: three\nhint: four\nhint: five",
	}
	want := "git ls-files -z: exit status 128: fatal: one; hint: two; hint: three; hint: four"
	if e.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", e.Error(), want)
	}
}

func TestTimeout(t *testing.T) {
	r := &Runner{Dir: tempDir(t), Timeout: time.Nanosecond}
	_, err := r.Run(context.Background(), "version")
	if err == nil || !strings.Contains(err.Error(), "timed out after 1ns") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(err, DeadlineExceeded) = false for %v", err)
	}
}

func TestTimeoutKillsGit(t *testing.T) {
	// cat-file --batch waits on stdin forever; the timeout must end it.
	r := &Runner{Dir: newRepo(t), Timeout: 200 * time.Millisecond}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	defer pr.Close()
	start := time.Now()
	_, err = r.RunInput(context.Background(), pr, "cat-file", "--batch")
	if err == nil || !strings.Contains(err.Error(), "git cat-file --batch: timed out after 200ms") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestCallerCancelIsNotATimeout(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := (&Runner{Dir: tempDir(t)}).Run(ctx, "version")
	if !errors.Is(err, context.Canceled) || strings.Contains(err.Error(), "timed out") {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestGitNotFound(t *testing.T) {
	_, err := (&Runner{Git: "/nonexistent/git"}).Run(context.Background(), "version")
	if !errors.Is(err, ErrGitNotFound) || !strings.Contains(err.Error(), `"/nonexistent/git"`) {
		t.Errorf("err = %v, want ErrGitNotFound naming the path", err)
	}
	t.Setenv("PATH", tempDir(t))
	_, err = Open(context.Background(), "")
	if !errors.Is(err, ErrGitNotFound) || err.Error() != "git not found on PATH: install git" {
		t.Errorf("err = %v, want %q", err, "git not found on PATH: install git")
	}
}

func TestMissingDirIsNotGitNotFound(t *testing.T) {
	_, err := (&Runner{Dir: "/nonexistent/dir"}).Run(context.Background(), "version")
	if err == nil || errors.Is(err, ErrGitNotFound) || !strings.Contains(err.Error(), "chdir") {
		t.Errorf("err = %v, want a chdir error", err)
	}
}

func TestEnvironMakesGitPathsAbsolute(t *testing.T) {
	cwd := startDir
	t.Setenv("GIT_INDEX_FILE", ".git/index")
	t.Setenv("GIT_WORK_TREE", "/abs/tree")
	t.Setenv("GIT_PREFIX", "sub/") // not a path git resolves against the cwd
	r := &Runner{Env: []string{"GIT_DIR=repo/.git", "GIT_OBJECT_DIRECTORY=", "GIT_COMMON_DIR=../common"}}
	env, err := r.environ()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		got[k] = v
	}
	want := map[string]string{
		"GIT_INDEX_FILE":       filepath.Join(cwd, ".git/index"),
		"GIT_WORK_TREE":        "/abs/tree",
		"GIT_PREFIX":           "sub/",
		"GIT_DIR":              filepath.Join(cwd, "repo/.git"),
		"GIT_OBJECT_DIRECTORY": "",
		"GIT_COMMON_DIR":       filepath.Join(filepath.Dir(cwd), "common"),
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}
