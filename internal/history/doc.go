// Package history reads the success metrics of PRFAQs across commits: the
// metric history (Log), each PRFAQ's versions with Log's changes for the
// scorecard (Timelines), the changes between two states (Diff, DiffPairs,
// ProseDiff for the prose) and the net changes of a range for the merge
// gate (Weakenings), each classified by package change.
//
// It is the I/O edge between git and the pure change and prfaq packages.
// git finds the commits (one path-limited `git log --raw` per walk, which
// can use a commit-graph's changed-path filters), one `git cat-file
// --batch` reads each distinct version once while the walk runs, and every
// version is parsed once, on every core, as far as its metrics table
// (prfaq.Parser.ParseMetrics), and kept slim: its status and that table,
// so that memory grows with the tables, not the documents. A slim version
// is held encoded (slimcodec.go) and decoded when a comparison needs it,
// and Log, Timelines and DiffPairs take it from the result cache when
// given one (a pack of kind CacheKind, keyed by blob id), reading and
// parsing only the versions it lacks. A walk over
// every PRFAQ asks git with plain pathspecs (config.DocumentPrefilter) and
// keeps the exact globs' records in Go. What the output means is decided
// in small pure functions (the log parser, commitChanges, attributeOne,
// WordDiff) that are tested without a repository.
//
// Decisions, for cases the README leaves open:
//
//   - Walks follow first parents by default: a merge shows what its branch
//     brought, and an unacknowledged weakening it brought takes the first
//     acknowledgement among the branch's commits that touch the file.
//   - A named PRFAQ is followed across renames as `git log --follow` does;
//     each change keeps the path the file had in that commit.
//   - A version that is not text, or is over documents.max_bytes, counts as
//     having no metrics; a symlink or submodule is no document.
//   - Acknowledged is set on weakenings only; in Log it is every value of
//     the commit's trailer, joined by "; ".
//   - A history or revision beyond the cut of a shallow clone is an error
//     wrapping *gitcmd.MissingHistoryError, never a shorter answer.
//   - The merge gate (Weakenings, Acknowledge, Judge's history) reads no
//     cache. An entry could not be poisoned by a push (it is keyed by the
//     blob's content id and written by git-prfaq from that content), but
//     the gate reads a few versions, so a cache would save it little, and
//     a server's pre-receive hook then never writes to its git directory.
package history
