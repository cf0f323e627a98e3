# SyncDeck front door: `make run` and `make test`. Everything else is CMake presets.
# Recipes use bash for pipefail.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec

DEBIAN_PACKAGES := build-essential cmake ninja-build pkg-config qt6-base-dev qt6-base-dev-tools \
  libqt6opengl6-dev libgl-dev libxkbcommon-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev \
  qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev libssl-dev xvfb xauth fonts-dejavu-core \
  dpkg-dev rpm lintian appstream desktop-file-utils clang libclang-rt-14-dev libqt6sql6-sqlite

PRESET ?= dev
CI_PRESET ?= ci
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test test-only bench fuzz fuzz-smoke format format-check tidy package clean

all: build

# Installs only what is missing; a no-op (one dpkg-query) when everything is there.
deps:
	@missing=$$(dpkg-query -W -f='$${db:Status-Abbrev} $${Package}\n' $(DEBIAN_PACKAGES) 2>/dev/null \
	    | awk '$$1 == "ii" { print $$2 }' | sort > .deps-installed.tmp; \
	    for p in $(DEBIAN_PACKAGES); do grep -qxF "$$p" .deps-installed.tmp || echo "$$p"; done); \
	rm -f .deps-installed.tmp; \
	if [ -n "$$missing" ]; then \
	    echo "Installing missing Debian packages:" $$missing; \
	    $(SUDO) apt-get update -qq; \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@if [ -f tests/package-lock.json ] && ! command -v npm >/dev/null; then \
	    echo "npm not found: the AWS SDK conformance tests and JS benchmarks will be skipped"; \
	elif [ -f tests/package-lock.json ]; then \
	    if [ ! -f tests/node_modules/.package-lock.json ] || ! cmp -s tests/package-lock.json tests/node_modules/.syncdeck-lock; then \
	        echo "Installing test tools with npm ci (tests/package.json)"; \
	        (cd tests && npm ci --no-audit --no-fund --loglevel=error) && cp tests/package-lock.json tests/node_modules/.syncdeck-lock; \
	    fi; \
	fi

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j $(JOBS)

# Builds only the window (not every test) before opening it.
run: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j $(JOBS) --target syncdeck
	./build/$(PRESET)/app/gui/syncdeck --demo

# CI: sanitizers on, warnings are errors, every test, a short run of every fuzz target, then the
# formatting check.
test: deps
	cmake --preset $(CI_PRESET)
	cmake --build --preset $(CI_PRESET) -j $(JOBS)
	$(MAKE) test-only PRESET=$(CI_PRESET)
	$(MAKE) fuzz-smoke
	cmake --build --preset $(CI_PRESET) --target format-check

# Benchmarks are measurements, not pass/fail tests: `make bench` runs them (release build).
test-only:
	ctest --preset $(PRESET) -j $(JOBS) --label-exclude bench

bench: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)
	ctest --preset release --label-regex bench --verbose

# libFuzzer targets (clang, ASan + UBSan; README, Fuzzing): each runs FUZZ_SECONDS on its seeds
# and prints executions and coverage. New inputs stay in build/fuzz/fuzz-corpus, crashes go to
# build/fuzz/fuzz-artifacts. FUZZ_TARGETS picks some, FUZZ_JOBS runs that many at a time.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_JOBS ?= 1
FUZZ_TARGETS ?=
# Stop each target after this many executions, if before FUZZ_SECONDS (empty: no limit).
FUZZ_RUNS ?=
fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)
	tests/fuzz/run-fuzzers.sh --jobs $(FUZZ_JOBS) $(if $(FUZZ_RUNS),--runs $(FUZZ_RUNS)) build/fuzz \
		$(FUZZ_SECONDS) $(FUZZ_TARGETS)

# What `make test` runs: every seed and regression input, then FUZZ_SMOKE_SECONDS of fuzzing per
# target, JOBS targets at a time; any crash or broken invariant fails.
fuzz-smoke: deps
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)
	tests/fuzz/run-fuzzers.sh --smoke --jobs $(JOBS) build/fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

format:
	cmake --build --preset $(PRESET) --target format

format-check:
	cmake --build --preset $(PRESET) --target format-check

# clang-tidy with the project's .clang-tidy; it needs a built tree (generated .moc includes).
tidy: build
	cmake --build --preset $(PRESET) --target tidy

# Installers from a release build with Debian's hardening flags (its own tree, without tests),
# then the checks distributions run: lintian, desktop-file-validate, appstreamcli (--no-net).
# The tree is built from scratch every time, as distributions do, so what ships never depends on
# what an earlier build left behind.
PACKAGE_DIR := build/package
HARDENING := DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get
package: deps
	rm -rf $(PACKAGE_DIR)
	cmake --preset release -B $(PACKAGE_DIR) -DSYNCDECK_BUILD_TESTS=OFF \
	    -DCMAKE_CXX_FLAGS="$$($(HARDENING) CPPFLAGS) $$($(HARDENING) CXXFLAGS)" \
	    -DCMAKE_EXE_LINKER_FLAGS="$$($(HARDENING) LDFLAGS)"
	cmake --build $(PACKAGE_DIR) -j $(JOBS)
	cd $(PACKAGE_DIR) && cpack
	packaging/check-packages.sh $(PACKAGE_DIR)

clean:
	rm -rf build
