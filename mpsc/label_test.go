package mpsc

import (
	"context"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/fearlessgo/fearless/internal/sched"
)

// labelRecorder is a scheduler that lets goroutines run freely and keeps
// the label of every object a switch point names.
type labelRecorder struct {
	mu     sync.Mutex
	labels map[string]bool
}

func (s *labelRecorder) Point(_ sched.Op, obj any) {
	if l, ok := obj.(sched.Labeled); ok {
		s.mu.Lock()
		s.labels[l.SchedLabel()] = true
		s.mu.Unlock()
	}
}

func (s *labelRecorder) Go(f func()) { go f() }

// The test below never parks.
func (s *labelRecorder) Park(*sched.Parker, context.Context, time.Duration) error { return nil }
func (s *labelRecorder) Unpark(*sched.Parker)                                     {}

// Under a scheduler, each flavour of channel is the object of its switch
// points and names itself by Named and by where it was made.
func TestChannelsNameThemselvesToTheScheduler(t *testing.T) {
	s := &labelRecorder{labels: map[string]bool{}}
	sched.Install(s)
	tx, rx := Channel[int]()
	rx.Named("jobs")
	stx, srx := SyncChannel[string](3)
	ztx, zrx := SyncChannel[struct{}](0)
	tx.Send(1)
	rx.TryRecv()
	stx.TrySend("x")
	srx.TryRecv()
	ztx.TrySend(struct{}{})
	zrx.TryRecv()
	sched.Install(nil)
	for _, c := range []pair{{tx, rx}, {stx, srx}, {ztx, zrx}} {
		c.tx.Close()
		c.rx.Close()
	}
	site := `made at label_test\.go:\d+`
	for _, want := range []string{
		`^jobs \(Channel\[int\] ` + site + `\)$`,
		`^SyncChannel\[string\]\(3\) ` + site + `$`,
		`^SyncChannel\[struct \{\}\]\(0\) ` + site + `$`,
	} {
		found := false
		for l := range s.labels {
			found = found || regexp.MustCompile(want).MatchString(l)
		}
		if !found {
			t.Errorf("no label matches %s; saw %v", want, s.labels)
		}
	}
	// Outside a scheduler nothing is recorded: a channel has only its name.
	_, plain := Channel[int]()
	defer plain.Close()
	if got := plain.fl.(sched.Labeled).SchedLabel(); got != "" {
		t.Errorf("SchedLabel() of a channel made outside a scheduler = %q, want \"\"", got)
	}
}

type pair struct {
	tx interface{ Close() }
	rx interface{ Close() }
}
