//go:build unix && !darwin

package gitcmd

import "golang.org/x/sys/unix"

// openRoot opens the work tree's root for lstatAt: a path looked up from
// it walks fewer components than the absolute path, on list's hot path
// (one lstat per tracked document).
func openRoot(root string) (int, bool) {
	fd, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	return fd, err == nil
}

func closeRoot(fd int) { unix.Close(fd) }

// lstatAt is lstat(2) of rel below the root opened as rootFD (-1: root's
// path instead): its stat data as the index keeps it, and its mode.
func lstatAt(rootFD int, root, rel string) (statData, uint32, bool) {
	var st unix.Stat_t
	var err error
	if rootFD >= 0 {
		err = unix.Fstatat(rootFD, rel, &st, unix.AT_SYMLINK_NOFOLLOW)
	} else {
		err = unix.Lstat(root+"/"+rel, &st)
	}
	if err != nil {
		return statData{}, 0, false
	}
	return statData{
		ctimeSec: int64(st.Ctim.Sec), ctimeNsec: int64(st.Ctim.Nsec),
		mtimeSec: int64(st.Mtim.Sec), mtimeNsec: int64(st.Mtim.Nsec),
		dev: u32(uint64(st.Dev)), ino: u32(uint64(st.Ino)), uid: u32(uint64(st.Uid)), gid: u32(uint64(st.Gid)), size: u32(uint64(st.Size)), //nolint:unconvert // other widths elsewhere
	}, uint32(st.Mode), true
}
