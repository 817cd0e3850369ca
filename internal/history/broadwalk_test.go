package history

import (
	"fmt"
	"strings"
	"testing"
)

// TestWeakeningsManyPRFAQs: with more weakened PRFAQs than fewPaths, the
// acknowledgement walk asks git with the plain document pathspecs and
// filters in Go; on a linear range, and on one with a merge (where it
// keeps one literal pathspec each), the answers are those of the narrow
// walk: the commit that weakened each PRFAQ, its own or a later trailer
// on a commit touching that PRFAQ, never one on another PRFAQ's commit,
// across a move.
func TestWeakeningsManyPRFAQs(t *testing.T) {
	for _, merge := range []bool{false, true} {
		t.Run(fmt.Sprintf("merge=%v", merge), func(t *testing.T) {
			r := newTestRepo(t)
			files := map[string]string{"other/PRFAQ.md": other}
			for i := range 10 {
				files[fmt.Sprintf("s%d/PRFAQ.md", i)] = prfaqWith("review", fmt.Sprintf("Metric %d|12%%|18%%|2027-06-30|CRM", i))
			}
			base := r.commit("create", files)
			if merge {
				r.git("checkout", "-q", "-b", "topic")
			}
			for i := range 10 {
				msg := fmt.Sprintf("lower s%d", i)
				if i%3 == 0 {
					msg += "\n\nPRFAQ-Ack: own reason " + fmt.Sprint(i)
				}
				r.commit(msg, map[string]string{fmt.Sprintf("s%d/PRFAQ.md", i): prfaqWith("review", fmt.Sprintf("Metric %d|12%%|15%%|2027-06-30|CRM", i))})
			}
			r.commit("other\n\nPRFAQ-Ack: not for the others", map[string]string{"other/PRFAQ.md": strings.Replace(other, "0 | 4", "0 | 5", 1)})
			r.commit("reword s1\n\nPRFAQ-Ack: later reason", map[string]string{"s1/PRFAQ.md": strings.Replace(prfaqWith("review", "Metric 1|12%|15%|2027-06-30|CRM"), "in a day", "in one day", 1)})
			r.git("mv", "s2", "t2")
			r.commit("move s2\n\nPRFAQ-Ack: moved reason", nil)
			if merge {
				r.git("checkout", "-q", "main")
				r.commit("unrelated", map[string]string{"x.txt": "x\n"})
				r.git("merge", "-q", "--no-ff", "-m", "merge topic", "topic")
			}
			got := map[int][]string{}
			for _, few := range []int{1000, 0} {
				func() {
					defer func(n int) { fewPaths = n }(fewPaths)
					fewPaths = few
					got[few] = weakOf(t, r, base, "HEAD")
				}()
			}
			equal(t, got[0], got[1000])
			want := []string{
				"other/PRFAQ.md: Launches target 4 → 5 (improved) [work tree]", // no commit for an improvement
				"s0/PRFAQ.md: Metric 0 target 18% → 15% (weakened) [lower s0] (own reason 0)",
				"s1/PRFAQ.md: Metric 1 target 18% → 15% (weakened) [lower s1] (later reason)",
				"s3/PRFAQ.md: Metric 3 target 18% → 15% (weakened) [lower s3] (own reason 3)",
				"s4/PRFAQ.md: Metric 4 target 18% → 15% (weakened) [lower s4]",
				"s5/PRFAQ.md: Metric 5 target 18% → 15% (weakened) [lower s5]",
				"s6/PRFAQ.md: Metric 6 target 18% → 15% (weakened) [lower s6] (own reason 6)",
				"s7/PRFAQ.md: Metric 7 target 18% → 15% (weakened) [lower s7]",
				"s8/PRFAQ.md: Metric 8 target 18% → 15% (weakened) [lower s8]",
				"s9/PRFAQ.md: Metric 9 target 18% → 15% (weakened) [lower s9] (own reason 9)",
				"t2/PRFAQ.md: Metric 2 target 18% → 15% (weakened) [lower s2] (moved reason)",
			}
			equal(t, got[0], want)
		})
	}
}
