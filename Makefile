# Thin wrapper around CMake. `make run` and `make test` install what is missing first.
BUILD    ?= build
SANITIZE ?= 0
WERROR   ?= 0
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE   := fixtures/dinh-cao-cchc-6-thang-2023.txt

DEB_PACKAGES := build-essential cmake pkg-config liblua5.4-dev libpcre2-dev libxml2-dev libzip-dev \
                libutf8proc-dev libjansson-dev libcsv-dev libhunspell-dev hunspell-vi libcmocka-dev python3-jsonschema chromium

CMAKE_FLAGS := -DRS_WERROR=$(if $(filter 1,$(WERROR)),ON,OFF) -DRS_SANITIZE=$(if $(filter 1,$(SANITIZE)),ON,OFF)

.PHONY: all deps build run test clean docs bench fuzz golden

all: build

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all Debian packages present"; exit 0; fi; \
	echo "deps: installing$$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else \
	  echo "deps: cannot install$$missing: run as root or install them with apt-get" >&2; exit 1; fi; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$SUDO apt-get install -y -q $$missing >/dev/null 2>&1 || { $$SUDO apt-get update -q >/dev/null 2>&1; \
	  $$SUDO apt-get install -y -q $$missing; } || { echo "deps: apt-get could not install$$missing" >&2; exit 1; }

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@$(BUILD)/rasoat check $(SAMPLE); rc=$$?; \
	if [ $$rc -ge 2 ]; then echo "rasoat failed (exit $$rc)" >&2; exit $$rc; fi

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

docs: build
	$(BUILD)/rasoat docs docs/rules

golden: build
	$(BUILD)/rasoat check --format json $(SAMPLE) > tests/golden/sample.json; test $$? -le 1

clean:
	rm -rf $(BUILD)
