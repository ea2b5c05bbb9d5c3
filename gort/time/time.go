// Package time is the drop-in package time of Go code rewritten by fearless
// test. Everything but the clock is package time itself (its types are
// aliases, so values pass to and from code that was not rewritten). The
// clock is modelled while the schedule explorer runs: Sleep, timers,
// tickers and Now follow the explorer's clock, which never waits for real
// time and advances only when every goroutine is blocked (the rule of
// testing/synctest), unless fearless test runs with -timers=early. While no
// explorer runs, everything is package time.
package time

import (
	stdtime "time"

	"github.com/fearlessgo/fearless/gort"
	"github.com/fearlessgo/fearless/internal/sched"
)

type (
	Duration   = stdtime.Duration
	Time       = stdtime.Time
	Month      = stdtime.Month
	Weekday    = stdtime.Weekday
	Location   = stdtime.Location
	ParseError = stdtime.ParseError
)

const (
	Nanosecond  = stdtime.Nanosecond
	Microsecond = stdtime.Microsecond
	Millisecond = stdtime.Millisecond
	Second      = stdtime.Second
	Minute      = stdtime.Minute
	Hour        = stdtime.Hour
)

const (
	Layout      = stdtime.Layout
	ANSIC       = stdtime.ANSIC
	UnixDate    = stdtime.UnixDate
	RubyDate    = stdtime.RubyDate
	RFC822      = stdtime.RFC822
	RFC822Z     = stdtime.RFC822Z
	RFC850      = stdtime.RFC850
	RFC1123     = stdtime.RFC1123
	RFC1123Z    = stdtime.RFC1123Z
	RFC3339     = stdtime.RFC3339
	RFC3339Nano = stdtime.RFC3339Nano
	Kitchen     = stdtime.Kitchen
	Stamp       = stdtime.Stamp
	StampMilli  = stdtime.StampMilli
	StampMicro  = stdtime.StampMicro
	StampNano   = stdtime.StampNano
	DateTime    = stdtime.DateTime
	DateOnly    = stdtime.DateOnly
	TimeOnly    = stdtime.TimeOnly
)

const (
	January   = stdtime.January
	February  = stdtime.February
	March     = stdtime.March
	April     = stdtime.April
	May       = stdtime.May
	June      = stdtime.June
	July      = stdtime.July
	August    = stdtime.August
	September = stdtime.September
	October   = stdtime.October
	November  = stdtime.November
	December  = stdtime.December
)

const (
	Sunday    = stdtime.Sunday
	Monday    = stdtime.Monday
	Tuesday   = stdtime.Tuesday
	Wednesday = stdtime.Wednesday
	Thursday  = stdtime.Thursday
	Friday    = stdtime.Friday
	Saturday  = stdtime.Saturday
)

var (
	UTC   = stdtime.UTC
	Local = stdtime.Local
)

var (
	Date                   = stdtime.Date
	Unix                   = stdtime.Unix
	UnixMilli              = stdtime.UnixMilli
	UnixMicro              = stdtime.UnixMicro
	Parse                  = stdtime.Parse
	ParseInLocation        = stdtime.ParseInLocation
	ParseDuration          = stdtime.ParseDuration
	LoadLocation           = stdtime.LoadLocation
	LoadLocationFromTZData = stdtime.LoadLocationFromTZData
	FixedZone              = stdtime.FixedZone
)

const opSleep = sched.OpSleep

// Now is time.Now, by the explorer's clock while it runs.
func Now() Time { return sched.Now() }

// Since is time.Since.
func Since(t Time) Duration { return Now().Sub(t) }

// Until is time.Until.
func Until(t Time) Duration { return t.Sub(Now()) }

// Sleep is time.Sleep. Under the explorer it waits for modelled time.
func Sleep(d Duration) {
	if gort.Runner() == nil {
		stdtime.Sleep(d)
		return
	}
	sched.Point(opSleep, nil)
	if d > 0 {
		sched.NewParker().ParkTimeout(d)
	}
}
