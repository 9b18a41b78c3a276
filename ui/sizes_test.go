package ui

import "fyne.io/fyne/v2"

func fyneSize(w, h float32) fyne.Size { return fyne.NewSize(w, h) }
