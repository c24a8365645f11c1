#ifndef GAZETTE_IMAGES_H
#define GAZETTE_IMAGES_H

#include <stddef.h>

/// Fixed-argument wrappers of the libvips calls Gazette makes: libvips passes options as
/// variadic arguments, which Swift cannot call.

/// Opens and starts libvips once per process (later calls return the first's result).
/// 0 on success; otherwise gazette_images_start_error() says why.
int gazette_images_start(void);
const char *gazette_images_start_error(void);

/// The image's size as displayed (after its EXIF orientation) and its loader's name, read
/// from the header without decoding pixels. 0 on success.
int gazette_image_probe(const char *path, int *width, int *height, char *loader, size_t loader_size);

/// Decodes the image, shrunk to `width` pixels wide (never enlarged), its orientation
/// applied, into memory; truncated or corrupt files fail. Returns an opaque image or NULL.
void *gazette_image_load(const char *path, int width);

/// A copy of `image` shrunk to `width` pixels wide. NULL on failure.
void *gazette_image_shrink(void *image, int width);

int gazette_image_width(void *image);
int gazette_image_height(void *image);

enum { GAZETTE_JPEG = 0, GAZETTE_WEBP = 1, GAZETTE_PNG = 2, GAZETTE_AVIF = 3 };

/// Encodes `image` with every piece of metadata (EXIF, GPS, XMP, IPTC, ICC) stripped.
/// The buffer is the caller's to release with gazette_image_free_buffer. 0 on success.
int gazette_image_save(void *image, int format, int quality, void **buffer, size_t *length);

void gazette_image_free(void *image);
void gazette_image_free_buffer(void *buffer);

/// Copies libvips' last error message into `out` (and clears it).
void gazette_images_error(char *out, size_t size);

#endif
