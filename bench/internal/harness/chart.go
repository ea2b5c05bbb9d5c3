package harness

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// sideColor gives every side one colour in every chart.
var sideColor = map[string]color.RGBA{
	SideFearless: {0xd9, 0x5f, 0x02, 0xff},
	SideRust:     {0x1b, 0x9e, 0x77, 0xff},
	SideXsync:    {0x75, 0x70, 0xb3, 0xff},
	SideDeadlock: {0xe7, 0x29, 0x8a, 0xff},
	SideConc:     {0x66, 0xa6, 0x1e, 0xff},
	SidePond:     {0xe6, 0xab, 0x02, 0xff},
	SideAnts:     {0xa6, 0x76, 0x1d, 0xff},
}

// clampLog2 bounds the bars: a side 64 times slower or faster than Go is
// drawn at the edge, and the table has the exact number.
const clampLog2 = 6

// ratioTicks labels a log2 axis in ratios: 0.25×, 0.5×, 1×, 2×, ...
type ratioTicks struct{}

func (ratioTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for k := math.Ceil(min); k <= math.Floor(max); k++ {
		r := math.Exp2(k)
		label := fmt.Sprintf("%g×", r)
		ts = append(ts, plot.Tick{Value: k, Label: label})
	}
	return ts
}

// chartRows returns the results of a group that have a Go baseline, and the
// non-Go sides with at least one ratio among them.
func (rep *Report) chartRows(group string) ([]Result, []string) {
	var rows []Result
	var sides []string
	for _, r := range rep.Results {
		if r.Group != group {
			continue
		}
		if _, ok := r.Stats[SideGo]; !ok {
			continue
		}
		rows = append(rows, r)
		for s, x := range r.Ratio {
			if s != SideGo && x > 0 && !slices.Contains(sides, s) {
				sides = append(sides, s)
			}
		}
	}
	SortSides(sides)
	return rows, sides
}

// WriteChart draws one group as an SVG file: a horizontal bar per side and
// workload, its length the log2 of the time relative to the Go built-in, so
// bars to the left of 1× are faster than Go; or, for a group of curves
// (workloads with a Series), a panel per curve (see curvesTo). It returns
// false (and writes nothing) when the group has nothing to compare.
func (rep *Report) WriteChart(path, group string) (bool, error) {
	f, err := os.Create(path)
	if err != nil {
		return false, err
	}
	ok, err := rep.Chart(f, group)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if !ok || err != nil {
		os.Remove(path)
	}
	return ok && err == nil, err
}

// Chart writes the chart of one group as SVG to w (see WriteChart).
func (rep *Report) Chart(w io.Writer, group string) (bool, error) {
	return rep.chartTo(w, group, func(width, height vg.Length) vg.CanvasWriterTo {
		return vgsvg.New(width, height)
	})
}

// chartTo draws the chart on the canvas that newCanvas makes (SVG, or PNG
// when looking at a chart during development).
func (rep *Report) chartTo(w io.Writer, group string, newCanvas func(w, h vg.Length) vg.CanvasWriterTo) (bool, error) {
	if len(rep.curves(group)) > 0 {
		return rep.curvesTo(w, group, newCanvas)
	}
	rows, sides := rep.chartRows(group)
	if len(rows) == 0 || len(sides) == 0 {
		return false, nil
	}
	// Workloads top to bottom in table order: the nominal Y axis counts upward.
	names := make([]string, len(rows))
	for i, r := range rows {
		names[len(rows)-1-i] = r.Workload
	}

	const barPt = 7.0
	rowPt := barPt*float64(len(sides)) + 6
	width := vg.Length(7.5 * vg.Inch)
	legendW := vg.Length(1.3 * vg.Inch)
	height := vg.Points(rowPt*float64(len(rows)) + 95)

	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s: time per operation relative to the Go built-in", group)
	p.X.Label.Text = "ratio to Go (log scale; left of 1× is faster)"
	p.X.Tick.Marker = ratioTicks{}
	p.NominalY(names...)
	p.Y.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Padding = 0

	lo, hi := -1.0, 1.0
	legend := plot.NewLegend()
	legend.Top = true
	legend.Left = true
	legend.TextStyle.Font.Size = vg.Points(10)
	for si, s := range sides {
		vals := make(plotter.Values, len(rows))
		for i, r := range rows {
			x := r.Ratio[s]
			if x <= 0 {
				continue // missing: no bar
			}
			l := math.Max(-clampLog2, math.Min(clampLog2, math.Log2(x)))
			vals[len(rows)-1-i] = l
			lo, hi = math.Min(lo, l), math.Max(hi, l)
		}
		bc, err := plotter.NewBarChart(vals, vg.Points(barPt))
		if err != nil {
			return false, err
		}
		bc.Horizontal = true
		bc.Color = sideColor[s]
		if bc.Color == nil {
			bc.Color = color.Gray{0x80}
		}
		bc.LineStyle.Width = 0
		// Centre the group of bars on the row, first side on top.
		bc.Offset = vg.Points(barPt * (float64(len(sides)-1)/2 - float64(si)))
		p.Add(bc)
		legend.Add(s, bc)
	}
	p.X.Min, p.X.Max = math.Floor(lo)-0.25, math.Ceil(hi)+0.25

	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	p.Add(grid)
	one, err := plotter.NewLine(plotter.XYs{{X: 0, Y: -0.5}, {X: 0, Y: float64(len(rows)) - 0.5}})
	if err != nil {
		return false, err
	}
	one.LineStyle.Width = vg.Points(1)
	p.Add(one)

	canvas := newCanvas(width, height)
	dc := draw.New(canvas)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	p.Draw(draw.Crop(dc, vg.Points(6), -legendW, vg.Points(2), -vg.Points(8)))
	legend.Draw(draw.Crop(dc, width-legendW+vg.Points(8), 0, 0, -vg.Points(30)))
	if _, err := canvas.WriteTo(w); err != nil {
		return false, err
	}
	return true, nil
}
