# Thin wrapper around CMake. `make run` and `make test` install what is missing first.
BUILD    ?= build
SANITIZE ?= 0
WERROR   ?= 0
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE   := fixtures/dinh-cao-cchc-6-thang-2023.txt

DEB_PACKAGES := build-essential cmake pkg-config liblua5.4-dev libpcre2-dev libxml2-dev libzip-dev \
                libutf8proc-dev libjansson-dev libcsv-dev libhunspell-dev hunspell-vi libcmocka-dev python3-jsonschema chromium strace

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
	rm -rf docs/rules
	$(BUILD)/rasoat docs docs/rules

golden: build
	$(BUILD)/rasoat check --format json $(SAMPLE) > tests/golden/sample.json; test $$? -le 1

clean:
	rm -rf $(BUILD)

# libFuzzer targets (tests/fuzz/): each runs FUZZ_SECONDS from seeds built
# out of fixtures/; a crash, timeout or leak is saved under
# tests/fuzz/crashes/<target>/ (commit it with the fix: the fuzz_regressions
# unit test replays every file there in the ordinary build).
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build-fuzz
FUZZ_TARGETS ?= txt docx odt html csv xlsx facts
fuzz:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(DEB_PACKAGES) clang"
	@CC=clang cmake -S . -B $(FUZZ_BUILD) -DRS_FUZZ=ON -DRS_WERROR=$(if $(filter 1,$(WERROR)),ON,OFF) >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	python3 tests/fuzz/seeds.py . $(FUZZ_BUILD)/corpus
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  mkdir -p tests/fuzz/crashes/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=tests/fuzz/crashes/$$t/ $(FUZZ_BUILD)/corpus/$$t \
	    2> $(FUZZ_BUILD)/fuzz-$$t.log || failed="$$failed $$t"; \
	  grep -E '^stat::number_of_executed_units|^SUMMARY' $(FUZZ_BUILD)/fuzz-$$t.log; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: crashes in$$failed: see tests/fuzz/crashes/ and $(FUZZ_BUILD)/fuzz-*.log" >&2; exit 1; fi; \
	echo "fuzz: no crash"

# Benchmarks against textlint (bench/run.sh --quick for a smoke run; BENCH_ARGS are passed on).
bench: build
	RASOAT=$(BUILD)/rasoat bench/run.sh $(BENCH_ARGS)
