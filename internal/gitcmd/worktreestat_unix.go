//go:build unix && !darwin

package gitcmd

import (
	"os"
	"syscall"
)

// statMatches reports whether the file at abs still has the stat data the
// index recorded, and the entry's type and executable bit.
func statMatches(abs, mode string, sd statData) bool {
	info, err := os.Lstat(abs)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	if exec := info.Mode().Perm()&0o100 != 0; exec != (mode == "100755") {
		return false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	// The index keeps these as 32 bits (git's struct stat_data).
	u32 := func(v uint64) int64 { return int64(uint32(v)) }
	return u32(uint64(st.Size)) == sd.size && u32(uint64(st.Ino)) == sd.ino && u32(uint64(st.Dev)) == sd.dev &&
		u32(uint64(st.Uid)) == sd.uid && u32(uint64(st.Gid)) == sd.gid &&
		int64(st.Mtim.Sec) == sd.mtimeSec && int64(st.Mtim.Nsec) == sd.mtimeNsec &&
		int64(st.Ctim.Sec) == sd.ctimeSec && int64(st.Ctim.Nsec) == sd.ctimeNsec
}
