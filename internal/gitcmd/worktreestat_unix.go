//go:build unix && !darwin

package gitcmd

// statMatches reports whether the file at rel (a slash path below root,
// opened as rootFD where lstatAt can use it) still has the stat data the
// index recorded, and the entry's type and executable bit.
func statMatches(rootFD int, root, rel, mode string, sd statData) bool {
	now, fileMode, ok := lstatAt(rootFD, root, rel)
	if !ok || fileMode&0o170000 != 0o100000 {
		return false
	}
	if exec := fileMode&0o100 != 0; exec != (mode == "100755") {
		return false
	}
	return now.size == sd.size && now.ino == sd.ino && now.dev == sd.dev && now.uid == sd.uid && now.gid == sd.gid &&
		now.mtimeSec == sd.mtimeSec && now.mtimeNsec == sd.mtimeNsec &&
		now.ctimeSec == sd.ctimeSec && now.ctimeNsec == sd.ctimeNsec
}

// u32 is a stat field as the index keeps it, in 32 bits (git's struct
// stat_data).
func u32(v uint64) int64 { return int64(uint32(v)) }
