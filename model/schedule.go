package model

import (
	"errors"
	"fmt"
	"slices"
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
	b.WriteString(strings.Join(groupRepeats(decisionTokens(path)), ","))
	return b.String()
}

// decisionTokens writes the decisions of path, a run of equal ones as one
// token: "0*3", "r1".
func decisionTokens(path []*branch) []string {
	var toks []string
	for i := 0; i < len(path); {
		j := i + 1
		for j < len(path) && path[j].value == path[i].value && path[j].chosen == path[i].chosen {
			j++
		}
		tok := strconv.Itoa(path[i].chosen)
		if path[i].value {
			tok = "r" + tok
		}
		if j-i > 1 {
			tok += "*" + strconv.Itoa(j-i)
		}
		toks = append(toks, tok)
		i = j
	}
	return toks
}

// maxGroup is the longest sequence of tokens that groupRepeats looks for.
const maxGroup = 8

// groupRepeats writes a sequence of tokens repeated several times in a row
// once, as "(2*1000,1)*500": a thread spinning while another waits makes
// schedules of thousands of such pairs.
func groupRepeats(toks []string) []string {
	var out []string
	for i := 0; i < len(toks); {
		bestK, bestR := 1, 1
		for k := 2; k <= maxGroup && i+2*k <= len(toks); k++ {
			r := 1
			for i+(r+1)*k <= len(toks) && slices.Equal(toks[i:i+k], toks[i+r*k:i+(r+1)*k]) {
				r++
			}
			if r > 1 && k*r > bestK*bestR {
				bestK, bestR = k, r
			}
		}
		if bestR == 1 {
			out = append(out, toks[i])
			i++
			continue
		}
		out = append(out, "("+strings.Join(toks[i:i+bestK], ",")+")*"+strconv.Itoa(bestR))
		i += bestK * bestR
	}
	return out
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
	for body != "" {
		var part string
		if strings.HasPrefix(body, "(") {
			end := strings.IndexByte(body, ')')
			if end < 0 {
				return nil, false, fmt.Errorf("%w: unclosed group in %q", errSchedule, clip(s))
			}
			inner := body[1:end]
			rest, ok := strings.CutPrefix(body[end+1:], "*")
			if !ok {
				return nil, false, fmt.Errorf("%w: a group needs a repeat count in %q", errSchedule, clip(s))
			}
			count, after, _ := strings.Cut(rest, ",")
			n, err := strconv.Atoi(count)
			if err != nil || n < 1 || n > maxDecisions {
				return nil, false, fmt.Errorf("%w: bad repeat count of a group in %q", errSchedule, clip(s))
			}
			for range n {
				if path, err = appendTokens(path, inner, s); err != nil {
					return nil, false, err
				}
			}
			body = after
			continue
		}
		part, body, _ = strings.Cut(body, ",")
		if path, err = appendTokens(path, part, s); err != nil {
			return nil, false, err
		}
	}
	return path, idle, nil
}

// appendTokens appends the decisions of a comma-separated list of tokens.
func appendTokens(path []*branch, list, s string) ([]*branch, error) {
	for _, tok := range strings.Split(list, ",") {
		value := strings.HasPrefix(tok, "r")
		num, count, hasCount := strings.Cut(strings.TrimPrefix(tok, "r"), "*")
		c, err := strconv.Atoi(num)
		if err != nil || c < 0 || c > maxDecisions {
			return nil, fmt.Errorf("%w: bad decision %q in %q", errSchedule, tok, clip(s))
		}
		n := 1
		if hasCount {
			n, err = strconv.Atoi(count)
			if err != nil || n < 1 {
				return nil, fmt.Errorf("%w: bad repeat count in %q", errSchedule, tok)
			}
		}
		if len(path)+n > maxDecisions {
			return nil, fmt.Errorf("%w: more than %d decisions", errSchedule, maxDecisions)
		}
		for range n {
			path = append(path, &branch{value: value, chosen: c})
		}
	}
	return path, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
