// Package patternconfig is the seeds' shared configuration: one Config,
// read by three threads through clones of an Arc, Rust's atomically
// reference-counted pointer. Each thread owns a handle and drops it when
// done; the Config is shared, never copied, and read only, so it needs no
// lock.
//
// Go's garbage collector would free the Config without any counting; what
// shared.Arc adds is knowing when the last user is gone (StrongCount, and a
// release function that runs then), for things like closing a connection.
package patternconfig

import (
	"fmt"
	"io"

	"github.com/fearlessgo/fearless/shared"
	"github.com/fearlessgo/fearless/thread"
)

// Config is read by every thread.
type Config struct {
	DBURL      string
	MaxRetries uint32
}

// Run shares one Config with three threads; their lines interleave.
func Run(w io.Writer) {
	config := shared.NewArc(Config{
		DBURL:      "postgres://localhost/mydb",
		MaxRetries: 3,
	}, func(Config) { fmt.Fprintln(w, "last handle dropped: config released") })

	var handles []*thread.JoinHandle[struct{}]
	for i := range 3 {
		config := config.Clone() // Arc::clone(&config)
		handles = append(handles, thread.Go(func() {
			defer config.Drop()
			fmt.Fprintf(w, "Thread %d: connecting to %s\n", i, config.Get().DBURL)
			fmt.Fprintf(w, "Thread %d: max retries = %d\n", i, config.Get().MaxRetries)
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	fmt.Fprintf(w, "main: threads done, strong count = %d\n", config.StrongCount())
	config.Drop()
}
