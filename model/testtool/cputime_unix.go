//go:build unix

package testtool

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time the process has used (user and system). On a
// shared machine a benchmark's wall time also counts the time other
// processes held the cores, so benchmarks report the CPU time per
// operation too: CPUTime() after the loop minus CPUTime() before it.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
