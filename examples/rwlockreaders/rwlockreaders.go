// Package rwlockreaders is the seeds' RwLock example: three readers and one
// writer share a vector. Readers hold the lock together; the writer holds
// it alone. Whether a reader runs before or after the writer varies, so
// each reader prints [1, 2, 3] or [1, 2, 3, 4].
package rwlockreaders

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Run starts the readers and the writer and prints the final vector.
func Run(w io.Writer) {
	data := shared.NewArc(shared.NewRwLock([]int{1, 2, 3}), nil)
	var handles []*thread.JoinHandle[struct{}]
	for i := range 3 {
		data := data.Clone()
		handles = append(handles, thread.Go(func() {
			defer data.Drop()
			read, _ := data.Value().Read()
			defer read.Unlock()
			fmt.Fprintf(w, "Reader %d: %v\n", i, read)
		}))
	}
	{
		data := data.Clone()
		handles = append(handles, thread.Go(func() {
			defer data.Drop()
			write, _ := data.Value().Write()
			defer write.Unlock()
			*write.Get() = append(*write.Get(), 4)
			fmt.Fprintln(w, "Writer added 4")
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	final, _ := data.Value().Read()
	defer final.Unlock()
	fmt.Fprintf(w, "Final: %v\n", final)
}
