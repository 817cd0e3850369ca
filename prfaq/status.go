package prfaq

import "strings"

// Status is a PRFAQ's lifecycle state, the front matter's status key, as
// the README's "Status" section defines it.
type Status string

// The lifecycle, in order.
const (
	Draft     Status = "draft"
	Review    Status = "review"
	Approved  Status = "approved"
	Launched  Status = "launched"
	Cancelled Status = "cancelled"
)

// Statuses returns the lifecycle in order; the slice is fresh.
func Statuses() []Status { return []Status{Draft, Review, Approved, Launched, Cancelled} }

// Normal is s as it is compared: trimmed and lower-cased.
func (s Status) Normal() Status { return Status(strings.ToLower(strings.TrimSpace(string(s)))) }

// Valid reports whether s, normalised, is a lifecycle state.
func (s Status) Valid() bool {
	n := s.Normal()
	for _, v := range Statuses() {
		if n == v {
			return true
		}
	}
	return false
}

// IsDraft reports whether s, normalised, is Draft.
func (s Status) IsDraft() bool { return s.Normal() == Draft }

// Status is the document's lifecycle state, normalised: "" when the front
// matter gives none or cannot be read (then nothing is known about it).
func (d *Document) Status() Status {
	if d == nil || d.FrontMatter.Err != nil {
		return ""
	}
	return d.FrontMatter.Status.Normal()
}

// IsDraft reports whether the document says it is a draft. A nil
// document (one that does not exist in some state) is not.
func (d *Document) IsDraft() bool { return d.Status() == Draft }
