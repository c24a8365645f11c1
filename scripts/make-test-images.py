#!/usr/bin/env python3
"""Regenerates the image fixtures of the tests (Tests/GazetteCoreTests/Fixtures/images/).

- camera.jpg: 1600 x 1200 pixels as stored, with an EXIF block that says "rotate 90° to show"
  (orientation 6), names a camera ("SecretCam X100") and holds GPS coordinates: what a
  phone writes. Shown, it is 1200 x 1600; none of its metadata may reach the site.
- small.png: 300 x 200, narrower than any variant width: it must never be enlarged.

The pixels come from libvips' command line (Debian's libvips-tools); the EXIF block is
written here, by hand, since no tool on this machine writes GPS tags.
"""
import os
import struct
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "GazetteCoreTests", "Fixtures", "images")


def tiff_exif():
    """A little-endian TIFF block: IFD0 with Make, Model, Orientation and a GPS IFD pointer."""
    make, model = b"SecretCam\0", b"SecretCam X100\0"
    entries0 = 4
    ifd0 = 8
    ifd0_size = 2 + entries0 * 12 + 4
    data = ifd0 + ifd0_size
    make_at, model_at = data, data + len(make)
    gps_at = model_at + len(model)
    gps_entries = 4
    gps_size = 2 + gps_entries * 12 + 4
    rationals_at = gps_at + gps_size
    out = bytearray(b"II*\0" + struct.pack("<I", ifd0))
    out += struct.pack("<H", entries0)
    out += struct.pack("<HHII", 0x010F, 2, len(make), make_at)       # Make
    out += struct.pack("<HHII", 0x0110, 2, len(model), model_at)     # Model
    out += struct.pack("<HHIHH", 0x0112, 3, 1, 6, 0)                 # Orientation: 6
    out += struct.pack("<HHII", 0x8825, 4, 1, gps_at)                # GPS IFD
    out += struct.pack("<I", 0)
    out += make + model
    lat_at, lon_at = rationals_at, rationals_at + 24
    out += struct.pack("<H", gps_entries)
    out += struct.pack("<HHI4s", 0x0001, 2, 2, b"N\0\0\0")           # GPSLatitudeRef
    out += struct.pack("<HHII", 0x0002, 5, 3, lat_at)                # GPSLatitude
    out += struct.pack("<HHI4s", 0x0003, 2, 2, b"E\0\0\0")           # GPSLongitudeRef
    out += struct.pack("<HHII", 0x0004, 5, 3, lon_at)                # GPSLongitude
    out += struct.pack("<I", 0)
    out += struct.pack("<6I", 37, 1, 33, 1, 4417, 100)               # 37° 33' 44.17"
    out += struct.pack("<6I", 126, 1, 58, 1, 4691, 100)              # 126° 58' 46.91"
    return bytes(out)


def with_exif(jpeg):
    payload = b"Exif\0\0" + tiff_exif()
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + segment + jpeg[2:]


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        plain = os.path.join(work, "plain.jpg")
        # A horizontal gradient with a bright band on the left edge, so a test can tell
        # which way the pixels were turned.
        subprocess.run(["vips", "xyz", os.path.join(work, "xyz.v"), "1600", "1200"], check=True)
        subprocess.run(["vips", "extract_band", os.path.join(work, "xyz.v"), os.path.join(work, "x.v"), "0"], check=True)
        subprocess.run(["vips", "linear", os.path.join(work, "x.v"), os.path.join(work, "g.v"), "0.15", "10"], check=True)
        subprocess.run(["vips", "cast", os.path.join(work, "g.v"), os.path.join(work, "c.v"), "uchar"], check=True)
        subprocess.run(["vips", "bandjoin", f"{work}/c.v {work}/c.v {work}/c.v", os.path.join(work, "rgb.v")], check=True)
        subprocess.run(["vips", "colourspace", os.path.join(work, "rgb.v"), os.path.join(work, "srgb.v"), "srgb"], check=True)
        subprocess.run(["vips", "jpegsave", os.path.join(work, "srgb.v"), plain, "--Q", "70", "--strip"], check=True)
        with open(plain, "rb") as f:
            jpeg = f.read()
        with open(os.path.join(OUT, "camera.jpg"), "wb") as f:
            f.write(with_exif(jpeg))
        subprocess.run(["vips", "thumbnail", plain, os.path.join(OUT, "small.png[strip]"), "300", "--height", "200",
                        "--crop", "centre"], check=True)


if __name__ == "__main__":
    main()
