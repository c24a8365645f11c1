#include "gazette_images.h"
#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>

// libvips is opened when a site first has an image, not linked: it and the 120 libraries it
// brings cost a process some 30 MB of memory before it does anything, which a build of an
// archive without photos should not pay. Its C API passes options as variadic arguments,
// which Swift cannot call, hence these wrappers. The declarations below are libvips 8's
// (Debian's libvips42); the numbers are its enums' values, from its headers.

typedef struct _VipsImage VipsImage;
typedef struct _VipsSource VipsSource;
typedef int gboolean;
typedef unsigned long GType;

enum { VIPS_SIZE_DOWN = 2, VIPS_FOREIGN_HEIF_COMPRESSION_AV1 = 4, VIPS_FAIL_ON_TRUNCATED = 1 };
#define VIPS_MAX_COORD (10000000)
#define TRUE 1

static struct {
    int (*init)(const char *argv0);
    void (*concurrency_set)(int concurrency);
    void (*cache_set_max)(int max);
    const char *(*foreign_find_load)(const char *filename);
    VipsImage *(*image_new_from_file)(const char *name, ...);
    int (*image_get_width)(const VipsImage *image);
    int (*image_get_height)(const VipsImage *image);
    gboolean (*image_get_orientation_swap)(VipsImage *image);
    char **(*image_get_fields)(VipsImage *image);
    GType (*image_get_typeof)(const VipsImage *image, const char *name);
    gboolean (*image_remove)(VipsImage *image, const char *name);
    VipsImage *(*image_copy_memory)(VipsImage *image);
    VipsSource *(*source_new_from_file)(const char *filename);
    int (*thumbnail_source)(VipsSource *source, VipsImage **out, int width, ...);
    int (*thumbnail_image)(VipsImage *in, VipsImage **out, int width, ...);
    int (*jpegsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*webpsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*pngsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*heifsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    const char *(*error_buffer)(void);
    void (*error_clear)(void);
    void (*object_unref)(void *object);
    void (*free)(void *memory);
    void (*strfreev)(char **list);
} vips;

static int started = -1;
static char start_error[256] = "";

static void start(void) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_GLOBAL);
    if (!library) {
        snprintf(start_error, sizeof start_error, "%s", dlerror());
        return;
    }
#define FIND(field, name) \
    if (!(*(void **)&vips.field = dlsym(library, name))) { \
        snprintf(start_error, sizeof start_error, "libvips has no %s", name); \
        return; \
    }
    FIND(init, "vips_init")
    FIND(concurrency_set, "vips_concurrency_set")
    FIND(cache_set_max, "vips_cache_set_max")
    FIND(foreign_find_load, "vips_foreign_find_load")
    FIND(image_new_from_file, "vips_image_new_from_file")
    FIND(image_get_width, "vips_image_get_width")
    FIND(image_get_height, "vips_image_get_height")
    FIND(image_get_orientation_swap, "vips_image_get_orientation_swap")
    FIND(image_get_fields, "vips_image_get_fields")
    FIND(image_get_typeof, "vips_image_get_typeof")
    FIND(image_remove, "vips_image_remove")
    FIND(image_copy_memory, "vips_image_copy_memory")
    FIND(source_new_from_file, "vips_source_new_from_file")
    FIND(thumbnail_source, "vips_thumbnail_source")
    FIND(thumbnail_image, "vips_thumbnail_image")
    FIND(jpegsave_buffer, "vips_jpegsave_buffer")
    FIND(webpsave_buffer, "vips_webpsave_buffer")
    FIND(pngsave_buffer, "vips_pngsave_buffer")
    FIND(heifsave_buffer, "vips_heifsave_buffer")
    FIND(error_buffer, "vips_error_buffer")
    FIND(error_clear, "vips_error_clear")
    FIND(object_unref, "g_object_unref")
    FIND(free, "g_free")
    FIND(strfreev, "g_strfreev")
