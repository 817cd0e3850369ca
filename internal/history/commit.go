package history

import (
	"strings"
	"time"

	"github.com/prfaq/git-prfaq/internal/gitcmd"
)

// commit is one commit of a walk and the files it changed among those the
// walk asked about.
type commit struct {
	Hash    string
	Parents []string
	Date    string // committer date, RFC 3339 in UTC
	Author  string // "Name <email>"
	Acks    []string
	Files   []fileDiff
}

// fileDiff is one raw diff record: a file changed, added, deleted or
// renamed by a commit (or between two states). Here, unlike in gitcmd, a
// side that does not exist has the blob id "" (see blobIDs).
type fileDiff = gitcmd.Change

// trailerSep separates trailer values in a git log format.
const trailerSep = "\x1f"

// commitOf is a walked commit as history reads it.
func commitOf(c *gitcmd.Commit) *commit {
	out := &commit{
		Hash: c.ID, Parents: c.Parents, Date: c.Time.UTC().Format(time.RFC3339),
		Author: c.Author, Acks: c.Trailers, Files: c.Changes,
	}
	for i, f := range out.Files {
		out.Files[i] = documentSides(blobIDs(f))
	}
	return out
}

// blobIDs turns git's all-zero ids, which mean "no such side" (or, for
// the work tree, "not hashed": read the file), into "".
func blobIDs(f fileDiff) fileDiff {
	f.OldBlob, f.NewBlob = blobID(f.OldBlob), blobID(f.NewBlob)
	return f
}

func blobID(id string) string {
	if strings.Trim(id, "0") == "" {
		return ""
	}
	return id
}
