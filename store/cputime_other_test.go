//go:build !unix

package store

import "time"

// cpuTime is not measured here: the CPU metric reads 0.
func cpuTime() time.Duration { return 0 }

func cpuSince(time.Duration) time.Duration { return 0 }
