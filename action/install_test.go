package action

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// A fake release of git-prfaq, laid out as GitHub serves one and named as
// .goreleaser.yaml names its archives:
//
//	releases/download/v0.8.0/git-prfaq_0.8.0_linux_amd64.tar.gz, checksums.txt
//	releases/download/v0.9.0/git-prfaq_0.9.0_{linux_amd64,darwin_arm64}.tar.gz
//	releases/download/v0.9.0/git-prfaq_0.9.0_windows_amd64.zip
//	releases/download/v0.9.0/checksums.txt
//	releases/download/v0.9.1/…linux_amd64.tar.gz, with a checksums.txt that does not match it
//
// v0.9.0 is the latest.
// The binary inside is this module's git-prfaq (the Windows one too: a
// Linux binary runs here whatever its name); the log names the archive
// installed.
var (
	releaseOnce sync.Once
	releaseDir  string
	releaseErr  error
)

func fakeRelease(t *testing.T) string {
	t.Helper()
	releaseOnce.Do(func() { releaseDir, releaseErr = buildRelease() })
	if releaseErr != nil {
		t.Fatal(releaseErr)
	}
	return releaseDir
}

func buildRelease() (string, error) {
	root := filepath.Join(tmpRoot, "release")
	exe, err := os.ReadFile(filepath.Join(binDir, "git-prfaq"))
	if err != nil {
		return "", err
	}
	// Every release holds the same files, so each kind of archive is made
	// once, compressed for speed (it is several megabytes).
	files := map[string][]byte{"README.md": []byte("git-prfaq\n"), "LICENSE": []byte("license\n"), "git-prfaq.1": []byte(".TH GIT-PRFAQ 1\n")}
	tgz, err := tarArchive(files, "git-prfaq", exe)
	if err != nil {
		return "", err
	}
	zipped, err := zipArchive(files, "git-prfaq.exe", exe)
	if err != nil {
		return "", err
	}
	for _, v := range []string{"0.8.0", "0.9.0", "0.9.1"} {
		dir := filepath.Join(root, "releases", "download", "v"+v)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		archives := map[string][]byte{}
		platforms := []string{"linux_amd64", "darwin_arm64", "windows_amd64"}
		if v != "0.9.0" {
			platforms = platforms[:1]
		}
		for _, p := range platforms {
			name := "git-prfaq_" + v + "_" + p
			if strings.HasPrefix(p, "windows") {
				archives[name+".zip"] = zipped
			} else {
				archives[name+".tar.gz"] = tgz
			}
		}
		var sums strings.Builder
		for name, b := range archives {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				return "", err
			}
			sum := sha256.Sum256(b)
			if v == "0.9.1" {
				sum = sha256.Sum256(append(b[:len(b):len(b)], '!')) // what was released is not what is served
			}
			fmt.Fprintf(&sums, "%x  %s\n", sum, name)
		}
		if err := os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(sums.String()), 0o644); err != nil {
			return "", err
		}
	}
	return root, nil
}

func tarArchive(files map[string][]byte, exeName string, exe []byte) ([]byte, error) {
	var buf strings.Builder
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	add := func(name string, mode int64, b []byte) error {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: mode, Size: int64(len(b)), Typeflag: tar.TypeReg}); err != nil {
			return err
		}
		_, err := tw.Write(b)
		return err
	}
	for name, b := range files {
		if err := add(name, 0o644, b); err != nil {
			return nil, err
		}
	}
	if err := add(exeName, 0o755, exe); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return []byte(buf.String()), nil
}

