package tomlguard

import (
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// deep returns hostile shapes of TOML, each about size bytes and far
// deeper than MaxDepth.
func deep(size int) map[string]string {
	n := size / 2
	return map[string]string{
		"dotted key":              strings.Repeat("a.", n) + "a = 1\n",
		"quoted dotted":           strings.Repeat(`"a".`, n/2) + "a = 1\n",
		"table header":            "[" + strings.Repeat("a.", n) + "a]\nb = 1\n",
		"array table":             "[[" + strings.Repeat("a.", n) + "a]]\nb = 1\n",
		"inline tables":           "a = " + strings.Repeat("{a=", n/3) + "1" + strings.Repeat("}", n/3) + "\n",
		"arrays":                  "a = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
		"arrays of inline tables": "a = " + strings.Repeat("[{a=", n/4) + "1" + strings.Repeat("}]", n/4) + "\n",
		"multi-line arrays":       "a = " + strings.Repeat("[\n", n/2) + strings.Repeat("]\n", n/2),
		"inline dotted":           "a = {" + strings.Repeat("b.", n/2) + "c = 1}\n",
		"header then keys":        "[" + strings.Repeat("a.", 20) + "a]\n" + strings.Repeat("b.", 20) + "c = 1\n",
	}
}

func TestCheckRefusesDeep(t *testing.T) {
	for name, src := range deep(4096) {
		t.Run(name, func(t *testing.T) {
			err := Check([]byte(src), MaxDepth)
			if err == nil {
				t.Fatalf("Check accepted %.60q", src)
			}
			if !strings.Contains(err.Msg, "more than 32") || err.Line < 1 {
				t.Errorf("error %v: want the limit and a line", err)
			}
		})
	}
}

func TestCheckAcceptsReal(t *testing.T) {
	for _, src := range []string{
		"status = \"draft\"\nowner = \"Jane <jane@example.com>\"\n",
		"[sections.press_release]\nmin_words = 50\n[severity]\n\"metric-weakened\" = \"warning\"\n",
		"a = [[1, 2], [3, 4]]\nb = {c = {d = 1}, e = [1.5, 2.5]}\n",
		"s = \"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g\"\n",
		"s = '''\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n'''\n",
		"s = \"\"\"\n{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n\"\"\"\n",
		"# a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g\n",
		"\"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g\" = 1\n",
		"[" + strings.Repeat("a.", 15) + "a]\n" + strings.Repeat("b.", 15) + "c = 1\n",
		"a = " + strings.Repeat("[", 31) + strings.Repeat("]", 31) + "\n",
	} {
		if err := Check([]byte(src), MaxDepth); err != nil {
			t.Errorf("Check(%.60q) = %v, want nil", src, err)
		}
	}
}

// TestCheckLine: the error names the line where the depth is passed.
func TestCheckLine(t *testing.T) {
	src := "a = 1\ns = \"\"\"\nx\ny\n\"\"\"\n" + strings.Repeat("a.", 40) + "a = 1\n"
	if err := Check([]byte(src), MaxDepth); err == nil || err.Line != 6 {
		t.Errorf("Check = %v, want line 6", err)
	}
}

// TestCheckBoundsDecoding: what Check lets through decodes quickly even at
// the largest size a front matter may have, and the refused shapes are the
// ones the decoder is slow on.
func TestCheckBoundsDecoding(t *testing.T) {
	shapes := []string{
		strings.Repeat("a.", MaxDepth-1) + "a = 1\n",
		"a = " + strings.Repeat("{a=", MaxDepth-1) + "1" + strings.Repeat("}", MaxDepth-1) + "\n",
		"[" + strings.Repeat("a.", MaxDepth-1) + "a]\n",
	}
	for _, unit := range shapes {
		var b strings.Builder
		for i := 0; b.Len() < 64<<10; i++ {
			b.WriteString(strings.Replace(unit, "a", "k"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+itoa(i), 1))
		}
		src := b.String()
		if err := Check([]byte(src), MaxDepth); err != nil {
			t.Fatalf("Check refused %.60q: %v", src, err)
		}
		start := time.Now()
		var v map[string]any
		toml.Decode(src, &v)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("decoding %d bytes of %.40q took %v", len(src), unit, d)
		}
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// TestCheckLinear: four times the input takes about four times as long.
func TestCheckLinear(t *testing.T) {
	small, large := []byte(strings.Repeat("a.b = \"x.y\" # c.d\n", 4096)), []byte(strings.Repeat("a.b = \"x.y\" # c.d\n", 4*4096))
	measure := func(src []byte) time.Duration {
		best := time.Duration(1 << 62)
		for range 5 {
			start := time.Now()
			Check(src, MaxDepth)
			best = min(best, time.Since(start))
		}
		return max(best, time.Microsecond)
	}
	if ts, tl := measure(small), measure(large); tl > 12*ts {
		t.Errorf("%d bytes took %v, %d bytes %v: want about 4 times", len(small), ts, len(large), tl)
	}
}
