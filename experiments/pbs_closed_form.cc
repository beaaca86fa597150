#include "experiments/pbs_closed_form.h"

#include "core/assert.h"

namespace dt {

long double binomial(uint32_t n, uint32_t k) {
  DT_ASSERT(n <= 60, "binomial beyond n = 60");
  if (k > n) return 0;
  if (k > n - k) k = n - k;
  // Multiplicative form: every prefix product is an integer, and while it stays
  // below 2^64 (n <= 60) a 64-bit long double mantissa keeps it exact.
  long double result = 1;
  for (uint32_t i = 1; i <= k; ++i) result = result * (n - k + i) / i;
  return result;
}

double pbs_stale_probability(uint32_t replicas_n, uint32_t read_quorum_r,
                             uint32_t write_quorum_w) {
  DT_ASSERT(replicas_n >= 1 && replicas_n <= 60, "N out of 1..60");
  DT_ASSERT(read_quorum_r >= 1 && read_quorum_r <= replicas_n, "R out of 1..N");
  DT_ASSERT(write_quorum_w >= 1 && write_quorum_w <= replicas_n, "W out of 1..N");
  const long double stale =
      binomial(replicas_n - write_quorum_w, read_quorum_r) / binomial(replicas_n, read_quorum_r);
  DT_ASSERT(stale >= 0 && stale <= 1, "probability out of [0, 1]");
  return static_cast<double>(stale);
}

}  // namespace dt
