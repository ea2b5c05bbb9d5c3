package sessionlinear

import "github.com/fearlessgo/fearless/session"

type (
	end    = session.End
	answer = session.Recv[int, end, end]
	ask    = session.Send[int, end, end]
	// Client sends an int and receives its square.
	Client = session.Send[int, answer, ask]
	Server = session.Recv[int, ask, answer]
	// Adder sends numbers until it chooses to stop.
	more   = session.Send[int, session.Var[session.Z], session.Var[session.Z]]
	Adder  = session.Rec[session.Choose[more, end, more, end], session.Choose[more, end, more, end]]
	Picker = session.Offer[answer, end, ask, end]
	Top    = session.Top
)

func serve(c session.Chan[Top, Server]) {
	n, s2 := session.Take(c)
	session.Close(session.Put(s2, n*n))
}
