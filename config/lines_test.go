package config

import (
	"errors"
	"fmt"
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/bmatcuk/doublestar/v4"
)

// p builds a path from a dotted string in which "[n]" segments are indexes:
// "sections.[2].name".
func p(s string) []string {
	var out []string
	for _, seg := range strings.Split(s, ".") {
		if strings.HasPrefix(seg, "[") && strings.HasSuffix(seg, "]") {
			n := 0
			for _, c := range seg[1 : len(seg)-1] {
				n = n*10 + int(c-'0')
			}
			out = append(out, index(n))
			continue
		}
		out = append(out, seg)
	}
	return out
}

func TestScanKeyLines(t *testing.T) {
	src := `# comment with = and [brackets]
top = "a # not a comment"   # comment
"quoted key" = 1
'literal.key' = 2
dotted . "and quoted" . key = 3

[table]   # comment
arr = [
  1,   # one
  [2, 3],
  { x = 1,
    y = [4] },
]
ml = """
line [not.a.header]
x = 1
"""
ml2 = '''
'''
after = 1979-05-27 07:32:00Z
list = [1979-05-27 07:32:00Z, 1979-05-28]

[[aot]]
name = "first"
[aot.sub]
k = 1
[[aot]]
name = "second"
[[aot.inner]]
v = 1
[[aot.inner]]
v = 2
[ spaced . header ]
esc = "a\"b" ; ignored = 1
`
	// the last line is invalid TOML; the scanner stops there
	lines := scanKeyLines(src)
	want := map[string]int{
		"top":                       2,
		"quoted key":                3,
		"literal.key":               4,
		"dotted":                    5,
		"dotted.and quoted.key":     5,
		"table":                     7,
		"table.arr":                 8,
		"table.arr.[0]":             9,
		"table.arr.[1]":             10,
		"table.arr.[1].[1]":         10,
		"table.arr.[2]":             11,
		"table.arr.[2].x":           11,
		"table.arr.[2].y":           12,
		"table.arr.[2].y.[0]":       12,
		"table.ml":                  14,
		"table.ml2":                 18,
		"table.after":               20,
		"table.list.[1]":            21,
		"aot":                       23,
		"aot.[0]":                   23,
		"aot.[0].name":              24,
		"aot.[0].sub":               25,
		"aot.[0].sub.k":             26,
		"aot.[1]":                   27,
		"aot.[1].name":              28,
		"aot.[1].inner.[0]":         29,
		"aot.[1].inner.[0].v":       30,
		"aot.[1].inner.[1].v":       32,
		"spaced.header":             33,
		"spaced.header.esc":         34,
		"table.ml.x":                0,
		"line [not":                 0,
		"aot.[0].inner":             0,
		"literal":                   0,
		"dotted.and quoted.key.[0]": 0,
	}
	for path, line := range want {
		key := pathKey(p(path))
		if path == "literal.key" || path == "quoted key" || strings.HasPrefix(path, "dotted.and quoted") {
			// keys with dots or spaces in them: one segment
			switch path {
			case "literal.key":
				key = pathKey([]string{"literal.key"})
			case "quoted key":
				key = pathKey([]string{"quoted key"})
			case "dotted.and quoted.key":
				key = pathKey([]string{"dotted", "and quoted", "key"})
			case "dotted.and quoted.key.[0]":
				key = pathKey([]string{"dotted", "and quoted", "key", index(0)})
			}
		}
		if got := lines[key]; got != line {
			t.Errorf("line of %s = %d, want %d", path, got, line)
		}
	}
	// escapes in quoted keys are decoded as toml does
	if l := scanKeyLines("\"a\\u0062c\" = 1\n"); l[pathKey([]string{"abc"})] != 1 {
		t.Errorf("escaped key: %v", l)
	}
}

type probe struct{}

func (probe) UnmarshalTOML(any) error { return errors.New("probe") }

// libraryLines asks the toml package where it thinks each key is, for keys
// outside arrays (where its answer is unambiguous). It gets the answer by
// decoding the key into a value that refuses it: the error carries the
// position the package recorded for the key.
func libraryLines(src string) (map[string]int, bool) {
	var top map[string]toml.Primitive
	md, err := toml.Decode(src, &top)
	if err != nil {
		return nil, false
	}
	out := map[string]int{}
keys:
	for _, k := range md.Keys() {
		for n := 1; n <= len(k); n++ {
			switch md.Type(k[:n]...) {
			case "Array", "ArrayHash", "":
				continue keys
			}
		}
		if md.Type(k...) == "Hash" {
			continue // tables may be implicit; the library keeps no line for them
		}
		prim, ok := top[k[0]]
		if !ok {
			continue
		}
		for _, seg := range k[1:] {
			var m map[string]toml.Primitive
			if err := md.PrimitiveDecode(prim, &m); err != nil {
				continue keys
			}
			if prim, ok = m[seg]; !ok {
				continue keys
			}
		}
		var pe toml.ParseError
		if err := md.PrimitiveDecode(prim, &probe{}); errors.As(err, &pe) && pe.Position.Line > 0 {
			out[pathKey(k)] = pe.Position.Line
		}
	}
	return out, true
}

