package rule

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Fingerprint identifies a finding across versions of its document while
// lines move: the rule, where it is (the file, else the commit or the
// branch), what it is about (the section, question, template text, metric
// and field, each as written) and the message with its digits taken out,
// since messages quote counts and positions that edits elsewhere change.
// Never the line or the column. It is 32 hex digits; the recipe is
// version 1 of the baseline file and of SARIF's partialFingerprints
// (prfaqFinding/v2): changing it means a new version of both.
func (f Finding) Fingerprint() string {
	where := f.File
	switch {
	case where != "":
	case f.Commit != "":
		where = "commit " + f.Commit
	case f.Ref != "":
		where = "branch " + f.Ref
	}
	msg := strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return -1
		}
		return r
	}, f.Message)
	h := sha256.New()
	for _, part := range []string{f.Rule, where, f.Section, f.Question, f.Text, f.Metric, f.Field, msg} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Baselinable reports whether a finding may be recorded in a baseline of
// known findings: not a weakening of success criteria or of the
// configuration (judged between two versions, acknowledged by a trailer),
// and not one a prfaq-ignore comment already covers.
func (f Finding) Baselinable() bool {
	return f.Rule != MetricWeakened && f.Rule != ConfigWeakened && !f.Suppressed
}
