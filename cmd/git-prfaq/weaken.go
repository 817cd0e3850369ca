package main

import (
	"context"

	"github.com/prfaq/git-prfaq/change"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/gate"
	"github.com/prfaq/git-prfaq/gitcmd"
	"github.com/prfaq/git-prfaq/history"
)

// weakener is the history reader the merge gate uses.
func weakener(repo *gitcmd.Repo, cfg *config.Config) gate.Weakener {
	return func(ctx context.Context, a, b string) ([]change.Change, error) {
		return history.Weakenings(ctx, repo, cfg, a, b)
	}
}
