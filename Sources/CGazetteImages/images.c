#include "gazette_images.h"
#include <string.h>
#include <vips/vips.h>

int gazette_images_start(void) {
    if (VIPS_INIT("gazette")) return -1;
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    return 0;
}

int gazette_image_probe(const char *path, int *width, int *height, char *loader, size_t loader_size) {
    const char *name = vips_foreign_find_load(path);
    if (!name) return -1;
    VipsImage *image = vips_image_new_from_file(path, NULL);
    if (!image) return -1;
    int swap = vips_image_get_orientation_swap(image);
    *width = swap ? vips_image_get_height(image) : vips_image_get_width(image);
    *height = swap ? vips_image_get_width(image) : vips_image_get_height(image);
    g_strlcpy(loader, name, loader_size);
    g_object_unref(image);
    return 0;
}

// Removes every metadata field (EXIF, XMP, IPTC, the ICC profile, comments) from an image
// held in memory. The encoders' own "strip" option is not enough: libvips 8.14's WebP
// encoder writes the EXIF block all the same, camera name and all.
static void strip_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (int i = 0; fields[i]; i++) {
        // Header fields (width, bands...) are not metadata and cannot be removed anyway.
        if (vips_image_get_typeof(image, fields[i]) != 0) vips_image_remove(image, fields[i]);
    }
    g_strfreev(fields);
}

void *gazette_image_load(const char *path, int width) {
    VipsImage *shrunk = NULL;
    // Thumbnailing streams the file and shrinks while decoding (JPEG at 1/2, 1/4, 1/8), so
    // memory follows the output's size, not the original's. From a source rather than a
    // file name: only that form takes loader options, and a truncated file must fail.
    VipsSource *source = vips_source_new_from_file(path);
    if (!source) return NULL;
    // Colours are turned into sRGB, what browsers assume, so the ICC profile can go too.
    int failed = vips_thumbnail_source(source, &shrunk, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                       "export_profile", "srgb", "option_string", "fail_on=truncated", NULL);
    g_object_unref(source);
    if (failed) return NULL;
    VipsImage *memory = vips_image_copy_memory(shrunk);
    g_object_unref(shrunk);
    if (memory) strip_metadata(memory);
    return memory;
}

void *gazette_image_shrink(void *image, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image((VipsImage *)image, &out, width, "height", VIPS_MAX_COORD,
                             "size", VIPS_SIZE_DOWN, NULL)) return NULL;
    VipsImage *memory = vips_image_copy_memory(out);
    g_object_unref(out);
    return memory;
}

int gazette_image_width(void *image) { return vips_image_get_width((VipsImage *)image); }
int gazette_image_height(void *image) { return vips_image_get_height((VipsImage *)image); }

int gazette_image_save(void *image, int format, int quality, void **buffer, size_t *length) {
    VipsImage *in = (VipsImage *)image;
    switch (format) {
    case GAZETTE_JPEG:
        return vips_jpegsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE,
                                    "optimize_coding", TRUE, "interlace", TRUE, NULL);
    case GAZETTE_WEBP:
        return vips_webpsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, NULL);
    case GAZETTE_PNG:
        return vips_pngsave_buffer(in, buffer, length, "strip", TRUE, NULL);
    case GAZETTE_AVIF:
        return vips_heifsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE,
                                    "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, NULL);
    default:
        return -1;
    }
}

void gazette_image_free(void *image) { if (image) g_object_unref((VipsImage *)image); }
void gazette_image_free_buffer(void *buffer) { g_free(buffer); }

void gazette_images_error(char *out, size_t size) {
    g_strlcpy(out, vips_error_buffer(), size);
    vips_error_clear();
}
