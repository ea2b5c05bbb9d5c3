package distpool

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"regexp"
	"sync"
)

// A task is a registered function, with its argument and result coded.
type task struct {
	arg, result reflect.Type
	run         func(arg []byte) (result []byte, err error) // err: the argument does not decode
}

var (
	tasksMu sync.RWMutex
	tasks   = map[string]*task{}
)

var validName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// Register makes f the task name, in this process. Call it at init, with
// the same name and types in the processes that submit name and in those
// that serve it. A and R must be types encoding/gob can code. Register
// panics when name is not 1 to 128 of A-Z a-z 0-9 _ -, or already taken.
func Register[A, R any](name string, f func(A) R) {
	if !validName.MatchString(name) {
		panic(fmt.Sprintf("distpool: task name %q: want 1 to 128 of A-Z a-z 0-9 _ -", name))
	}
	tasksMu.Lock()
	defer tasksMu.Unlock()
	if _, ok := tasks[name]; ok {
		panic(fmt.Sprintf("distpool: task %q registered twice", name))
	}
	tasks[name] = &task{
		arg:    reflect.TypeFor[A](),
		result: reflect.TypeFor[R](),
		run: func(data []byte) ([]byte, error) {
			a, err := decode[A](data)
			if err != nil {
				return nil, err
			}
			return encode(f(a))
		},
	}
}

func lookup(name string) *task {
	tasksMu.RLock()
	defer tasksMu.RUnlock()
	return tasks[name]
}

func encode[T any](v T) ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(&v)
	return b.Bytes(), err
}

func decode[T any](data []byte) (T, error) {
	var v T
	err := gob.NewDecoder(bytes.NewReader(data)).Decode(&v)
	return v, err
}
