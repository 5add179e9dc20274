// Straightening a scanned page fed askew, before its tables are looked for.
// Internal to the OCR module; links Leptonica (Tesseract's image library).
//
// A sheet fed 0.5° askew turns its lines and rules: a table's rule across a
// 300 dpi page then climbs some 20 pixel rows, and the rule finder
// (scanned_tables.h), which looks for long thin runs along rows and columns,
// misses it. Leptonica measures the angle on the page's text lines and rules
// and turns the page back:
//
//   a page turned 0.5°: a rule's middle 600 pixels on 6 rows
//   Straighten(page)    → on 2 (tests/unit/decode/straighten_test.cc)
//
// A page that is straight, or whose angle cannot be measured (a blank page),
// comes back as it was.
#ifndef LAWREPORT_DECODE_STRAIGHTEN_H_
#define LAWREPORT_DECODE_STRAIGHTEN_H_

#include "decode/scanned_tables.h"

namespace lawreport::decode_internal {

GrayImage Straighten(GrayImage image);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_STRAIGHTEN_H_
