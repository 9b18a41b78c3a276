# Liaison. Two commands matter: `make run` starts the app, `make test` runs every check
# CI runs (.ci/run calls exactly that). Both first install what they need and is missing
# (.ci/deps.sh: Debian packages through apt-get, as root; ical.js through npm).

GO       ?= go
TAGS     ?= ci
FUZZTIME ?= 20s
BIN      ?= liaison
ARGS     ?=

# Whether the module has any package yet: on an empty tree go vet and go test fail
# with "matched no packages". -e lists broken packages too, so a package that does not
# compile is never skipped; vet and test are still given ./...
NOPKGS = [ -z "$$($(GO) list -e ./... 2>/dev/null)" ]

# Steps run one after another, in the order written, even under make -j.
.NOTPARALLEL:
.DEFAULT_GOAL := build
.PHONY: deps-build deps-test run build test fmt-check vet unit fuzz bench clean

## Dependencies

deps-build: ## C toolchain and X11/OpenGL headers for Fyne's cgo build
	@bash .ci/deps.sh build

deps-test: ## deps-build, plus Xvfb, ImageMagick, poppler, libical, python icalendar, Radicale, Node + ical.js
	@bash .ci/deps.sh test

## The app

run: deps-build ## start Liaison (make run ARGS='...' passes arguments)
	$(GO) run ./cmd/liaison $(ARGS)

build: deps-build ## build ./liaison
	$(GO) build -o $(BIN) ./cmd/liaison

## Checks

test: deps-test fmt-check vet unit fuzz ## everything CI checks

fmt-check: ## fail on files gofmt would change
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then \
		echo "gofmt: these files are not formatted (gofmt -w them):"; echo "$$out"; exit 1; fi

vet:
	@if $(NOPKGS); then echo "vet: no Go packages yet"; exit 0; fi; \
	set -x; $(GO) vet -tags $(TAGS) ./...

# Under xvfb-run when there is no display, so a test may open a real window.
unit:
	@if $(NOPKGS); then echo "test: no Go packages yet"; exit 0; fi; \
	if [ -z "$${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then \
		set -- xvfb-run -a -s "-screen 0 1280x800x24"; fi; \
	set -x; "$$@" $(GO) test -tags $(TAGS) -count=1 ./...

fuzz: ## fuzz every Fuzz target for FUZZTIME each
	@GO='$(GO)' TAGS='$(TAGS)' FUZZTIME='$(FUZZTIME)' bash .ci/fuzz.sh

bench: deps-test ## benchmarks, with allocations
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN)
