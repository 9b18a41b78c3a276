package main

// commands lists every subcommand; each group lives in a file of its own.
func commands() []*command {
	var all []*command
	for _, group := range [][]*command{
		setupCommands(), meetingCommands(), obligationCommands(), invitationCommands(),
		focalPointCommands(), consultationCommands(), exchangeCommands(), briefCommands(),
		restoreCommands(), syncCommands(),
	} {
		all = append(all, group...)
	}
	return all
}
