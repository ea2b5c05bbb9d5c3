// sync/atomic: the functions on integers and pointers, and the types.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"
)

type stats struct {
	hits  atomic.Int64
	flag  atomic.Bool
	name  atomic.Value
	ptr   atomic.Pointer[string]
	count uint32
}

func main() {
	var s stats
	var n int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, 2)
			s.hits.Add(1)
			atomic.AddUint32(&s.count, 1)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), s.hits.Load(), atomic.LoadUint32(&s.count))

	fmt.Println(atomic.CompareAndSwapInt64(&n, 16, 1), atomic.SwapInt64(&n, 5), n)
	atomic.StoreInt64(&n, 9)
	fmt.Println(atomic.LoadInt64(&n))

	var i32 int32
	var u64 uint64
	var up uintptr
	atomic.AddInt32(&i32, -3)
	atomic.AddUint64(&u64, 7)
	atomic.StoreUintptr(&up, 11)
	fmt.Println(i32, atomic.LoadUint64(&u64), atomic.LoadUintptr(&up))
	fmt.Println(atomic.AndInt32(&i32, 0xff), atomic.OrUint64(&u64, 8), i32, u64)

	fmt.Println(s.flag.Load(), s.flag.CompareAndSwap(false, true), s.flag.Swap(false))
	s.name.Store("first")
	fmt.Println(s.name.Load(), s.name.Swap("second"), s.name.CompareAndSwap("second", "third"), s.name.Load())

	str := "pointed"
	s.ptr.Store(&str)
	fmt.Println(*s.ptr.Load())

	var u atomic.Uint32
	var i atomic.Int32
	var u64t atomic.Uint64
	var upt atomic.Uintptr
	u.Store(3)
	i.Add(-1)
	u64t.Add(10)
	upt.Store(2)
	fmt.Println(u.Load(), i.Load(), u64t.Load(), upt.Load(), u.And(1), u64t.Or(1), u64t.Load())

	// The unsafe.Pointer functions keep going to sync/atomic.
	var raw unsafe.Pointer
	atomic.StorePointer(&raw, unsafe.Pointer(&str))
	fmt.Println(*(*string)(atomic.LoadPointer(&raw)))
}
