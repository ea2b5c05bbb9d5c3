package session_test

import (
	"testing"

	"github.com/fearlessgo/fearless/mpsc"
	"github.com/fearlessgo/fearless/session"
)

// BenchmarkRoundTrip measures one request and its answer between two
// goroutines: the squares protocol (choose "ask", send n, receive n*n,
// loop) against the same exchange written with Go's channels (a request
// channel closed to stop, an answer channel) and with package mpsc.
func BenchmarkRoundTrip(b *testing.B) {
	b.Run("impl=session", func(b *testing.B) {
		c, s := session.New[Squares, SquaresDual]()
		done := spawn(func() any { return serveSquares(s) })
		loop := session.Enter(c)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			sq, next := session.Take(session.Put(session.Left(loop), i))
			if sq != i*i {
				b.Fatal(sq)
			}
			loop = session.Zero(next)
		}
		session.Close(session.Right(loop))
		<-done
	})
	b.Run("impl=gochan", func(b *testing.B) {
		req, resp := make(chan int), make(chan int)
		done := spawn(func() any {
			for n := range req {
				resp <- n * n
			}
			return nil
		})
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			req <- i
			if sq := <-resp; sq != i*i {
				b.Fatal(sq)
			}
		}
		close(req)
		<-done
	})
	b.Run("impl=mpsc", func(b *testing.B) {
		reqTx, reqRx := mpsc.Channel[int]()
		respTx, respRx := mpsc.Channel[int]()
		done := spawn(func() any {
			for n := range reqRx.Iter() {
				respTx.Send(n * n)
			}
			respTx.Close()
			return nil
		})
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			reqTx.Send(i)
			if sq, _ := respRx.Recv(); sq != i*i {
				b.Fatal(sq)
			}
		}
		reqTx.Close()
		<-done
	})
}

// BenchmarkSession measures a whole one-shot session: New, one value each
// way, Close on both sides, against making two Go channels for the same
// exchange. The server runs in a goroutine that lives across iterations.
func BenchmarkSession(b *testing.B) {
	type ping = session.Send[int, OneShotDual, OneShot]
	type pong = session.Recv[int, OneShot, OneShotDual]
	b.Run("impl=session", func(b *testing.B) {
		servers := make(chan session.Chan[session.Top, pong])
		done := spawn(func() any {
			for s := range servers {
				n, s2 := session.Take(s)
				session.Close(session.Put(s2, n+1))
			}
			return nil
		})
		for i := 0; i < b.N; i++ {
			c, s := session.New[ping]()
			servers <- s
			n, end := session.Take(session.Put(c, i))
			session.Close(end)
			if n != i+1 {
				b.Fatal(n)
			}
		}
		close(servers)
		<-done
	})
	b.Run("impl=gochan", func(b *testing.B) {
		type pair struct{ req, resp chan int }
		servers := make(chan pair)
		done := spawn(func() any {
			for p := range servers {
				p.resp <- <-p.req + 1
			}
			return nil
		})
		for i := 0; i < b.N; i++ {
			p := pair{make(chan int), make(chan int)}
			servers <- p
			p.req <- i
			if n := <-p.resp; n != i+1 {
				b.Fatal(n)
			}
		}
		close(servers)
		<-done
	})
}
