package main

import (
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/gate"
	"github.com/prfaq/git-prfaq/gitcmd"
)

// weakener is the history reader the merge gate uses.
func weakener(repo *gitcmd.Repo, cfg *config.Config) gate.Weakener {
	return nil
}