func zipArchive(files map[string][]byte, exeName string, exe []byte) ([]byte, error) {
	var buf strings.Builder
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	all := map[string][]byte{exeName: exe}
	for name, b := range files {
		all[name] = b
	}
	for name, b := range all {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return []byte(buf.String()), nil
}

// releaseServer serves the fake release as GitHub does, /releases/latest
// redirecting to the latest release's tag page.
func releaseServer(t *testing.T) string {
	t.Helper()
	root := fakeRelease(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/releases/latest", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/releases/tag/v0.9.0", http.StatusFound)
	})
	mux.HandleFunc("/releases/tag/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<html>release page</html>")
	})
	mux.Handle("/releases/download/", http.FileServer(http.Dir(root)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + "/releases"
}

func TestInstallRelease(t *testing.T) {
	t.Parallel()
	requireTool(t, "curl")
	base := releaseServer(t)
	fileBase := "file://" + filepath.Join(fakeRelease(t), "releases")
	cases := []struct {
		name    string
		env     []string
		code    int
		archive string // the archive installed, e.g. 0.9.0_linux_amd64.tar.gz
		log     []string
	}{
		{name: "the version input", env: []string{"INPUT_VERSION=0.9.0"}, archive: "0.9.0_linux_amd64.tar.gz",
			log: []string{`sha256 [0-9a-f]{64} verified against checksums.txt`}},
		{name: "a v-prefixed version from a file URL", env: []string{"INPUT_VERSION=v0.9.0", "PRFAQ_RELEASE_BASE_URL=" + fileBase},
			archive: "0.9.0_linux_amd64.tar.gz"},
		{name: "the action's ref names the release", env: []string{"ACTION_REF=v0.8.0"}, archive: "0.8.0_linux_amd64.tar.gz"},
		{name: "the ref from the action's path", env: []string{"GITHUB_ACTION_PATH=/home/runner/work/_actions/prfaq/git-prfaq/v0.8.0"},
			archive: "0.8.0_linux_amd64.tar.gz"},
		{name: "a branch ref takes the latest release", env: []string{"ACTION_REF=main"}, archive: "0.9.0_linux_amd64.tar.gz"},
		{name: "version latest", env: []string{"INPUT_VERSION=latest", "ACTION_REF=v0.8.0"}, archive: "0.9.0_linux_amd64.tar.gz"},
		{name: "a major tag takes the latest release", env: []string{"ACTION_REF=v0"}, archive: "0.9.0_linux_amd64.tar.gz"},
		{name: "another major version's latest release is a warning", env: []string{"ACTION_REF=v1"}, archive: "0.9.0_linux_amd64.tar.gz",
			log: []string{`(?m)^::warning title=git-prfaq::the action's ref is v1 but the latest release is v0.9.0`}},
		{name: "macOS on ARM64", env: []string{"INPUT_VERSION=0.9.0", "RUNNER_OS=macOS", "RUNNER_ARCH=ARM64"}, archive: "0.9.0_darwin_arm64.tar.gz"},
		{name: "Windows takes the zip", env: []string{"INPUT_VERSION=0.9.0", "RUNNER_OS=Windows"}, archive: "0.9.0_windows_amd64.zip"},
		{name: "a checksum mismatch installs nothing", env: []string{"INPUT_VERSION=0.9.1"}, code: 2,
			log: []string{`(?m)^::error title=git-prfaq::checksum mismatch for git-prfaq_0.9.1_linux_amd64.tar.gz: checksums.txt says [0-9a-f]{64}, the download is [0-9a-f]{64}`}},
		{name: "no archive for the platform", env: []string{"INPUT_VERSION=0.9.1", "RUNNER_ARCH=ARM64"}, code: 2,
			log: []string{`(?m)^::error title=git-prfaq::could not download .*/v0.9.1/git-prfaq_0.9.1_linux_arm64.tar.gz`}},
		{name: "no such release", env: []string{"INPUT_VERSION=9.9.9"}, code: 2,
			log: []string{`could not download .*is v9.9.9 a git-prfaq release`}},
		{name: "no release for 32-bit runners", env: []string{"RUNNER_ARCH=X86"}, code: 2,
			log: []string{`(?m)^::error title=git-prfaq::no git-prfaq release for RUNNER_ARCH=X86 .*use install: go`}},
		{name: "the install input is release or go", env: []string{"INPUT_INSTALL=brew"}, code: 2,
			log: []string{`install: "brew" is neither release nor go`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			exe := "git-prfaq"
			if strings.HasSuffix(tc.archive, ".zip") {
				requireTool(t, "unzip")
				exe += ".exe"
			}
			r := newRunner(t, t.TempDir())
			res := r.run(r.dir, "install", append([]string{"PRFAQ_RELEASE_BASE_URL=" + base}, tc.env...)...)
			if res.code != tc.code {
				t.Fatalf("want exit %d, got %s", tc.code, res)
			}
			log := res.stdout + res.stderr
			for _, re := range tc.log {
				if !regexp.MustCompile(re).MatchString(log) {
					t.Errorf("log does not match %q\n%s", re, res)
				}
			}
			paths := strings.Fields(readFile(t, r.file("path")))
			if tc.code != 0 {
				if len(paths) != 0 {
					t.Errorf("a failed install added %q to GITHUB_PATH", paths)
				}
				return
			}
			version, _, _ := strings.Cut(tc.archive, "_")
			if want := "/releases/download/v" + version + "/git-prfaq_" + tc.archive + "\n"; !strings.Contains(log, want) {
				t.Errorf("did not download %q\n%s", want, res)
			}
			checkInstalled(t, paths, exe, "(devel)")
		})
	}
}

// checkInstalled: GITHUB_PATH gained one directory, holding exe, which runs
// and says it is version.
func checkInstalled(t *testing.T, paths []string, exe, version string) {
	t.Helper()
	if len(paths) != 1 {
		t.Fatalf("GITHUB_PATH has %q, want one directory", paths)
	}
	if exe == "" {
		exe = "git-prfaq"
	}
	out, err := exec.Command(filepath.Join(paths[0], exe), "version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s version: %v\n%s", exe, err, out)
	}
	if !strings.HasPrefix(string(out), "git-prfaq "+version) {
		t.Errorf("installed %s says %q, want version %s", exe, out, version)
	}
}

