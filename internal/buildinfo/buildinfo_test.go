package buildinfo

import (
	"runtime"
	"testing"
)

func TestReadNamesThisBuild(t *testing.T) {
	t.Parallel()
	info, ok := Read()
	if !ok {
		t.Fatal("Read: no build information in a test binary built with modules")
	}
	if info.GoVersion != runtime.Version() {
		t.Errorf("GoVersion = %q, want %q", info.GoVersion, runtime.Version())
	}
}

func TestVersioned(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		version string
		want    bool
	}{
		{"", false},
		{"(devel)", false},
		{"v0.1.0", true},
		{"v0.0.0-20261129120000-abcdef123456", true},
	} {
		if got := (Info{Version: tt.version}).Versioned(); got != tt.want {
			t.Errorf("Info{Version: %q}.Versioned() = %v, want %v", tt.version, got, tt.want)
		}
	}
}
