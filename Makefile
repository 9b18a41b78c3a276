# Liaison. Two commands matter: `make run` starts the app, `make test` runs every check
# CI runs (.ci/run calls exactly that). Both first install what they need and is missing
# (.ci/deps.sh: Debian packages through apt-get, with sudo when you are not root; ical.js
# through npm). Run make as yourself, not under sudo: sudo's PATH usually has no `go`.

GO       ?= go
TAGS     ?= ci
FUZZTIME ?= 20s
BIN      ?= liaison
ARGS     ?=
PREFIX   ?= /usr/local

# What the binary calls itself (liaison --version, Help → About): git describe, and the commit.
VERSION := $(shell bash .ci/version.sh version 2>/dev/null)
COMMIT  := $(shell bash .ci/version.sh commit 2>/dev/null)
LDFLAGS  = -X main.version=$(VERSION) -X main.commit=$(COMMIT)

# Steps run one after another, in the order written, even under make -j.
.NOTPARALLEL:
.DEFAULT_GOAL := build
.PHONY: go-check deps-build deps-test deps-dist deps-dist-check run build test self-contained fmt-check vet unit build-gl fuzz bench \
	dist dist-check install uninstall clean

## Dependencies

go-check: # fail at once, saying why, when there is no Go (as under `sudo make`)
	@command -v $(GO) >/dev/null || { echo "make: '$(GO)' is not on PATH ($$PATH). Install Go 1.26 or newer, and run make as yourself, not with sudo (.ci/deps.sh calls sudo itself)." >&2; exit 1; }

deps-build: ## C toolchain and X11/OpenGL headers for Fyne's cgo build
	@bash .ci/deps.sh build

deps-test: ## deps-build, plus Xvfb, ImageMagick, poppler, libical, python icalendar, Radicale, Node + ical.js
	@bash .ci/deps.sh test

deps-dist: ## deps-build, plus the MinGW-w64 cross compiler, ImageMagick, xz, zip
	@bash .ci/deps.sh dist

deps-dist-check: ## deps-dist, plus Wine, Xvfb, poppler, jq, appstream, desktop-file-utils
	@bash .ci/deps.sh dist-check

## The app

run: go-check deps-build ## start Liaison (make run ARGS='...' passes arguments)
	$(GO) run ./cmd/liaison $(ARGS)

build: go-check deps-build ## build ./liaison
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/liaison

## Release files

dist: go-check deps-dist ## dist/liaison-VERSION-{windows-amd64.zip,linux-amd64.tar.xz} and dist/SHA256SUMS
	@GO='$(GO)' bash .ci/dist.sh

dist-check: deps-dist-check ## check what make dist wrote: validators, install, and the Windows build under Wine
	@bash .ci/dist-check.sh

install: go-check deps-dist ## install under PREFIX (default /usr/local): binary, desktop entry, icons, metainfo
	@GO='$(GO)' bash .ci/dist.sh stage dist/stage
	@PREFIX='$(PREFIX)' sh dist/stage/install.sh

uninstall: ## remove what make install put under PREFIX (your database is kept)
	@PREFIX='$(PREFIX)' sh assets/linux/install.sh --uninstall

## Checks

# dist builds ./cmd/liaison without the ci tag (the real OpenGL app, which the tests never
# compile) and cross-builds liaison.exe; dist-check runs it under Wine beside the Linux build.
test: go-check deps-test self-contained fmt-check vet unit dist dist-check fuzz ## everything CI checks

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
	@nice $(GO) build -trimpath -o /dev/null ./cmd/liaison

fuzz: ## fuzz every Fuzz target for FUZZTIME each
	@GO='$(GO)' TAGS='$(TAGS)' FUZZTIME='$(FUZZTIME)' bash .ci/fuzz.sh

bench: go-check deps-test ## benchmarks, with allocations
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf $(BIN) dist
