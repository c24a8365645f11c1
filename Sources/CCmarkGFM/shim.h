// The two public headers of Debian's libcmark-gfm-dev: the core parser and renderer,
// and the GFM extensions (table, strikethrough, autolink, tagfilter, tasklist).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
