//go:build !unix

package testtool

import "time"

// CPUTime is not measured here: the CPU metric reads 0.
func CPUTime() time.Duration { return 0 }
