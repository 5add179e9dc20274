// Tables written as plain text: rows of tab-separated cells (copied from a
// browser), markdown pipe rows (converted documents) and columns aligned
// with runs of spaces (pdftotext -layout, copy-paste from a PDF). Internal
// to decode; each table found becomes a Table of the Text whose cells are
// stretches of their row's line, so `lawreport text` and every line number
// stay those of the file. Everything after decode sees one table model.
//
//   "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"
//   "规章\t0\t0\t0"
//   "行政规范性文件\t77\t132\t470"
//   → Table{rows=3, columns=4}: 规章 at (1,0), 77 at (2,1) …
//
//   "三、本年度办理结果\t（一）予以公开\t22\t0\t…"
//   "（二）部分公开…\t19\t1\t…"
//   → the second row's missing first cell is the first row's 三、本年度办理结果
//     spanning down (a browser copy drops row spans): a row label with a
//     deeper outline marker than the one above it stays under it.
//
// A row needs at least two cells; a space-aligned row also needs a cell
// that is a bare number or three cells, so prose with a double space is not
// a table. Lines between rows that are not rows themselves (a row label
// wrapped over two lines, a caption, a vertical label) belong to the table
// and are never headings; a numbers-only row takes the wrapped text lines
// just above it as its row label.
#ifndef LAWREPORT_DECODE_TEXT_TABLES_H_
#define LAWREPORT_DECODE_TEXT_TABLES_H_

#include "lawreport/text.h"

namespace lawreport::decode_internal {

// Adds the tables written in `text`'s lines (outside tables it already has).
void FindTextTables(Text& text);

}  // namespace lawreport::decode_internal

#endif  // LAWREPORT_DECODE_TEXT_TABLES_H_
