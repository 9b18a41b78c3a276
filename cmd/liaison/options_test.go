package main

import (
	"flag"
	"testing"
)

// Every command declares its flags on its own options struct, and --db
// once, in one place: building each command's flag set must not panic on a
// flag defined twice, and a flag given on the command line must reach the
// struct the command runs with.
func TestEveryCommandBindsItsFlagsOnce(t *testing.T) {
	for _, cmd := range commands() {
		c, run := newCall(cmd)
		if run == nil {
			t.Errorf("%s: no runner", cmd.name)
		}
		dbs := 0
		c.fs.VisitAll(func(f *flag.Flag) {
			if f.Name == "db" {
				dbs++
			}
		})
		if dbs != 1 {
			t.Errorf("%s: --db declared %d times", cmd.name, dbs)
		}
	}
}

func TestOptionsReceiveTheParsedFlags(t *testing.T) {
	var got *meetingOptions
	cmd := &command{name: "probe", setup: withOptions(func(e *env, c *call, o *meetingOptions) error { got = o; return nil })}
	c, run := newCall(cmd)
	if _, err := parseInterleaved(c.fs, []string{"7", "--title", "Heads of NCB", "--area", "Border security", "--area", "Cybercrime", "--igos-invited", "--db", "x.db"}); err != nil {
		t.Fatal(err)
	}
	if err := run(&env{}, c); err != nil {
		t.Fatal(err)
	}
	if got.Title != "Heads of NCB" || !got.IGOsInvited || len(got.Areas) != 2 || got.Areas[1] != "Cybercrime" || c.db != "x.db" {
		t.Errorf("options not bound: %+v db=%q", got, c.db)
	}
}