func checkAgainstLibrary(t *testing.T, src string) {
	t.Helper()
	lib, ok := libraryLines(src)
	if !ok {
		return
	}
	ours := scanKeyLines(src)
	srcLines := strings.Split(src, "\n")
	for k, line := range lib {
		if ours[k] != line && !multilineBetween(srcLines, ours[k], line) {
			t.Errorf("key %q: scanner says line %d, toml says %d\n%s", display(strings.Split(k, "\x00")), ours[k], line, src)
		}
	}
}

// multilineBetween reports whether a multi-line string starts on line from
// and ends on line to: the toml package records such a value where it ends.
func multilineBetween(lines []string, from, to int) bool {
	if from < 1 || to <= from || to > len(lines) {
		return false
	}
	first := lines[from-1]
	return strings.Contains(first, `"""`) || strings.Contains(first, "'''")
}

func TestScanKeyLinesAgreesWithLibrary(t *testing.T) {
	for _, src := range []string{
		string(Template()),
		string(uncomment(Template())),
		"a = 1\nb = 'x'\n[t]\nc = \"\"\"\nx\n\"\"\"\nd = [\n1,\n2]\ne = { f = 1, g = { h = 2 } }\n",
		"a.b.c = 1\n[x.y]\nz = true\n[x]\nw = 1.5\n",
		"k = '''a'''''\nl = \"\"\"b\"\"\"\"\"\nm = 1\n",
		"\ufeffa = 1\r\nb = 2\r\n[c]\r\nd = 3\r\n",
		"t = {\n  a = 1,\n  b = 2,\n}\nu = 3\n",
		"\"quoted.key\" = 1\n'lit' = 2\n[\"q t\".'r']\ns = 1\n",
		"x = \"\"\"\\\n  continued\\\n  \"\"\"\ny = 1\n",
		"d = 1979-05-27 07:32:00Z\ne = 07:32:00\nf = 1979-05-27\ng = inf\nh = -nan\ni = 0x_ff\nj = 1_000\n",
	} {
		checkAgainstLibrary(t, src)
	}
}

// starNextToBrace finds patterns where expansion joins a star to what the
// braces held ("*{*}" becomes "**"), and "{}", which doublestar treats
// inconsistently; matchAny expands those before matching, by definition.
var starNextToBrace = regexp.MustCompile(`\*[{}]|[{}]\*|\{\}`)

