# offprint — build, demo, tests and validators.
GO      ?= go
GOFMT   ?= gofmt
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man/man1
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
BIN     := bin/offprint

.PHONY: all build man demo lint test check bench fuzz install clean

all: build

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/offprint

## man: the manual page, generated from the flag definitions
man: build
	$(BIN) --man > bin/offprint.1

## demo: export the embedded sample article to ./out/ and print the paths
demo: build
	$(BIN) --force -v -o out

## lint: fail when go.mod/go.sum are not tidy, a file is not gofmt-formatted or go vet reports anything
lint:
	$(GO) mod tidy -diff
	@out=$$($(GOFMT) -l .); if [ -n "$$out" ]; then echo "gofmt -l: these files need gofmt:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## test: the whole test suite (validator tests skip locally when a tool is missing, fail under CI=1)
test:
	$(GO) test ./...

## check: run epubcheck, qpdf, pdftotext and pdffonts on the outputs of every corpus file
check: build
	./scripts/check.sh $(BIN)

## bench: Go benchmarks of internal/convert, then offprint vs pandoc as a README table (BENCHFLAGS=--quick|--no-go|--no-pandoc|--keep)
bench:
	GO='$(GO)' ./scripts/bench.sh $(BENCHFLAGS)

## fuzz: run every fuzz target for FUZZTIME each (default 1m)
FUZZTIME ?= 1m
fuzz:
	GO='$(GO)' FUZZTIME='$(FUZZTIME)' ./scripts/fuzz.sh

install: build man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/offprint
	install -m 0644 bin/offprint.1 $(DESTDIR)$(MANDIR)/offprint.1

clean:
	rm -rf bin out
