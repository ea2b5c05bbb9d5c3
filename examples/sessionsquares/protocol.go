package sessionsquares

// The protocol, from the client's side: a loop (Rec) in which the client
// either sends a number and receives its square, then loops (Var[Z]), or
// ends.
//
//go:generate go run github.com/fearlessgo/fearless/cmd/sessiongen -o squares_session.go -client Client -server Server "Rec[Choose[Send[int, Recv[int, Var[Z]]], End]]"
