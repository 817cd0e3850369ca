package scorecard_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/prfaq/git-prfaq/check"
	"github.com/prfaq/git-prfaq/config"
	"github.com/prfaq/git-prfaq/internal/gittest"
	"github.com/prfaq/git-prfaq/internal/report"
	"github.com/prfaq/git-prfaq/internal/scorecard"
)

// TestHTMLInABrowser renders the scorecard of the four-initiative history
// as HTML and has headless Chromium take a screenshot of it with the
// network cut off (every request would go to a proxy on the discard port,
// and host names resolve to nothing): the page must draw from itself
// alone. The screenshot must be a real page, not a blank one: enough
// non-white pixels, with the colours of the charts and badges among them.
// PRFAQ_SCORECARD_SCREENSHOT=FILE keeps the screenshot for a person to
// look at.
func TestHTMLInABrowser(t *testing.T) {
	chromium := gittest.RequireTool(t, "chromium", "apt-get install chromium")
	ts := scorecard.TimelinesOf(t, scorecard.LifecycleRepo(t))
	sc := scorecard.Build(ts, scorecard.Options{By: scorecard.Owner, Today: scorecard.Date("2027-01-15"), Policy: check.PolicyOf(config.Default())})
	var page bytes.Buffer
	if err := report.ScorecardHTML(&page, sc); err != nil {
		t.Fatal(err)
	}
	dir := gittest.TempDir(t)
	html := filepath.Join(dir, "scorecard.html")
	shot := filepath.Join(dir, "scorecard.png")
	if err := os.WriteFile(html, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
		"--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--proxy-server=127.0.0.1:9", `--host-resolver-rules=MAP * ~NOTFOUND`,
		"--user-data-dir="+filepath.Join(dir, "profile"), "--hide-scrollbars",
		"--screenshot="+shot, "--window-size=1280,2000", "file://"+html)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is no PNG: %v", err)
	}
	inked, blue, red, green := pixels(img)
	total := img.Bounds().Dx() * img.Bounds().Dy()
	t.Logf("%dx%d screenshot: %d non-white pixels (%.1f%%), %d blue (target lines), %d red (actuals, missed), %d green (met, launched)",
		img.Bounds().Dx(), img.Bounds().Dy(), inked, 100*float64(inked)/float64(total), blue, red, green)
	if inked < total/100 {
		t.Errorf("the page looks blank: %d of %d pixels are not white", inked, total)
	}
	if blue < 200 || red < 50 || green < 50 {
		t.Errorf("the charts and badges did not draw: %d blue, %d red, %d green pixels", blue, red, green)
	}
	if keep := os.Getenv("PRFAQ_SCORECARD_SCREENSHOT"); keep != "" {
		data, _ := os.ReadFile(shot)
		if err := os.WriteFile(keep, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pixels counts the pixels that are not (nearly) white, and those of the
// page's blue (#0969da), red (#cf222e) and green (#1a7f37, #116329) inks.
func pixels(img image.Image) (inked, blue, red, green int) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r16, g16, b16, _ := img.At(x, y).RGBA()
			r, g, bl := int(r16>>8), int(g16>>8), int(b16>>8)
			if r < 245 || g < 245 || bl < 245 {
				inked++
			}
			switch {
			case bl > 180 && r < 60 && g > 80 && g < 130:
				blue++
			case r > 170 && g < 70 && bl < 80:
				red++
			case g > 80 && r < 50 && bl < 80 && g > r+40:
				green++
			}
		}
	}
	return inked, blue, red, green
}
