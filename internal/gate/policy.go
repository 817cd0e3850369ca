package gate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/rule"
)

// The change under review does not choose the rules it is checked by
// (README, "Policy comes from the base"): a range takes its configuration
// from its base, a server from its policy ref, and a change that loosens
// .prfaq.toml is itself a finding, config-weakened.

// PolicyRefKey is the git configuration key that names, on a server, the
// ref whose .prfaq.toml every push is checked with.
const PolicyRefKey = "prfaq.policyRef"

// DefaultPolicyRef is the policy ref when PolicyRefKey is not set.
const DefaultPolicyRef = "HEAD"

// policyAt is the configuration committed at commit rev: the defaults when
// rev has no .prfaq.toml, an error naming the file for anything else (one
// that does not parse included): a gate fails closed.
func policyAt(ctx context.Context, repo *gitcmd.Repo, rev string) (*config.Config, error) {
	data, err := configAt(ctx, repo, rev)
	return policyOf(rev, data, err)
}

// policyOf is the policy a configAt answer for rev gives.
func policyOf(rev string, data []byte, err error) (*config.Config, error) {
	if errors.Is(err, gitcmd.ErrMissing) {
		return config.Default(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the policy %s:%s: %w", shortRev(rev), config.FileName, err)
	}
	return config.Parse(shortRev(rev)+":"+config.FileName, data)
}

// errNotRegular is configAt's error for a .prfaq.toml that a commit holds
// as a symbolic link or a submodule: never followed, never read as TOML.
var errNotRegular = errors.New("not a regular file (a symbolic link or a submodule): a configuration must be the file itself")

// configAt reads the .prfaq.toml committed at rev: an error wrapping
// gitcmd.ErrMissing when rev (or the file in it) does not exist, and
// errNotRegular for one that is not a regular file.
func configAt(ctx context.Context, repo *gitcmd.Repo, rev string) ([]byte, error) {
	files, err := repo.FilesAtRoot(ctx, []string{rev}, config.FileName, config.MaxFileBytes)
	if err != nil {
		return nil, err
	}
	return configIn(rev, files[rev])
}

// configIn is the configuration a revision's root holds, as FilesAtRoot
// read it: a file over config.MaxFileBytes is refused from its size,
// never read, and a symbolic link or submodule is never followed.
func configIn(rev string, f gitcmd.RootFile) ([]byte, error) {
	var tooLarge *gitcmd.TooLargeError
	switch {
	case errors.As(f.Err, &tooLarge):
		return nil, &config.FileError{File: shortRev(rev) + ":" + config.FileName, Msg: fmt.Sprintf("%d bytes, larger than %d; a configuration this big is surely not one", tooLarge.Size, config.MaxFileBytes)}
	case f.Err != nil:
		return nil, f.Err
	case !gitcmd.Regular(f.Mode):
		return nil, errNotRegular
	}
	return f.Data, nil
}

// policiesAt is policyAt for each of revs, read through one git process
// (log asks for one per weakened commit).
func policiesAt(ctx context.Context, repo *gitcmd.Repo, revs []string) (map[string]*config.Config, error) {
	files, err := repo.FilesAtRoot(ctx, revs, config.FileName, config.MaxFileBytes)
	if err != nil {
		return nil, fmt.Errorf("read the policies: %w", err)
	}
	policies := make(map[string]*config.Config, len(revs))
	for _, rev := range revs {
		data, err := configIn(rev, files[rev])
		if policies[rev], err = policyOf(rev, data, err); err != nil {
			return nil, err
		}
	}
	return policies, nil
}

// PolicyAt is the configuration a range from rev is checked with: the one
// committed at rev, the defaults when it has none or when rev is HEAD in a
// repository with no commit yet. diff uses it for the older side.
func PolicyAt(ctx context.Context, repo *gitcmd.Repo, rev string) (*config.Config, error) {
	if rev == "HEAD" && repo.Head == "" {
		return config.Default(), nil
	}
	return policyAt(ctx, repo, rev)
}

// ServerPolicy is the configuration a server checks every push with: the
// .prfaq.toml on the ref PolicyRefKey names (DefaultPolicyRef when unset),
// the defaults when that commit has none. An empty repository takes its
// first push under the defaults; a policy ref that does not exist in a
// repository that has refs is an error, never the defaults, so that a
// HEAD naming master while the policy lives on main refuses instead of
// passing everything.
func ServerPolicy(ctx context.Context, repo *gitcmd.Repo) (*config.Config, error) {
	ref, ok, err := repo.ConfigGet(ctx, PolicyRefKey)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", PolicyRefKey, err)
	}
	if !ok || strings.TrimSpace(ref) == "" {
		ref = DefaultPolicyRef
	}
	id, err := repo.ResolveCommit(ctx, ref)
	if err != nil {
		any, refsErr := repo.HasRefs(ctx)
		if refsErr == nil && !any {
			return config.Default(), nil
		}
		return nil, fmt.Errorf("the policy ref %s does not name a commit: set it to the branch that holds %s, e.g. git config %s refs/heads/main", ref, config.FileName, PolicyRefKey)
	}
	return policyAt(ctx, repo, id)
}

