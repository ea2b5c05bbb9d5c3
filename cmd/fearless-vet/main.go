// Command fearless-vet runs fearless vet's analyzers under go vet:
//
//	go install github.com/fearlessgo/fearless/cmd/fearless-vet
//	go vet -vettool=$(which fearless-vet) ./...
//
// It speaks go vet's protocol for a vet tool (unitchecker); run alone, it
// says so. fearless vet does the same without the install.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/fearlessgo/fearless/vet"
)

func main() { unitchecker.Main(vet.Analyzers...) }
