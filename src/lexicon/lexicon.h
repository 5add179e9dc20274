// Vocabulary files from data/lexicon/, compiled into the binary.
//
// Each file is UTF-8 TSV: "#" starts a comment line, blank lines are skipped,
// the first non-comment line names the columns. A row is read by column name,
// so adding a column never breaks a reader; reading a column the file does
// not have aborts. data/schemas.tsv declares every file's columns.
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

class Tsv;

class TsvRow {
 public:
  TsvRow(const Tsv* table, std::vector<std::string> fields, int line)
      : table_(table), fields_(std::move(fields)), line_(line) {}
  // The field under `column`, or "" when the row ends before it. A column
  // the header does not name is a programming error (a typo such as
  // Get("not_befor") would otherwise read "" and silently change what is
  // found): it is reported with the file and column name and the program
  // aborts, which the first test that reads the file catches.
  std::string_view Get(std::string_view column) const;
  // The same, but "" when the header does not name `column`: for files a
  // user writes (accept files), whose optional columns may be left out.
  std::string_view GetOptional(std::string_view column) const;
  int line() const { return line_; }

 private:
  // The field at `index`, or "" when the row ends before it or index < 0.
  std::string_view Field(int index) const;

  const Tsv* table_;
  std::vector<std::string> fields_;
  int line_;
};

class Tsv {
 public:
  // `name` says where the content comes from in error messages (the data
  // file, or "accept file"). The first non-comment line names the columns.
  Tsv(std::string name, std::string_view content);
  // No header line: every row is data under these column names.
  Tsv(std::string name, std::string_view content,
      std::vector<std::string> columns);
  // Rows point at this table: a Tsv stays where it was built.
  Tsv(const Tsv&) = delete;
  Tsv& operator=(const Tsv&) = delete;
  const std::string& name() const { return name_; }
  const std::vector<std::string>& columns() const { return columns_; }
  // The line of the header (0 when the columns were given).
  int header_line() const { return header_line_; }
  // The position of `column` in the header, or -1.
  int ColumnIndex(std::string_view column) const;
  const std::vector<TsvRow>& rows() const { return rows_; }
  auto begin() const { return rows_.begin(); }
  auto end() const { return rows_.end(); }

 private:
  std::string name_;
  std::vector<std::string> columns_;
  int header_line_ = 0;
  std::vector<TsvRow> rows_;
};

// Parses an embedded file; the result lives for the whole program. Its
// header must list the columns data/schemas.tsv declares for it, in order
// (the build checks every row against the schema; this catches a file
// embedded without one): otherwise BadLexicon.
const Tsv& ReadTsv(std::string_view name);

// A vocabulary file that does not say what its reader needs is a mistake in
// the build, not in the input: it is reported and the program stops, which
// every test run catches.
[[noreturn]] void BadLexicon(std::string_view file, int line,
                             std::string_view problem);

}  // namespace lawreport::lexicon

#endif  // LAWREPORT_LEXICON_LEXICON_H_
