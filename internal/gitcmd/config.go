package gitcmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// ConfigGet returns the value of key as git sees it from the repository
// (the last one when it is set several times); ok is false when it is not
// set.
func (r *Repo) ConfigGet(ctx context.Context, key string) (value string, ok bool, err error) {
	return r.configGet(ctx, key, "config", "-z", "--get")
}

// ConfigGetPath returns key as a path (git expands "~/" and "~user/"). A
// relative value is made absolute the way git treats core.hooksPath: from
// the top of the work tree, or from GitDir in a bare repository.
func (r *Repo) ConfigGetPath(ctx context.Context, key string) (value string, ok bool, err error) {
	value, ok, err = r.configGet(ctx, key, "config", "-z", "--type=path", "--get")
	if err != nil || !ok || value == "" || filepath.IsAbs(value) {
		return value, ok, err
	}
	base := r.Root
	if base == "" {
		base = r.GitDir
	}
	return filepath.Join(base, value), true, nil
}

func (r *Repo) configGet(ctx context.Context, key string, args ...string) (string, bool, error) {
	if key == "" || strings.HasPrefix(key, "-") {
		return "", false, fmt.Errorf("read config: invalid key %q", key)
	}
	out, err := r.run.Run(ctx, append(args, key)...)
	var ge *Error
	// Exit 1 without a message means "not set"; an invalid key is also
	// exit 1 but says so on stderr.
	if errors.As(err, &ge) && ge.ExitCode == 1 && ge.Stderr == "" {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read config %s: %w", key, err)
	}
	return string(bytes.TrimSuffix(out, []byte{0})), true, nil
}

// Trailer is one "Key: value" line of a commit message's trailer block.
type Trailer struct {
	Key   string
	Value string
}

// Trailers parses the trailers of a commit message with
// `git interpret-trailers --parse`, so the result matches git's own rules
// (which paragraph is the trailer block, continuation lines, comment
// lines, the repository's trailer.* config). --no-divider: a commit
// message is not an email, so a "---" line does not end it.
func (r *Repo) Trailers(ctx context.Context, message []byte) ([]Trailer, error) {
	out, err := r.run.RunInput(ctx, bytes.NewReader(message), "interpret-trailers", "--parse", "--no-divider")
	if err != nil {
		return nil, fmt.Errorf("parse trailers: %w", err)
	}
	var trailers []Trailer
	for _, line := range splitLines(out) {
		if t, ok := parseTrailerLine(line); ok {
			trailers = append(trailers, t)
		}
	}
	return trailers, nil
}

// parseTrailerLine splits git's normalised output "Key<sep> value". The
// separator is ':' unless trailer.separators says otherwise, and a key is
// letters, digits and '-', so the key ends at the first other byte.
func parseTrailerLine(line string) (Trailer, bool) {
	i := 0
	for i < len(line) && isKeyByte(line[i]) {
		i++
	}
	if i == 0 || i == len(line) {
		return Trailer{}, false
	}
	rest := strings.TrimLeft(line[i:], " \t")
	if rest == "" || isKeyByte(rest[0]) {
		return Trailer{}, false
	}
	return Trailer{Key: line[:i], Value: strings.TrimSpace(rest[1:])}, true
}

func isKeyByte(c byte) bool {
	return c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
