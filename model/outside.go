package model

// outsideLog gathers, over the runs of one exploration, the operations the
// explorer saw but does not control.
type outsideLog struct {
	count int
	notes []string
}

// maxOutsideNotes is how many different descriptions a result keeps.
const maxOutsideNotes = 5

func (o *outsideLog) add(what []string) {
	o.count += len(what)
	for _, w := range what {
		if len(o.notes) == maxOutsideNotes {
			return
		}
		known := false
		for _, n := range o.notes {
			known = known || n == w
		}
		if !known {
			o.notes = append(o.notes, w)
		}
	}
}

// addTo reports the log in r: a search that saw such operations is not
// exhaustive.
func (o *outsideLog) addTo(r *Result) {
	r.Outside, r.OutsideNotes = o.count, o.notes
	if o.count > 0 {
		r.Exhaustive = false
	}
}
