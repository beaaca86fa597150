#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build: $CC, $CXX, $CXXFLAGS (sanitizers and
# -fsanitize=fuzzer-no-link) and $LIB_FUZZING_ENGINE come from the base image.
cmake -S "$SRC/dynamo-testbed" -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DDT_BUILD_FUZZERS=ON -DDT_BUILD_TESTS=OFF -DDT_BUILD_BENCH=OFF \
  -DDT_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" -DDT_FUZZ_SANITIZERS=""
targets="fuzz_differential fuzz_schedule_json fuzz_history_json fuzz_trace_json fuzz_config_json"
# shellcheck disable=SC2086
cmake --build build -j "$(nproc)" --target $targets
for target in $targets; do
  name=${target#fuzz_}
  cp "build/fuzz/$target" "$OUT/"
  # Seed corpus and dictionary next to each target, named the way the runner expects.
  if [ -d "fuzz/corpus/$name" ]; then
    (cd "fuzz/corpus/$name" && zip -q -r "$OUT/${target}_seed_corpus.zip" .)
  fi
  if [ -f "fuzz/dict/$name.dict" ]; then
    cp "fuzz/dict/$name.dict" "$OUT/$target.dict"
  fi
done