// TestInstallGo: with install: go, the script runs go install at the
// version or the action's ref (a fake go records how), and a local action
// (uses: ./, no ref) is built from its own directory.
func TestInstallGo(t *testing.T) {
	t.Parallel()
	fakeGo := t.TempDir()
	writeFile(t, filepath.Join(fakeGo, "go"), `#!/bin/sh
# Records its arguments and GOBIN, and installs a stand-in git-prfaq.
echo "go $* GOBIN=$GOBIN" >>"$FAKE_GO_LOG"
printf '#!/bin/sh\necho "git-prfaq fake"\n' >"$GOBIN/git-prfaq"
chmod +x "$GOBIN/git-prfaq"
`)
	if err := os.Chmod(filepath.Join(fakeGo, "go"), 0o755); err != nil {
		t.Fatal(err)
	}
	const mod = "github.com/prfaq/git-prfaq/cmd/git-prfaq"
	cases := []struct{ name, version, ref, want string }{
		{"the version input", "1.2.3", "v0", mod + "@v1.2.3"},
		{"the action's ref", "", "v0", mod + "@v0"},
		{"a branch ref", "", "main", mod + "@main"},
		{"the ref from the action's path", "", "", mod + "@v0.4.0"},
		{"version latest", "latest", "", mod + "@latest"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := newRunner(t, t.TempDir())
			logFile := filepath.Join(t.TempDir(), "go.log")
			res := r.run(r.dir, "install", "INPUT_INSTALL=go", "INPUT_VERSION="+tc.version, "ACTION_REF="+tc.ref,
				"GITHUB_ACTION_PATH=/home/runner/work/_actions/prfaq/git-prfaq/v0.4.0",
				"FAKE_GO_LOG="+logFile, "PATH="+fakeGo+string(os.PathListSeparator)+os.Getenv("PATH"))
			if res.code != 0 {
				t.Fatalf("want exit 0, got %s", res)
			}
			got := readFile(t, logFile)
			paths := strings.Fields(readFile(t, r.file("path")))
			if want := fmt.Sprintf("go install %s GOBIN=%s\n", tc.want, paths[0]); got != want {
				t.Errorf("fake go ran as\n%s want\n%s", got, want)
			}
			checkInstalled(t, paths, "", "fake")
		})
	}

	t.Run("a local action is built from its directory", func(t *testing.T) {
		t.Parallel()
		if testing.Short() {
			t.Skip("builds git-prfaq")
		}
		r := newRunner(t, t.TempDir())
		res := r.run(r.dir, "install", "INPUT_INSTALL=go", "GITHUB_ACTION_PATH="+modRoot, "GOPROXY=off",
			"HOME="+os.Getenv("HOME"), "GOCACHE="+goEnv(t, "GOCACHE"), "GOMODCACHE="+goEnv(t, "GOMODCACHE"))
		if res.code != 0 {
			t.Fatalf("want exit 0, got %s", res)
		}
		if !strings.Contains(res.stdout, "Building git-prfaq from "+modRoot) {
			t.Errorf("not built from the action's directory:\n%s", res)
		}
		checkInstalled(t, strings.Fields(readFile(t, r.file("path"))), "", "(devel)")
	})

	t.Run("without Go", func(t *testing.T) {
		t.Parallel()
		r := newRunner(t, t.TempDir())
		res := r.run(r.dir, "install", "INPUT_INSTALL=go", "PATH=/nonexistent:/usr/bin:/bin")
		if res.code != 2 || !strings.Contains(res.stdout, "install: go needs Go on the runner: add actions/setup-go") {
			t.Errorf("want exit 2 and the setup-go fix, got %s", res)
		}
	})
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}
