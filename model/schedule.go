package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// A schedule string lists every decision of a run, in order, after a
// version prefix: "1:0*3,1,r1,0*2" means thread 0 for three decisions, then
// thread 1, then a load that reads the store one older than the newest (or
// the second way of another choice), then thread 0 twice. Thread 0 runs the
// function under test; the others are numbered in the order they were
// spawned. The prefix "1i:" says that timeouts fired only when every thread
// was blocked (Timers(TimersIdle)), which a replay must follow too.
const (
	scheduleVersion = "1:"
	idleVersion     = "1i:"
)

// maxDecisions bounds what a schedule string may ask for.
const maxDecisions = 1 << 24

func encodeSchedule(path []*branch, idle bool) string {
	var b strings.Builder
	if idle {
		b.WriteString(idleVersion)
	} else {
		b.WriteString(scheduleVersion)
	}
	for i := 0; i < len(path); {
		j := i + 1
		for j < len(path) && path[j].value == path[i].value && path[j].chosen == path[i].chosen {
			j++
		}
		if i > 0 {
			b.WriteByte(',')
		}
		if path[i].value {
			b.WriteByte('r')
		}
		b.WriteString(strconv.Itoa(path[i].chosen))
		if j-i > 1 {
			b.WriteByte('*')
			b.WriteString(strconv.Itoa(j - i))
		}
		i = j
	}
	return b.String()
}

var errSchedule = errors.New("model: not a schedule")

func parseSchedule(s string) (path []*branch, idle bool, err error) {
	body, ok := strings.CutPrefix(strings.TrimSpace(s), scheduleVersion)
	if !ok {
		body, idle = strings.CutPrefix(strings.TrimSpace(s), idleVersion)
		if !idle {
			return nil, false, fmt.Errorf("%w: %q does not start with %q (pass the Schedule of a Failure)", errSchedule, clip(s), scheduleVersion)
		}
	}
	if body == "" {
		return path, idle, nil
	}
	for _, tok := range strings.Split(body, ",") {
		value := strings.HasPrefix(tok, "r")
		num, count, hasCount := strings.Cut(strings.TrimPrefix(tok, "r"), "*")
		c, err := strconv.Atoi(num)
		if err != nil || c < 0 || c > maxDecisions {
			return nil, false, fmt.Errorf("%w: bad decision %q in %q", errSchedule, tok, clip(s))
		}
		n := 1
		if hasCount {
			n, err = strconv.Atoi(count)
			if err != nil || n < 1 {
				return nil, false, fmt.Errorf("%w: bad repeat count in %q", errSchedule, tok)
			}
		}
		if len(path)+n > maxDecisions {
			return nil, false, fmt.Errorf("%w: more than %d decisions", errSchedule, maxDecisions)
		}
		for range n {
			path = append(path, &branch{value: value, chosen: c})
		}
	}
	return path, idle, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