// configWeakened reports a range that leaves .prfaq.toml looser at b than
// base (the policy the range is checked with) or unreadable, unless the
// last commit in the range that changes it, or --ack, acknowledges it.
//
// A range from the beginning of history (a brand-new remote, a branch with
// a history of its own) creates its configuration rather than loosening
// one: it is checked with the policy and not compared.
func (g *Gate) configWeakened(ctx context.Context, base *config.Config, a, b string) ([]rule.Finding, error) {
	if a == "" || g.Cfg.SeverityOf(rule.ConfigWeakened) == rule.Off {
		return nil, nil
	}
	head, headErr := configAt(ctx, g.Repo, b)
	if headErr != nil && !errors.Is(headErr, gitcmd.ErrMissing) && !errors.Is(headErr, errNotRegular) {
		return nil, headErr
	}
	old, err := g.baseConfig.data, g.baseConfig.err
	if !g.baseConfig.read || g.baseConfig.rev != a {
		old, err = configAt(ctx, g.Repo, a)
	}
	if err != nil && !errors.Is(err, gitcmd.ErrMissing) && !errors.Is(err, errNotRegular) {
		return nil, err
	}
	if bytes.Equal(old, head) && errors.Is(err, errNotRegular) == errors.Is(headErr, errNotRegular) {
		return nil, nil // the range does not change it
	}
	why := loosening(base, head)
	if errors.Is(headErr, errNotRegular) {
		why = []string{"it is " + errNotRegular.Error()}
	}
	if len(why) == 0 {
		return nil, nil
	}
	ack := g.Ack
	if ack == "" {
		var err error
		if ack, err = g.configAck(ctx, a, b); err != nil {
			return nil, err
		}
	}
	return g.configFinding(why, ack, inRange), nil
}

// loosening says how the configuration head (the file's bytes; nil when
// there is none, which means the defaults) lets more through than base,
// or that it cannot be read.
func loosening(base *config.Config, head []byte) []string {
	cfg := config.Default()
	if head != nil {
		var err error
		if cfg, err = config.Parse(config.FileName, head); err != nil {
			return []string{"it cannot be read: " + err.Error()}
		}
	}
	return config.Loosened(base, cfg)
}

// configFinding is config-weakened for the ways why, unless ack
// acknowledges them; before the commit message exists, a warning.
func (g *Gate) configFinding(why []string, ack string, at stage) []rule.Finding {
	sev := g.Cfg.SeverityOf(rule.ConfigWeakened)
	if len(why) == 0 || ack != "" || sev == rule.Off {
		return nil
	}
	if at == atPending {
		sev = rule.Warning
	}
	fix := fmt.Sprintf("acknowledge it with a %s: <reason> trailer on the last commit that changes %s, or undo it", g.Cfg.Acknowledgement.Trailer, config.FileName)
	if at != inRange {
		fix = fmt.Sprintf("the merge's message or the last merged commit that changes %s needs a %s: <reason> trailer", config.FileName, g.Cfg.Acknowledgement.Trailer)
	}
	return []rule.Finding{{
		Rule: rule.ConfigWeakened, Severity: sev, File: config.FileName, Line: 1, Column: 1,
		Message: fmt.Sprintf("the change loosens the merge gate's configuration (%s), and is checked with the one before it: %s",
			strings.Join(why, "; "), fix),
	}}
}

// configAck is the acknowledgement of a changed configuration: --ack, or
// the trailer of the last commit in a..b that changes .prfaq.toml.
func (g *Gate) configAck(ctx context.Context, a, b string) (string, error) {
	if g.Ack != "" {
		return g.Ack, nil
	}
	revs := []string{b}
	if a != "" {
		revs = append(revs, "^"+a)
	}
	var ack string
	done := errors.New("done")
	q := gitcmd.LogQuery{Revs: revs, Pathspecs: []string{":(top,literal)" + config.FileName}, Trailer: g.Cfg.Acknowledgement.Trailer}
	err := g.Repo.Log(ctx, q, func(c *gitcmd.Commit) error {
		ack = strings.Join(c.Trailers, "; ")
		return done // newest first: the last commit that changes it
	})
	if err != nil && !errors.Is(err, done) {
		return "", fmt.Errorf("read the acknowledgement of %s: %w", config.FileName, err)
	}
	return ack, nil
}

// shortRev abbreviates a commit id for messages.
func shortRev(rev string) string {
	if len(rev) == 40 || len(rev) == 64 {
		return rev[:12]
	}
	return rev
}

// PolicyFile is the policy committed at commit id, as policyAt reads it,
// with the file's bytes (nil when the commit has none) and the name its
// errors and lines go by (ID:.prfaq.toml, the id shortened): what
// `git prfaq config --rev` prints.
func PolicyFile(ctx context.Context, repo *gitcmd.Repo, id string) (*config.Config, []byte, string, error) {
	name := shortRev(id) + ":" + config.FileName
	data, err := configAt(ctx, repo, id)
	if errors.Is(err, gitcmd.ErrMissing) {
		return config.Default(), nil, name, nil
	}
	if err != nil {
		return nil, nil, name, fmt.Errorf("read the policy %s: %w", name, err)
	}
	c, err := config.Parse(name, data)
	return c, data, name, err
}

// readConfig is a configAt answer kept for a rev, so that a range reads
// its base's .prfaq.toml once: for its policy and to see whether the
// range changes it.
type readConfig struct {
	read bool
	rev  string
	data []byte
	err  error
}
