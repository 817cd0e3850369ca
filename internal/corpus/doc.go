// Package corpus holds only tests: it scores git-prfaq on the real PRFAQs of
// ../shared/corpus/real (beside the repository, never copied into it) with
// the answer key's own scorer, so the reader's false positives and misses
// on documents real teams wrote are a test failure, not a surprise.
package corpus
