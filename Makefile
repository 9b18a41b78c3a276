# Liaison. Two commands matter: `make run` starts the app, `make test` runs every check
# CI runs (.ci/run calls exactly that). Both first install what they need and is missing
# (.ci/deps.sh: Debian packages through apt-get, with sudo when you are not root; ical.js
# through npm). Run make as yourself, not under sudo: sudo's PATH usually has no `go`.

GO       ?= go
TAGS     ?= ci
FUZZTIME ?= 20s
BIN      ?= liaison
ARGS     ?=

# Steps run one after another, in the order written, even under make -j.
.NOTPARALLEL:
.DEFAULT_GOAL := build
.PHONY: go-check deps-build deps-test run build test self-contained fmt-check vet unit build-gl fuzz bench clean

## Dependencies

go-check: # fail at once, saying why, when there is no Go (as under `sudo make`)
	@command -v $(GO) >/dev/null || { echo "make: '$(GO)' is not on PATH ($$PATH). Install Go 1.26 or newer, and run make as yourself, not with sudo (.ci/deps.sh calls sudo itself)." >&2; exit 1; }

deps-build: ## C toolchain and X11/OpenGL headers for Fyne's cgo build
	@bash .ci/deps.sh build

deps-test: ## deps-build, plus Xvfb, ImageMagick, poppler, libical, python icalendar, Radicale, Node + ical.js
	@bash .ci/deps.sh test

## The app

run: go-check deps-build ## start Liaison (make run ARGS='...' passes arguments)
	$(GO) run ./cmd/liaison $(ARGS)

build: go-check deps-build ## build ./liaison
	$(GO) build -o $(BIN) ./cmd/liaison

## Checks

test: go-check deps-test self-contained fmt-check vet unit build-gl fuzz ## everything CI checks

self-contained: # a plain clone must test on its own: no test reads outside the repository
	@out=$$(grep -rnE '\.\./shared|"shared", *"testdata"|/work/' --include='*.go' --exclude-dir=node_modules . || true); \
	if [ -n "$$out" ]; then echo "these files read outside the repository (copy what they need into testdata):"; echo "$$out"; exit 1; fi

fmt-check: ## fail on files gofmt would change
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then \
		echo "gofmt: these files are not formatted (gofmt -w them):"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

# Under xvfb-run when there is no display, so a test may open a real window. With CI
# set (the default here), a test whose outside tool is missing fails instead of skipping.
unit:
	@if [ -z "$${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then \
		set -- xvfb-run -a -s "-screen 0 1280x800x24"; fi; \
	set -x; CI=$${CI:-true} "$$@" $(GO) test -tags $(TAGS) -count=1 ./...

# The tests build with the ci tag, which never compiles the real OpenGL app: build it too.
build-gl: ## build ./cmd/liaison as users get it (cgo, OpenGL), without keeping the binary
	@echo "build-gl: $(GO) build ./cmd/liaison without the $(TAGS) tag (the first time compiles GLFW: minutes)"
	@nice $(GO) build -o /dev/null ./cmd/liaison

fuzz: ## fuzz every Fuzz target for FUZZTIME each
	@GO='$(GO)' TAGS='$(TAGS)' FUZZTIME='$(FUZZTIME)' bash .ci/fuzz.sh

bench: go-check deps-test ## benchmarks, with allocations
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN)
