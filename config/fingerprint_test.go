package config

import "testing"

func TestFingerprint(t *testing.T) {
	t.Parallel()
	a, b := Default(), Default()
	if a.Fingerprint() == "" || a.Fingerprint() != b.Fingerprint() {
		t.Fatalf("equal configurations: %q and %q", a.Fingerprint(), b.Fingerprint())
	}
	b.PressRelease.MaxWords++
	if a.Fingerprint() == b.Fingerprint() {
		t.Fatalf("a changed limit kept the fingerprint %q", a.Fingerprint())
	}
	c := Default()
	c.Severity["metric-overdue"] = "warning"
	if a.Fingerprint() == c.Fingerprint() {
		t.Fatalf("a changed severity kept the fingerprint %q", a.Fingerprint())
	}
}
