package main

import (
	"context"

	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/change"
	"github.com/prfaq/git-prfaq/internal/gate"
	"github.com/prfaq/git-prfaq/internal/gitcmd"
	"github.com/prfaq/git-prfaq/internal/history"
)

// weakener is the history reader the merge gate uses.
func weakener(repo *gitcmd.Repo, cfg *config.Config) gate.Weakener {
	return func(ctx context.Context, a, b string) ([]change.Change, error) {
		return history.Weakenings(ctx, repo, cfg, a, b)
	}
}