#undef FIND
    if (vips.init("gazette")) {
        snprintf(start_error, sizeof start_error, "libvips did not start");
        return;
    }
    // One worker per image (the build runs one image per core) and no operation cache
    // (each image is read once).
    vips.concurrency_set(1);
    vips.cache_set_max(0);
    // libvips runs threads of its own, and glibc gives threads heaps of their own (up to
    // eight per core), each keeping the freed buffers of the images it decoded: at two
    // heaps, a build of 20 photos peaked at 118 MB instead of 152.
    mallopt(M_ARENA_MAX, 2);
    started = 0;
}

int gazette_images_start(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, start);
    return started;
}

const char *gazette_images_start_error(void) { return start_error; }

int gazette_image_probe(const char *path, int *width, int *height, char *loader, size_t loader_size) {
    const char *name = vips.foreign_find_load(path);
    if (!name) return -1;
    VipsImage *image = vips.image_new_from_file(path, NULL);
    if (!image) return -1;
    int swap = vips.image_get_orientation_swap(image);
    *width = swap ? vips.image_get_height(image) : vips.image_get_width(image);
    *height = swap ? vips.image_get_width(image) : vips.image_get_height(image);
    snprintf(loader, loader_size, "%s", name);
    vips.object_unref(image);
    return 0;
}

// Removes every metadata field (EXIF, XMP, IPTC, the ICC profile, comments) from an image
// held in memory. The encoders' own "strip" option is not enough: libvips 8.14's WebP
// encoder writes the EXIF block all the same, camera name and all.
static void strip_metadata(VipsImage *image) {
    char **fields = vips.image_get_fields(image);
    for (int i = 0; fields[i]; i++) {
        // Header fields (width, bands...) are not metadata and cannot be removed anyway.
        if (vips.image_get_typeof(image, fields[i]) != 0) vips.image_remove(image, fields[i]);
    }
    vips.strfreev(fields);
}

void *gazette_image_load(const char *path, int width) {
    VipsImage *shrunk = NULL;
    // Thumbnailing streams the file and shrinks while decoding (JPEG at 1/2, 1/4, 1/8), so
    // memory follows the output's size, not the original's. From a source rather than a
    // file name: only that form takes loader options, and a truncated file must fail.
    VipsSource *source = vips.source_new_from_file(path);
    if (!source) return NULL;
    // Colours are turned into sRGB, what browsers assume, so the ICC profile can go too.
    int failed = vips.thumbnail_source(source, &shrunk, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                       "export_profile", "srgb", "option_string", "fail_on=truncated", NULL);
    vips.object_unref(source);
    if (failed) return NULL;
    VipsImage *memory = vips.image_copy_memory(shrunk);
    vips.object_unref(shrunk);
    if (memory) strip_metadata(memory);
    return memory;
}

void *gazette_image_shrink(void *image, int width) {
    VipsImage *out = NULL;
    if (vips.thumbnail_image((VipsImage *)image, &out, width, "height", VIPS_MAX_COORD,
                             "size", VIPS_SIZE_DOWN, NULL)) return NULL;
    VipsImage *memory = vips.image_copy_memory(out);
    vips.object_unref(out);
    return memory;
}

int gazette_image_width(void *image) { return vips.image_get_width((VipsImage *)image); }
int gazette_image_height(void *image) { return vips.image_get_height((VipsImage *)image); }

int gazette_image_save(void *image, int format, int quality, void **buffer, size_t *length) {
    VipsImage *in = (VipsImage *)image;
    switch (format) {
    case GAZETTE_JPEG:
        return vips.jpegsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE,
                                    "optimize_coding", TRUE, "interlace", TRUE, NULL);
    case GAZETTE_WEBP:
        return vips.webpsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, NULL);
    case GAZETTE_PNG:
        return vips.pngsave_buffer(in, buffer, length, "strip", TRUE, NULL);
    case GAZETTE_AVIF:
        return vips.heifsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE,
                                    "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, NULL);
    default:
        return -1;
    }
}

void gazette_image_free(void *image) { if (image) vips.object_unref(image); }
void gazette_image_free_buffer(void *buffer) { vips.free(buffer); }

void gazette_images_error(char *out, size_t size) {
    snprintf(out, size, "%s", vips.error_buffer());
    vips.error_clear();
}
