# Sourced by fuzz-smoke.sh and sanitizer-tests.sh: configures the one clang
# tree both use (ASan + UBSan, libraries instrumented for libFuzzer's
# coverage), with one set of flags so that neither script's configure makes
# the other rebuild everything. Tests are on (the fuzz smoke builds only its
# targets, so they cost nothing there).
# configure_sanitizer_tree SOURCE_ROOT BUILD_DIR CXX
configure_sanitizer_tree() {
  local root=$1 build_dir=$2 cxx=$3
  export CCACHE_BASEDIR="$root"  # reuse the cache from any checkout
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
    -DDT_BUILD_FUZZERS=ON -DDT_BUILD_TESTS=ON -DDT_BUILD_BENCH=OFF >/dev/null
}
