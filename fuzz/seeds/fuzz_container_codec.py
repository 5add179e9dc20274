#!/usr/bin/python3
"""Writes the seeds of fuzz_container_codec into fuzz/seeds/fuzz_container_codec/.

Each seed is a worker's reply as src/decode/container_codec.cc spells it
(LRD1: little-endian integers of fixed width, strings as a 64-bit length and
their bytes), or a request (LRQ1), built from the repository's own texts:
  pdf-sample.bin        the sample report's opening as PDF paragraphs with
                        page marks, OCR marks on one, and a table with spans
  pdf-tabs.bin          the open-government fixture as a PDF reader lays it
                        out (table rows as tab-separated lines)
  html-title.bin        an HTML reading: encoding, BOM, a page-title line
  error-encrypted.bin   the reader's refusal (kEncrypted)
  request.bin           a request for the worker (format, path, options,
                        bytes)
Run it again when the codec's form changes (its tag then changes too).
"""

import pathlib
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "fuzz" / "seeds" / "fuzz_container_codec"

# include/lawreport/status.h, ErrorCode
K_ENCRYPTED = 11
# include/lawreport/decode.h, InputFormat
K_PDF = 4


def u8(value):
    return struct.pack("<B", value)


def u64(value):
    return struct.pack("<Q", value)


def i64(value):
    return struct.pack("<q", value)


def string(value):
    data = value.encode("utf-8") if isinstance(value, str) else value
    return u64(len(data)) + data


def paragraph(text, pages=(), ocr=(), page_title=False):
    out = u8(0) + string(text) + u8(1 if page_title else 0)
    out += u64(len(pages)) + b"".join(u64(o) + i64(p) for o, p in pages)
    out += u64(len(ocr)) + b"".join(u64(o) + i64(c) for o, c in ocr)
    return out


def table(rows):
    out = u8(1) + u64(len(rows))
    for row in rows:
        out += u64(len(row))
        for text, row_span, column_span in row:
            out += string(text) + i64(row_span) + i64(column_span)
    return out


def reading(blocks, encoding="", bom=False, ocr_pages=0):
    return (b"LRD1" + u8(0) + string(encoding) + u8(1 if bom else 0) +
            i64(ocr_pages) + u64(len(blocks)) + b"".join(blocks))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    sample = (ROOT / "data" / "samples" / "rongan-2023.txt").read_text("utf-8")
    lines = [line for line in sample.splitlines() if line.strip()][:40]
    blocks = []
    for number, line in enumerate(lines):
        pages = [(0, 1 + number // 10)]
        ocr = [(0, 91), (len(line.encode()) // 2, 47)] if number == 3 else []
        blocks.append(paragraph(line, pages, ocr))
    blocks.append(table([
        [("信息内容", 1, 1), ("本年制发件数", 1, 2)],
        [("规章", 2, 1), ("0", 1, 1), ("5", 1, 1)],
        [("规范性文件", 1, 1), ("12", 1, 1)],
    ]))
    (OUT / "pdf-sample.bin").write_bytes(reading(blocks, ocr_pages=1))

    tabs = (ROOT / "tests" / "fixtures" / "formats" /
            "open-gov-tables.tabs.txt").read_text("utf-8")
    text = "\n".join(tabs.splitlines()[:60])
    (OUT / "pdf-tabs.bin").write_bytes(
        reading([paragraph(text, [(0, 1), (len(text.encode()) // 2, 2)])]))

    (OUT / "html-title.bin").write_bytes(reading([
        paragraph("融安县2023年法治政府建设年度报告", page_title=True),
        paragraph("一、总体情况"),
        paragraph("收到行政复议申请31件，其中受理27件，不受理4件。"),
    ], encoding="GB18030", bom=True))

    (OUT / "error-encrypted.bin").write_bytes(
        b"LRD1" + u8(1) + u64(K_ENCRYPTED) +
        string("the PDF is encrypted and needs a password"))

    # EncodeContainerRequest, field by field.
    (OUT / "request.bin").write_bytes(
        b"LRQ1" + u8(K_PDF) + string("报告.pdf") + string("") + u8(1) +
        u64(64 << 20) + u64(64 << 20) + u64(10000) + i64(2000) +
        u64(16 << 20) + u8(0) + u8(0) + i64(300) + u64(40000000) + i64(1) +
        string(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))


if __name__ == "__main__":
    main()
