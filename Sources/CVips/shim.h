// libvips (Debian's libvips-dev): image decoding, resizing and encoding. Its C API passes
// options as variadic arguments, which Swift cannot call, so CGazetteImages wraps the calls.
#include <vips/vips.h>
