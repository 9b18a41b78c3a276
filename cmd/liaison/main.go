// Command liaison is the protocol office's planner for observer invitations
// (Article 2) and consultations (Article 8) under cooperation agreements.
//
// With no subcommand it starts the desktop app on the default database;
// with one, it runs that task from the command line (see liaison help).
package main

import (
	"context"
	"os"
	"os/signal"

	_ "time/tzdata" // zones must not depend on the machine's tz database

	_ "github.com/liaison-app/liaison/cmd/liaison/internal/locale" // before Fyne reads the locale
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
