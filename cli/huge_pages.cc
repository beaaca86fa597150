#include "cli/huge_pages.h"

#ifdef DT_MIMALLOC
#include <mimalloc.h>
#endif

namespace dt {

void prefer_huge_pages() {
#ifdef DT_MIMALLOC
  mi_option_enable(mi_option_large_os_pages);
#endif
}

}  // namespace dt