// Expanding {a,b} alternatives matches what doublestar matches.
func TestExpandBracesAgreesWithDoublestar(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	atoms := []string{"a", "b", "/", "*", "**", "?", "{", "}", ",", "[ab]", "[!a]", "\\{", "\\,", ".md", "x"}
	names := []string{"a", "b", "ab", "a/b", "a.md", "b/a.md", "x", "a/b/c.md", "{", ",", "a,b", "ba", "a/x", "b/b/x"}
	checked := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(8); n >= 0; n-- {
			b.WriteString(atoms[rng.Intn(len(atoms))])
		}
		pat := b.String()
		if !doublestar.ValidatePattern(pat) || starNextToBrace.MatchString(pat) {
			continue
		}
		alts, err := expandBraces(pat)
		if err != nil {
			continue
		}
		checked++
		for _, name := range names {
			want, _ := doublestar.Match(pat, name)
			got := false
			for _, a := range alts {
				if indexTopBrace(a) >= 0 {
					t.Fatalf("pattern %q: alternative %q still has braces", pat, a)
				}
				if ok, _ := doublestar.Match(a, name); ok {
					got = true
				}
			}
			if got != want {
				t.Fatalf("pattern %q (alternatives %q) on %q: expanded %v, doublestar %v", pat, alts, name, got, want)
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d patterns checked", checked)
	}
}

// tomlGen writes random valid TOML in many layouts and records the line of
// every key, header and array element it writes: an oracle for the scanner
// that also covers arrays of tables, where the toml package cannot help.
type tomlGen struct {
	rng  *rand.Rand
	b    strings.Builder
	want map[string]int
	n    int
}

func (g *tomlGen) line() int { return strings.Count(g.b.String(), "\n") + 1 }

func (g *tomlGen) mark(path []string) {
	k := pathKey(path)
	if _, ok := g.want[k]; !ok {
		g.want[k] = g.line()
	}
}

// key returns a fresh key as written and as its path segment.
func (g *tomlGen) key() (raw, seg string) {
	g.n++
	switch g.rng.Intn(4) {
	case 0:
		return fmt.Sprintf(`"k %d.x"`, g.n), fmt.Sprintf("k %d.x", g.n)
	case 1:
		return fmt.Sprintf(`'k.%d'`, g.n), fmt.Sprintf("k.%d", g.n)
	case 2:
		return fmt.Sprintf(`"k\u0041%d"`, g.n), fmt.Sprintf("kA%d", g.n)
	}
	return fmt.Sprintf("k%d", g.n), fmt.Sprintf("k%d", g.n)
}

func (g *tomlGen) blank() {
	switch g.rng.Intn(4) {
	case 0:
		g.b.WriteString("\n")
	case 1:
		g.b.WriteString("  # a comment with = and [x] and \"\"\"\n")
	}
}

func (g *tomlGen) keyValue(table []string, depth int) {
	raw, seg := g.key()
	path := with(table, seg)
	if g.rng.Intn(4) == 0 { // dotted
		raw2, seg2 := g.key()
		g.mark(path)
		raw += " . " + raw2
		path = with(path, seg2)
	}
	g.mark(path)
	g.b.WriteString(raw + " = ")
	g.value(path, depth)
}

func (g *tomlGen) value(path []string, depth int) {
	kind := g.rng.Intn(10)
	if depth > 2 && kind >= 7 {
		kind = 0
	}
	switch kind {
	case 0:
		g.b.WriteString("-1_000")
	case 1:
		g.b.WriteString(`"a \" # [b] \\"`)
	case 2:
		g.b.WriteString(`'c # "d"'`)
	case 3:
		g.b.WriteString("\"\"\"\nline = 1\n[not.a.table]\n\"\" \\\"\"\"\n  \\\n  more\"\"\"\"\"")
	case 4:
		g.b.WriteString("'''\n# no comment\n'' x = 2'''''")
	case 5:
		g.b.WriteString("1979-05-27 07:32:00Z")
	case 6:
		g.b.WriteString("true")
	case 7, 8:
		g.b.WriteString("[")
		n := g.rng.Intn(4)
		for i := 0; i < n; i++ {
			if g.rng.Intn(2) == 0 {
				g.b.WriteString("\n  ")
				if g.rng.Intn(3) == 0 {
					g.b.WriteString("# c ]\n  ")
				}
			}
			g.mark(with(path, index(i)))
			g.value(with(path, index(i)), depth+1)
			if i < n-1 || g.rng.Intn(2) == 0 {
				g.b.WriteString(", ")
			}
		}
		if g.rng.Intn(2) == 0 {
			g.b.WriteString("\n")
		}
		g.b.WriteString("]")
	case 9:
		g.b.WriteString("{")
		n := g.rng.Intn(3)
		for i := 0; i < n; i++ {
			if g.rng.Intn(3) == 0 {
				g.b.WriteString("\n  ")
			}
			g.keyValue(path, depth+1)
			if i < n-1 {
				g.b.WriteString(", ")
			}
		}
		g.b.WriteString(" }")
	}
}

func (g *tomlGen) body(table []string) {
	for n := g.rng.Intn(4); n > 0; n-- {
		g.blank()
		g.keyValue(table, 0)
		if g.rng.Intn(3) == 0 {
			g.b.WriteString("   # trailing comment")
		}
		g.b.WriteString("\n")
	}
}

func (g *tomlGen) document() string {
	g.body(nil)
	aot := map[string]int{} // array name -> entries
	for n := g.rng.Intn(6); n > 0; n-- {
		g.blank()
		switch g.rng.Intn(3) {
		case 0: // a plain table
			raw, seg := g.key()
			g.mark([]string{seg})
			g.b.WriteString("[ " + raw + " ]\n")
			g.body([]string{seg})
		case 1: // an entry of an array of tables
			name := []string{"aot", "other"}[g.rng.Intn(2)]
			i := aot[name]
			aot[name]++
			g.mark([]string{name})
			g.mark([]string{name, index(i)})
			g.b.WriteString("[[" + name + "]]\n")
			g.body([]string{name, index(i)})
			if g.rng.Intn(2) == 0 { // a nested array and a sub-table of this entry
				g.mark([]string{name, index(i), "sub"})
				g.mark([]string{name, index(i), "sub", index(0)})
				g.b.WriteString("[[" + name + ".sub]]\n")
				g.body([]string{name, index(i), "sub", index(0)})
				raw, seg := g.key()
				g.mark([]string{name, index(i), seg})
				g.b.WriteString("[" + name + "." + raw + "]\n")
				g.body([]string{name, index(i), seg})
			}
		case 2: // a dotted header
			raw, seg := g.key()
			raw2, seg2 := g.key()
			g.mark([]string{seg})
			g.mark([]string{seg, seg2})
			g.b.WriteString("[" + raw + "." + raw2 + "]\n")
			g.body([]string{seg, seg2})
		}
	}
	return g.b.String()
}

func TestScanKeyLinesOnGeneratedTOML(t *testing.T) {
	for seed := int64(0); seed < 3000; seed++ {
		g := &tomlGen{rng: rand.New(rand.NewSource(seed)), want: map[string]int{}}
		src := g.document()
		if g.rng.Intn(3) == 0 {
			src = strings.ReplaceAll(src, "\n", "\r\n")
		}
		var m map[string]any
		if _, err := toml.Decode(src, &m); err != nil {
			t.Fatalf("seed %d: the generator wrote invalid TOML: %v\n%s", seed, err, src)
		}
		got := scanKeyLines(src)
		for k, line := range g.want {
			if got[k] != line {
				t.Fatalf("seed %d: %s at line %d, scanner says %d\n%s", seed, display(strings.Split(k, "\x00")), line, got[k], src)
			}
		}
		checkAgainstLibrary(t, src)
	}
}
