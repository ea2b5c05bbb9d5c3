package harness

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// goColor draws the Go built-in's curve, the one every other is read against.
var goColor = color.RGBA{0x20, 0x20, 0x20, 0xff}

// curve is one series of a group: its points in x order, all of one unit.
type curve struct {
	name, xName, unit string
	points            []Result
}

// curves returns the series of a group in first-seen order, or nil when
// the group's workloads are not points of curves.
func (rep *Report) curves(group string) []curve {
	var cs []curve
	for _, r := range rep.Results {
		if r.Group != group || r.Series == "" {
			continue
		}
		i := slices.IndexFunc(cs, func(c curve) bool { return c.name == r.Series })
		if i < 0 {
			cs = append(cs, curve{name: r.Series, xName: r.XName, unit: r.Unit})
			i = len(cs) - 1
		}
		cs[i].points = append(cs[i].points, r)
	}
	for _, c := range cs {
		slices.SortStableFunc(c.points, func(a, b Result) int { return a.X - b.X })
	}
	return cs
}

// sidesOfCurve returns the sides with at least one measured point on c.
func sidesOfCurve(c curve) []string {
	var ss []string
	for _, r := range c.points {
		for s := range r.Stats {
			if !slices.Contains(ss, s) {
				ss = append(ss, s)
			}
		}
	}
	SortSides(ss)
	return ss
}

// curvesTo draws a group of curves: one panel per series, two to a row,
// the x axis the series' quantity and the y axis the time per operation,
// both on log scales, a line per side with the median at each point and a
// bar of ± the median absolute deviation. It returns false when no series
// has both the Go built-in and another side.
func (rep *Report) curvesTo(w io.Writer, group string, newCanvas func(w, h vg.Length) vg.CanvasWriterTo) (bool, error) {
	var panels []*plot.Plot
	for _, c := range rep.curves(group) {
		sides := sidesOfCurve(c)
		if !slices.Contains(sides, SideGo) || len(sides) < 2 {
			continue
		}
		p, err := curvePanel(c, sides)
		if err != nil {
			return false, err
		}
		panels = append(panels, p)
	}
	if len(panels) == 0 {
		return false, nil
	}
	const cols = 2
	rows := (len(panels) + cols - 1) / cols
	width := vg.Length(7.5 * vg.Inch)
	titleH := vg.Points(22)
	height := vg.Length(2.7*vg.Inch)*vg.Length(rows) + titleH
	canvas := newCanvas(width, height)
	dc := draw.New(canvas)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())

	title := draw.TextStyle{Color: color.Black, Font: plot.DefaultFont, XAlign: draw.XCenter, YAlign: draw.YTop}
	title.Font.Size = vg.Points(12)
	title.Handler = plot.DefaultTextHandler
	dc.FillText(title, vg.Point{X: width / 2, Y: height - vg.Points(4)},
		fmt.Sprintf("%s: time per operation as the work grows, next to the Go built-in", group))

	body := draw.Crop(dc, vg.Points(4), -vg.Points(4), vg.Points(4), -titleH)
	tiles := draw.Tiles{Cols: cols, Rows: rows, PadX: vg.Points(14), PadY: vg.Points(14)}
	for i, p := range panels {
		p.Draw(tiles.At(body, i%cols, i/cols))
	}
	if _, err := canvas.WriteTo(w); err != nil {
		return false, err
	}
	return true, nil
}

// curvePanel is the plot of one series.
func curvePanel(c curve, sides []string) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = c.name
	p.Title.TextStyle.Font.Size = vg.Points(10)
	p.X.Label.Text = c.xName + " (log scale)"
	p.Y.Label.Text = "time per " + c.unit
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	var xTicks plot.ConstantTicks
	for _, r := range c.points {
		xTicks = append(xTicks, plot.Tick{Value: float64(r.X), Label: strconv.Itoa(r.X)})
	}
	p.X.Tick.Marker = xTicks
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Legend.ThumbnailWidth = vg.Points(14)

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range sides {
		var xys plotter.XYs
		var errs plotter.YErrors
		for _, r := range c.points {
			st, ok := r.Stats[s]
			if !ok || st.MedianNs <= 0 {
				continue
			}
			mad := st.MedianNs * st.MADPct / 100
			xys = append(xys, plotter.XY{X: float64(r.X), Y: st.MedianNs})
			// On a log axis the bar must stay above zero.
			errs = append(errs, struct{ Low, High float64 }{math.Min(mad, 0.9*st.MedianNs), mad})
			lo, hi = math.Min(lo, st.MedianNs-mad), math.Max(hi, st.MedianNs+mad)
		}
		if len(xys) == 0 {
			continue
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		col := sideColor[s]
		if s == SideGo {
			col = goColor
			line.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		}
		if col == (color.RGBA{}) {
			col = color.RGBA{0x80, 0x80, 0x80, 0xff}
		}
		line.LineStyle.Color, line.LineStyle.Width = col, vg.Points(1.5)
		points.Color, points.Shape, points.Radius = col, draw.CircleGlyph{}, vg.Points(2)
		bars := &plotter.YErrorBars{XYs: xys, YErrors: errs, LineStyle: line.LineStyle, CapWidth: vg.Points(4)}
		bars.LineStyle.Dashes = nil
		bars.LineStyle.Width = vg.Points(0.8)
		p.Add(line, points, bars)
		p.Legend.Add(s, line, points)
	}
	// Headroom above the highest point for the legend in the top left.
	p.Y.Min, p.Y.Max = math.Max(lo, hi/1e9)*0.8, hi*3
	p.Y.Tick.Marker = timeTicks{}
	first, last := float64(c.points[0].X), float64(c.points[len(c.points)-1].X)
	p.X.Min, p.X.Max = first/1.3, last*1.3
	return p, nil
}

// timeTicks labels a log axis of nanoseconds at 1, 2 and 5 times each
// power of ten, as "200ns" or "1µs" (at powers of ten only when the axis
// spans more than two of them); minor ticks at the other digits.
type timeTicks struct{}

func (timeTicks) Ticks(min, max float64) []plot.Tick {
	wide := max/min > 300
	var ts []plot.Tick
	for e := math.Floor(math.Log10(min)); e <= math.Ceil(math.Log10(max)); e++ {
		base := math.Pow(10, e)
		for d := 1.0; d < 10; d++ {
			v := d * base
			if v < min || v > max {
				continue
			}
			t := plot.Tick{Value: v}
			if d == 1 || !wide && (d == 2 || d == 5) {
				t.Label = tickNs(v)
			}
			ts = append(ts, t)
		}
	}
	return ts
}

// tickNs prints a round number of nanoseconds in the largest unit that
// keeps it whole or nearly: "500ns", "2µs", "0.5ns".
func tickNs(ns float64) string {
	for _, u := range []struct {
		size float64
		name string
	}{{1e9, "s"}, {1e6, "ms"}, {1e3, "µs"}} {
		if ns >= u.size {
			return strconv.FormatFloat(ns/u.size, 'g', 3, 64) + u.name
		}
	}
	return strconv.FormatFloat(ns, 'g', 3, 64) + "ns"
}
