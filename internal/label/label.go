// Package label names the objects of fearless (locks, channels) in reports:
// by the name the user gave, or by where the object was made.
//
// Recording where an object was made costs a look at the caller's stack,
// so constructors record it only when a report may need it: while deadlock
// detection or a deterministic scheduler is on. A name given explicitly
// costs nothing until it is given.
package label

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
)

// A Label is the part of an object that names it. The zero Label has no
// name and no known creation site. It is safe for concurrent use.
type Label struct {
	name atomic.Pointer[string]
	site uintptr // the pc of the constructor's caller, 0 when not recorded
}

// Record records the creation site: the caller of the function that
// called Record, skip frames further up. Call it only from the object's
// constructor, before the object is shared, and only when a report may
// need it.
func (l *Label) Record(skip int) {
	var pc [1]uintptr
	if runtime.Callers(3+skip, pc[:]) == 1 {
		l.site = pc[0]
	}
}

// SetName gives the object an explicit name.
func (l *Label) SetName(name string) { l.name.Store(&name) }

// Name returns the explicit name, or "".
func (l *Label) Name() string {
	if p := l.name.Load(); p != nil {
		return *p
	}
	return ""
}

// PC returns the recorded creation site, as a pc for Site, or 0.
func (l *Label) PC() uintptr { return l.site }

// Site returns where the object was made, as "file.go:12", or "" when not
// recorded.
func (l *Label) Site() string { return Site(l.site) }

// Describe names the object of type kind ("Mutex[int]") for a report:
// "lock_a (Mutex[int] made at main.go:12)" with a name and a site,
// "lock_a (Mutex[int])" or "Mutex[int] made at main.go:12" with one of
// them, and "" with neither, for the caller to name it another way.
func (l *Label) Describe(kind string) string { return Describe(kind, l.Name(), l.Site()) }

// Site returns the file and line of pc, a pc that Record recorded, as
// "file.go:12", or "" for 0.
func Site(pc uintptr) string {
	if pc == 0 {
		return ""
	}
	f, _ := runtime.CallersFrames([]uintptr{pc}).Next()
	if f.File == "" {
		return ""
	}
	return Short(f.File) + ":" + strconv.Itoa(f.Line)
}

// Describe is Label.Describe for a name and a site known apart from a
// Label.
func Describe(kind, name, site string) string {
	what := kind
	if site != "" {
		what += " made at " + site
	}
	switch {
	case name != "":
		return name + " (" + what + ")"
	case site != "":
		return what
	}
	return ""
}

// Short returns path relative to the working directory when the file is
// below it, and path itself otherwise.
func Short(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
