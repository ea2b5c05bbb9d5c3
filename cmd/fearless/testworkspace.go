package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/version"
	"io/fs"
	"os/exec"
	"path/filepath"
)

// libraryGo is the go line of the copy of fearless's library: a workspace
// that uses it must say at least as much.
const libraryGo = "1.26"

// workspaceSetup is moduleSetup in a go.work workspace that does not use
// the fearless module: a copy of gowork in work, with the directories it
// names made absolute, that also uses rt (the copy of fearless's library),
// given to the build through GOWORK. The user's go.work and go.work.sum
// are not touched; the copy of go.work.sum keeps the build offline.
func workspaceSetup(gowork, rt, work string) (buildSetup, error) {
	out, err := exec.Command("go", "work", "edit", "-json", gowork).Output()
	if err != nil {
		return buildSetup{}, fmt.Errorf("reading %s: %v", gowork, err)
	}
	var w struct {
		Go  string
		Use []struct{ DiskPath string }
		// Replace's New has no Version when it is a directory.
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal(out, &w); err != nil {
		return buildSetup{}, fmt.Errorf("reading %s: %v", gowork, err)
	}
	copyWork := filepath.Join(work, "go.work")
	if err := copyFile(gowork, copyWork); err != nil {
		return buildSetup{}, err
	}
	if err := copyFile(gowork+".sum", copyWork+".sum"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return buildSetup{}, err
	}
	base := filepath.Dir(gowork)
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(base, p)
	}
	args := []string{"work", "edit"}
	for _, u := range w.Use {
		args = append(args, "-dropuse="+u.DiskPath, "-use="+abs(u.DiskPath))
	}
	for _, r := range w.Replace {
		if r.New.Version != "" {
			continue // a module version, not a directory
		}
		old := r.Old.Path
		if r.Old.Version != "" {
			old += "@" + r.Old.Version
		}
		args = append(args, "-dropreplace="+old, "-replace="+old+"="+abs(r.New.Path))
	}
	args = append(args, "-use="+rt)
	if version.Compare("go"+w.Go, "go"+libraryGo) < 0 {
		args = append(args, "-go="+libraryGo)
	}
	args = append(args, copyWork)
	if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		return buildSetup{}, fmt.Errorf("go work edit: %v: %s", err, out)
	}
	return buildSetup{env: []string{"GOWORK=" + copyWork}}, nil
}
