// libxml2's HTML parser (Debian's libxml2-dev), for reading saved article pages.
// Debian builds libxml2 with ICU, whose headers clash with the copy inside Swift's
// Foundation; nothing Gazette calls depends on it, so its include is switched off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
