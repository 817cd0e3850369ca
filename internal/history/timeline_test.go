package history

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/prfaq/git-prfaq/config"
)

// TestTimelines: a PRFAQ moved keeps one timeline under its new path,
// each version with its commit's status, metric rows and the changes Log
// reports for it; a deleted PRFAQ ends with a deleted version; a named
// file and a directory holding it give it once.
func TestTimelines(t *testing.T) {
	r := newTestRepo(t)
	r.commit("create", map[string]string{"a/PRFAQ.md": v18, "c/PRFAQ.md": other})
	r.commit("raise", map[string]string{"a/PRFAQ.md": v20})
	r.git("mv", "a", "b")
	r.commit("move", nil)
	r.commit("lower\n\nPRFAQ-Ack: budget", map[string]string{"b/PRFAQ.md": strings.Replace(v15, `"review"`, `"approved"`, 1)})
	r.commit("drop c", map[string]string{"c/PRFAQ.md": ""})

	render := func(paths ...string) []string {
		ts, err := Timelines(context.Background(), r.open(), config.Default(), LogOptions{Paths: paths})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, tl := range ts {
			for _, v := range tl.Versions {
				var ms, cs []string
				for _, m := range v.Metrics {
					ms = append(ms, m.Name+"="+m.Cells["target"].Text)
				}
				for _, c := range v.Changes {
					cs = append(cs, c.Field+" "+string(c.Effect)+" ack="+c.Acknowledged)
				}
				subject := r.git("log", "-1", "--format=%s", v.Commit)
				out = append(out, fmt.Sprintf("%s: [%s] %s deleted=%v status=%s acks=%v metrics=%v changes=%v",
					tl.File, subject, v.Path, v.Deleted, v.Status, v.Acks, ms, cs))
			}
		}
		return out
	}
	equal(t, render(), []string{
		"b/PRFAQ.md: [create] a/PRFAQ.md deleted=false status=review acks=[] metrics=[Conversion=18%] changes=[metric improved ack=]",
		"b/PRFAQ.md: [raise] a/PRFAQ.md deleted=false status=review acks=[] metrics=[Conversion=20%] changes=[target improved ack=]",
		"b/PRFAQ.md: [move] b/PRFAQ.md deleted=false status=review acks=[] metrics=[Conversion=20%] changes=[]",
		"b/PRFAQ.md: [lower] b/PRFAQ.md deleted=false status=approved acks=[budget] metrics=[Conversion=15%] changes=[target weakened ack=budget]",
		"c/PRFAQ.md: [create] c/PRFAQ.md deleted=false status= acks=[] metrics=[Launches=4] changes=[metric improved ack=]",
		"c/PRFAQ.md: [drop c] c/PRFAQ.md deleted=true status= acks=[] metrics=[] changes=[metric weakened ack=]",
	})
	whole := []string{
		"b/PRFAQ.md: [create] a/PRFAQ.md deleted=false status=review acks=[] metrics=[Conversion=18%] changes=[metric improved ack=]",
		"b/PRFAQ.md: [raise] a/PRFAQ.md deleted=false status=review acks=[] metrics=[Conversion=20%] changes=[target improved ack=]",
		"b/PRFAQ.md: [move] b/PRFAQ.md deleted=false status=review acks=[] metrics=[Conversion=20%] changes=[]",
		"b/PRFAQ.md: [lower] b/PRFAQ.md deleted=false status=approved acks=[budget] metrics=[Conversion=15%] changes=[target weakened ack=budget]",
	}
	equal(t, render("b/PRFAQ.md", "b"), whole)
	equal(t, render("b", "b/PRFAQ.md"), whole)
}
