package gort

// The modelled channel operations. They run in the goroutine that has the
// explorer's turn, after its switch point, and follow Go's rules: a value
// goes to a waiting receiver first, else to the buffer, else the sender
// waits; a receive takes from the buffer first (letting a waiting sender
// in), else from a waiting sender, else waits; close wakes everyone.

func (c *chanState) send(v any) {
	if c.closed {
		panic(runtimeError("send on closed channel"))
	}
	if w := c.recvq.Pop(); w != nil {
		w.Value, w.OK = v, true
		w.Wake()
		return
	}
	if len(c.buf) < c.cap {
		c.buf = append(c.buf, v)
		return
	}
	w := NewWaiter()
	w.Value = v
	c.sendq.Push(w)
	w.ParkHandedOver()
	if w.Closed {
		panic(runtimeError("send on closed channel"))
	}
}

// canSend reports whether a send would not block (or would panic at once).
func (c *chanState) canSend() bool {
	return c.closed || c.recvq.Peek() != nil || len(c.buf) < c.cap
}

// canRecv reports whether a receive would not block.
func (c *chanState) canRecv() bool {
	return len(c.buf) > 0 || c.sendq.Peek() != nil || c.closed
}

func (c *chanState) recv() (any, bool) {
	if len(c.buf) > 0 {
		v := c.buf[0]
		c.buf = c.buf[1:]
		if w := c.sendq.Pop(); w != nil {
			c.buf = append(c.buf, w.Value)
			w.Wake()
		}
		return v, true
	}
	if w := c.sendq.Pop(); w != nil {
		v := w.Value
		w.Wake()
		return v, true
	}
	if c.closed {
		return nil, false
	}
	w := NewWaiter()
	c.recvq.Push(w)
	w.ParkHandedOver()
	return w.Value, w.OK
}

func (c *chanState) close() {
	if c.closed {
		panic(runtimeError("close of closed channel"))
	}
	c.closed = true
	for w := c.recvq.Pop(); w != nil; w = c.recvq.Pop() {
		w.Value, w.OK, w.Closed = nil, false, true
		w.Wake()
	}
	for w := c.sendq.Pop(); w != nil; w = c.sendq.Pop() {
		w.Closed = true
		w.Wake()
	}
}
