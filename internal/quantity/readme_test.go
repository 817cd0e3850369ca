package quantity

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEOtherLanguages keeps the README's "Other languages" paragraph
// honest: each form it shows is read, as a quantity or as a date.
func TestREADMEOtherLanguages(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	s = s[strings.Index(s, "### Measurable metrics\n"):]
	s = s[:strings.Index(s, "\n### ")]
	start := strings.Index(s, "**Other languages.**")
	if start < 0 {
		t.Fatal(`README's Measurable metrics section has no "Other languages" paragraph`)
	}
	para := s[start:]
	if end := strings.Index(para, "\n\n"); end >= 0 {
		para = para[:end]
	}
	para = strings.ReplaceAll(para, "\n", " ")
	// The sentence that ends "are refused" lists what is not read.
	refusedEnd := strings.Index(para, "are refused")
	refusedStart := strings.LastIndex(para[:max(refusedEnd, 0)], ". ")
	forms := 0
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatchIndex(para, -1) {
		form := para[m[2]:m[3]]
		_, qErr := Parse(form)
		_, dErr := ParseDate(form)
		read := qErr == nil || dErr == nil
		if m[0] > refusedStart && m[0] < refusedEnd {
			// A fiscal year is refused as a By date; as a Target it
			// would count "年度末" and not compare with anything.
			fiscal := dErr != nil && strings.Contains(dErr.Error(), "fiscal")
			if read && !fiscal {
				t.Errorf("README says %q is refused, but it is read", form)
			}
			continue
		}
		forms++
		if !read {
			t.Errorf("README shows %q as read: %v; %v", form, qErr, dErr)
		}
	}
	if forms < 30 {
		t.Errorf("read only %d forms from the Other languages paragraph", forms)
	}
}
