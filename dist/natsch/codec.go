package natsch

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
)

// A Codec turns values into message bodies and back. Every process that
// opens a channel must use the same codec for it. A Codec must be safe for
// concurrent use.
type Codec[T any] interface {
	Encode(v T) ([]byte, error)
	Decode(data []byte) (T, error)
}

// Gob encodes each value on its own with encoding/gob, the default: any
// type gob can encode, each message self-describing.
func Gob[T any]() Codec[T] { return gobCodec[T]{} }

type gobCodec[T any] struct{}

func (gobCodec[T]) Encode(v T) ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(&v)
	return b.Bytes(), err
}

func (gobCodec[T]) Decode(data []byte) (T, error) {
	var v T
	err := gob.NewDecoder(bytes.NewReader(data)).Decode(&v)
	return v, err
}

// JSON encodes values with encoding/json, for channels shared with programs
// in other languages.
func JSON[T any]() Codec[T] { return jsonCodec[T]{} }

type jsonCodec[T any] struct{}

func (jsonCodec[T]) Encode(v T) ([]byte, error) { return json.Marshal(v) }

func (jsonCodec[T]) Decode(data []byte) (T, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}

// Bytes sends byte slices as they are, with no encoding. The receiver gets
// its own copy.
func Bytes() Codec[[]byte] { return bytesCodec{} }

type bytesCodec struct{}

func (bytesCodec) Encode(v []byte) ([]byte, error) { return v, nil }

func (bytesCodec) Decode(data []byte) ([]byte, error) { return bytes.Clone(data), nil }
