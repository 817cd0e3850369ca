package action

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestActionlint lints the example workflow, then the same workflow using
// the action from this checkout (uses: ./): actionlint then parses
// action.yml and checks the example's inputs and the outputs it reads
// against it.
func TestActionlint(t *testing.T) {
	t.Parallel()
	actionlint := requireTool(t, "actionlint")
	example := filepath.Join(modRoot, "examples", "prfaq.yml")
	if out, err := exec.Command(actionlint, example).CombinedOutput(); err != nil {
		t.Errorf("actionlint examples/prfaq.yml: %v\n%s", err, out)
	}

	wf := readFile(t, example)
	if !strings.Contains(wf, "uses: prfaq/git-prfaq@v0\n") {
		t.Fatal("examples/prfaq.yml does not use prfaq/git-prfaq@v0")
	}
	project := t.TempDir()
	writeFile(t, filepath.Join(project, ".github", "workflows", "prfaq.yml"), strings.Replace(wf, "uses: prfaq/git-prfaq@v0\n", "uses: ./\n", 1))
	writeFile(t, filepath.Join(project, "action.yml"), readFile(t, filepath.Join(modRoot, "action.yml")))
	writeFile(t, filepath.Join(project, "action", "run.sh"), readFile(t, script))
	cmd := exec.Command(actionlint)
	cmd.Dir = project
	if err := os.Mkdir(filepath.Join(project, ".git"), 0o755); err != nil { // actionlint finds the project by .git
		t.Fatal(err)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("actionlint with uses: ./ (action.yml's metadata): %v\n%s", err, out)
	}
}

func TestShellcheck(t *testing.T) {
	t.Parallel()
	shellcheck := requireTool(t, "shellcheck")
	if out, err := exec.Command(shellcheck, "--severity=style", script).CombinedOutput(); err != nil {
		t.Errorf("shellcheck action/run.sh: %v\n%s", err, out)
	}
}

// TestActionWiring: every input of action.yml reaches run.sh or git prfaq
// ci (or the step), every INPUT_ variable they read is set by action.yml,
// and every output action.yml declares is one internal/ci sets. actionlint
// does not look inside a composite action's steps, and a typo there would
// silently turn an input off.
func TestActionWiring(t *testing.T) {
	t.Parallel()
	action := readFile(t, filepath.Join(modRoot, "action.yml"))
	// run.sh reads the install's inputs, git prfaq ci (internal/ci) the
	// check's.
	run := readFile(t, script) + readFile(t, filepath.Join(modRoot, "internal", "ci", "ci.go"))

	inputs := section(t, action, "inputs")
	if len(inputs) == 0 {
		t.Fatal("action.yml declares no inputs")
	}
	for _, in := range inputs {
		env := "INPUT_" + strings.ToUpper(strings.ReplaceAll(in, "-", "_"))
		switch {
		case strings.Contains(action, "working-directory: ${{ inputs."+in+" }}"):
		case strings.Contains(action, env+": ${{ inputs."+in+" }}"):
			if !strings.Contains(run, env) {
				t.Errorf("action.yml passes input %s as %s, which neither run.sh nor internal/ci reads", in, env)
			}
		default:
			t.Errorf("input %s is not passed to any step (want %s: ${{ inputs.%s }})", in, env, in)
		}
	}
	for _, m := range regexp.MustCompile(`\bINPUT_[A-Z_]+`).FindAllString(run, -1) {
		if !strings.Contains(action, m+": ${{ inputs.") {
			t.Errorf("run.sh or internal/ci reads %s, which action.yml does not set", m)
		}
	}
	for _, out := range section(t, action, "outputs") {
		if !strings.Contains(action, "value: ${{ steps.check.outputs."+out+" }}") {
			t.Errorf("output %s is not the check step's output %s", out, out)
		}
		if !strings.Contains(run, `r.setOutput("`+out+`"`) {
			t.Errorf("output %s is never set by internal/ci", out)
		}
	}
}

// section lists the keys of a top-level mapping of action.yml (the lines
// indented by two spaces under it): enough YAML for this file's layout,
// whose validity actionlint checks.
func section(t *testing.T, yml, name string) []string {
	t.Helper()
	var keys []string
	in := false
	key := regexp.MustCompile(`^  ([a-z][a-z0-9-]*):\s*$`)
	for _, line := range strings.Split(yml, "\n") {
		switch {
		case line == name+":":
			in = true
		case in && line != "" && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "#"):
			return keys
		case in:
			if m := key.FindStringSubmatch(line); m != nil {
				keys = append(keys, m[1])
			}
		}
	}
	return keys
}

// TestReadmeExample: the workflow the README shows is examples/prfaq.yml,
// which the other tests lint.
func TestReadmeExample(t *testing.T) {
	t.Parallel()
	readme := readFile(t, filepath.Join(modRoot, "README.md"))
	m := regexp.MustCompile("(?s)<!-- examples/prfaq.yml -->\\s*```yaml\\n(.*?)```").FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no block marked <!-- examples/prfaq.yml -->")
	}
	if want := readFile(t, filepath.Join(modRoot, "examples", "prfaq.yml")); m[1] != want {
		t.Errorf("README.md's example workflow differs from examples/prfaq.yml:\n%s", m[1])
	}
}
