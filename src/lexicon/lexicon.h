// Vocabulary files from data/lexicon/, compiled into the binary.
//
// Each file is UTF-8 TSV: "#" starts a comment line, blank lines are skipped,
// the first non-comment line names the columns. A row is read by column name,
// so adding a column never breaks a reader.
//
//   for (const TsvRow& row : ReadTsv("outline_markers.tsv"))
//   row.Get("pattern");
#ifndef LAWREPORT_LEXICON_LEXICON_H_
#define LAWREPORT_LEXICON_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

namespace lawreport::lexicon {

// The embedded bytes of data/lexicon/NAME; aborts if NAME was not embedded,
// which is a build error, not an input error.
std::string_view EmbeddedFile(std::string_view name);

class TsvRow {
 public:
  TsvRow(const std::vector<std::string>* columns,
         std::vector<std::string> fields, int line)
      : columns_(columns), fields_(std::move(fields)), line_(line) {}
  // The field under `column`, or "" when the row is short or the column absent.
  std::string_view Get(std::string_view column) const;
  int line() const { return line_; }

 private:
  const std::vector<std::string>* columns_;
  std::vector<std::string> fields_;
  int line_;
};

class Tsv {
 public:
  // The first non-comment line names the columns.
  explicit Tsv(std::string_view content);
  // No header line: every row is data under these column names.
  Tsv(std::string_view content, std::vector<std::string> columns);
  // Rows point at columns_: a Tsv stays where it was built.
  Tsv(const Tsv&) = delete;
  Tsv& operator=(const Tsv&) = delete;
  const std::vector<TsvRow>& rows() const { return rows_; }
  auto begin() const { return rows_.begin(); }
  auto end() const { return rows_.end(); }

 private:
  std::vector<std::string> columns_;
  std::vector<TsvRow> rows_;
};

// Parses an embedded file; the result lives for the whole program.
const Tsv& ReadTsv(std::string_view name);

// A vocabulary file that does not say what its reader needs is a mistake in
// the build, not in the input: it is reported and the program stops, which
// every test run catches.
[[noreturn]] void BadLexicon(std::string_view file, int line,
                             std::string_view problem);

}  // namespace lawreport::lexicon

#endif  // LAWREPORT_LEXICON_LEXICON_H_
