#!/usr/bin/env python3
"""report_html_png.py: does a screenshot of report.html show the verdict table?

Decodes the PNG with the standard library alone (zlib, struct: no PIL), counts the pixels of
the PASS cells' exact background (#0fa86e, report.c's CSS, used nowhere else on the page) in
the top ROWS rows, and requires a block of them: at least MIN_PIXELS, spanning at least
MIN_HEIGHT rows (one cell per PASS row, stacked).

Usage: report_html_png.py SHOT.png ROWS MIN_PIXELS MIN_HEIGHT   (exit 0: shown, 1: not)
"""
import struct
import sys
import zlib

PASS = (0x0F, 0xA8, 0x6E)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def rows_of(path, max_rows):
    """The first max_rows rows of an 8-bit RGB or RGBA PNG, as (bytes per pixel, rows)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, ctype = 8, [], 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError("not 8-bit RGB(A), non-interlaced: depth %d type %d" % (depth, ctype))
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    bpp = 3 if ctype == 2 else 4
    stride = width * bpp
    raw = zlib.decompressobj().decompress(b"".join(idat), (stride + 1) * min(height, max_rows))
    prev = bytearray(stride)
    out = []
    for r in range(min(height, max_rows, len(raw) // (stride + 1))):
        ftype = raw[r * (stride + 1)]
        line = bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            line = bytearray((x + y) & 0xFF for x, y in zip(line, prev))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], up_left)) & 0xFF
        elif ftype != 0:
            raise ValueError("bad filter %d in row %d" % (ftype, r))
        out.append(bytes(line))
        prev = line
    return bpp, out


def main():
    path, max_rows, min_pixels, min_height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    bpp, rows = rows_of(path, max_rows)
    want = bytes(PASS)
    count, first, last = 0, None, None
    for y, line in enumerate(rows):
        n = sum(1 for i in range(0, len(line), bpp) if line[i:i + 3] == want)
        if n:
            count += n
            first = y if first is None else first
            last = y
    height = 0 if first is None else last - first + 1
    print("%d pixels of #0fa86e in rows %s-%s (%d rows) of the top %d" %
          (count, first, last, height, len(rows)))
    return 0 if count >= min_pixels and height >= min_height else 1


if __name__ == "__main__":
    sys.exit(main())
