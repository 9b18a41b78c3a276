//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// liaison.exe is linked as a GUI program (-H windowsgui), so that starting
// the app from the Start menu or Explorer opens no console window. Windows
// then gives it no console, and what a command prints would be lost: so
// when it was started from one (cmd.exe, PowerShell), it attaches to that
// console and writes there. Standard handles that already lead somewhere
// (redirected to a file or a pipe) are kept as they are.
func init() {
	attachParentConsole()
}

func attachParentConsole() {
	in, out, errh := stdHandle(windows.STD_INPUT_HANDLE), stdHandle(windows.STD_OUTPUT_HANDLE), stdHandle(windows.STD_ERROR_HANDLE)
	if in && out && errh {
		return
	}
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if proc.Find() != nil {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := proc.Call(attachParentProcess); r == 0 {
		return // started from Explorer: no console to attach to
	}
	if !out {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !errh {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
	if !in {
		if f, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
			os.Stdin = f
		}
	}
}

// stdHandle says whether the standard handle leads somewhere.
func stdHandle(which uint32) bool {
	h, err := windows.GetStdHandle(which)
	return err == nil && h != 0 && h != windows.InvalidHandle
}
