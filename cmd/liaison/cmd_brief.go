package main

// briefCommands print meeting briefs.
func briefCommands() []*command { return nil }
