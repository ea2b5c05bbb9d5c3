package distpool

import (
	"bytes"
	"encoding/gob"
)

// A record is what a worker stores as a call's result.
type record struct {
	Value    []byte // the gob of the result, when the task returned
	Panicked bool
	Panic    string // the panic value, as %v prints it
	Stack    []byte
	Worker   string
	Err      string // the call could not run: unknown task, argument that does not decode
}

func (r record) encode() []byte {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(r); err != nil {
		panic("distpool: record does not encode: " + err.Error())
	}
	return b.Bytes()
}

func decodeRecord(data []byte) (record, error) {
	var r record
	err := gob.NewDecoder(bytes.NewReader(data)).Decode(&r)
	return r, err
}
