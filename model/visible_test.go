package model

import "testing"

func TestVisibleTo(t *testing.T) {
	c := fixtureCatalog()
	for _, tc := range []struct {
		conf         Confidentiality
		convener, to int64
		want         bool
	}{
		{Internal, orgINTERPOL, 0, true}, // ourselves
		{Internal, orgINTERPOL, orgIOM, false},
		{PartiesOnly, orgINTERPOL, orgIOM, true},
		{PartiesOnly, orgIOM, orgIOM, true},
		{PartiesOnly, orgIOM, orgUNODC, false}, // IOM and UNODC share no agreement
		{Public, orgIOM, orgUNODC, true},
	} {
		if got := VisibleTo(c, tc.conf, tc.convener, tc.to); got != tc.want {
			t.Errorf("%s by %d to %d: %v, want %v", tc.conf, tc.convener, tc.to, got, tc.want)
		}
	}
}
