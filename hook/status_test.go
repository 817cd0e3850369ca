package hook

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func statusMap(t *testing.T, root string, hooks ...string) map[string]Status {
	t.Helper()
	st, err := StatusOf(context.Background(), open(t, root), hooks) // none: nil
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]Status{}
	var order []string
	for _, s := range st {
		m[s.Hook] = s
		order = append(order, s.Hook)
	}
	m[""] = Status{Other: strings.Join(order, ",")}
	return m
}

func TestStatus(t *testing.T) {
	root := newRepo(t)
	dir := filepath.Join(root, ".git", "hooks")
	writeFile(t, filepath.Join(dir, "pre-push"), foreignHook(), 0o755)
	writeFile(t, filepath.Join(dir, "commit-msg"), foreignHook(), 0o644)

	st := statusMap(t, root)
	if st[""].Other != "pre-commit,commit-msg,pre-merge-commit,pre-push" {
		t.Errorf("hooks listed: %s", st[""].Other)
	}
	for _, h := range clientHooks {
		if st[h].Installed || st[h].Path != filepath.Join(dir, h) {
			t.Errorf("before install: %+v", st[h])
		}
	}
	if o := st["pre-push"].Other; !strings.Contains(o, "a hook git-prfaq did not write") || !strings.Contains(o, "runs it first") {
		t.Errorf("unwrapped foreign pre-push: Other = %q", o)
	}
	if o := st["commit-msg"].Other; !strings.Contains(o, "not executable") {
		t.Errorf("non-executable commit-msg: Other = %q", o)
	}
	if st["pre-commit"].Other != "" {
		t.Errorf("empty pre-commit: Other = %q", st["pre-commit"].Other)
	}

	install(t, open(t, root))
	install(t, open(t, root), "pre-receive")
	st = statusMap(t, root)
	if st[""].Other != "pre-commit,commit-msg,pre-merge-commit,pre-push,pre-receive" {
		t.Errorf("hooks listed after installing pre-receive: %s", st[""].Other)
	}
	for _, h := range Names() {
		if !st[h].Installed {
			t.Errorf("after install: %+v", st[h])
		}
	}
	pp := st["pre-push"]
	if pp.Foreign != filepath.Join(dir, "pre-push"+KeptSuffix) || !strings.Contains(pp.Other, "runs the earlier hook kept as pre-push.prfaq-kept first") {
		t.Errorf("wrapped pre-push: %+v", pp)
	}
	if cm := st["commit-msg"]; !strings.Contains(cm.Other, "skipped, as git would") {
		t.Errorf("wrapped non-executable commit-msg: %+v", cm)
	}

	// Our script replaced by another while the kept hook remains.
	writeFile(t, filepath.Join(dir, "pre-push"), "#!/bin/sh\n", 0o755)
	os.Chmod(filepath.Join(dir, "pre-commit"), 0o644)
	st = statusMap(t, root, "pre-push", "pre-commit")
	if st[""].Other != "pre-commit,pre-push" {
		t.Errorf("explicit hooks listed: %s", st[""].Other)
	}
	if pp := st["pre-push"]; pp.Installed || !strings.Contains(pp.Other, "conflict") {
		t.Errorf("conflicting pre-push: %+v", pp)
	}
	if pc := st["pre-commit"]; pc.Installed || !strings.Contains(pc.Other, "not executable") {
		t.Errorf("non-executable script: %+v", pc)
	}
}

func TestStatusBareAndSymlink(t *testing.T) {
	root := newRepo(t, "--bare")
	if err := os.Symlink("/usr/local/bin/check-push", filepath.Join(root, "hooks", "pre-receive")); err != nil {
		t.Fatal(err)
	}
	st := statusMap(t, root)
	if st[""].Other != "pre-receive" {
		t.Errorf("bare repository lists %s", st[""].Other)
	}
	if o := st["pre-receive"].Other; !strings.Contains(o, "a symlink to /usr/local/bin/check-push") {
		t.Errorf("symlinked pre-receive: Other = %q", o)
	}
}
