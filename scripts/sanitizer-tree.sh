# Sourced by fuzz-smoke.sh and sanitizer-tests.sh: configures the one clang
# tree both use (ASan + UBSan, libraries instrumented for libFuzzer's
# coverage), with one set of flags so that neither script's configure makes
# the other rebuild everything. Tests are on (the fuzz smoke builds only its
# targets, so they cost nothing there).
#
# Unity build (16 sources per compiler run): under ASan and UBSan at -O2 a
# compiler run spends most of its time generating code for the templates
# its sources share (gtest, rapidcheck, nlohmann::json, std::variant), so
# batching cut this tree's cold build from 1,001 s to 466 s on two
# cores. It asks one thing of the code: two sources of one library or test
# binary never define the same file-local name (an anonymous-namespace
# function, constant or type). A clash stops this build with "redefinition"
# or "ambiguous"; give the name a file-specific spelling. The Release tree
# (./test.sh) compiles each source alone, as written.
# configure_sanitizer_tree SOURCE_ROOT BUILD_DIR CXX
configure_sanitizer_tree() {
  local root=$1 build_dir=$2 cxx=$3
  export CCACHE_BASEDIR="$root"  # reuse the cache from any checkout
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
    -DDT_BUILD_FUZZERS=ON -DDT_BUILD_TESTS=ON -DDT_BUILD_BENCH=OFF \
    -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
}
