// CSV for spreadsheets (--excel): the writers' records rewritten so Excel and
// LibreOffice Calc keep each field as the text it is. Why each form:
//   ="3.10"   a field that would be read as a number or date and change
//             (a section id 3.10 shown as 3.1, 1月5日 turned into a date,
//             an 18-digit code rounded to 15 digits). Excel evaluates the
//             formula to the text 3.10 on opening a .csv and shows no extra
//             character; Calc does when it evaluates formulas on import,
//             and otherwise shows the formula, still text.
//   '=1+2     a text starting with = + - @ tab or CR, which a spreadsheet
//             would run as a formula (CSV injection): the apostrophe OWASP
//             recommends: text in every reader, though some show it.
//   43601     a number that reads back as the same text stays a number, so
//             values can be summed.
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/write.h"
#include "write/csv_field.h"

namespace lawreport {
namespace {

using write_internal::AppendCsvField;

// Columns that name things rather than measure them: kept as text even when
// they look like numbers ("1.2" is section 1.2, not one point two).
bool IsIdentifierColumn(std::string_view name) {
  return name == "section" || name == "key";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "43601", "99.74", "-3.5", "0.05": a spreadsheet reads it as a number and
// shows the same text back. Not "3.10", "007", "-0", "1E5" or more than 15
// significant digits (Excel keeps 15).
bool IsPlainNumber(std::string_view field) {
  std::string_view rest = field;
  if (!rest.empty() && rest.front() == '-') rest.remove_prefix(1);
  const std::size_t dot = rest.find('.');
  const std::string_view whole = rest.substr(0, dot);
  if (whole.empty() || (whole.size() > 1 && whole.front() == '0')) return false;
  for (const char c : whole)
    if (!IsDigit(c)) return false;
  std::size_t significant = whole == "0" ? 0 : whole.size();
  if (dot != std::string_view::npos) {
    const std::string_view fraction = rest.substr(dot + 1);
    if (fraction.empty() || fraction.back() == '0') return false;
    bool leading = whole == "0";
    for (const char c : fraction) {
      if (!IsDigit(c)) return false;
      if (c != '0') leading = false;
      if (!leading) ++significant;
    }
  } else if (field.front() == '-' && whole == "0") {
    return false;
  }
  return significant <= 15;
}

// Digits with the punctuation and CJK date words a spreadsheet parses as a
// number, percentage, currency, time or date: "3.10", "1/2", "2023-01-05",
// "12:30", "(5)", "1,234", "50%", "1E5", "2023年1月", "1月5日".
bool LooksNumeric(std::string_view field) {
  static constexpr std::string_view kDateWords[] = {"年", "月", "日",
                                                    "时", "分", "秒"};
  bool digit = false;
  std::size_t i = 0;
  while (i < field.size()) {
    const char c = field[i];
    if (IsDigit(c)) {
      digit = true;
      ++i;
      continue;
    }
    if (std::string_view(".,-+/:%()eE$ ").find(c) != std::string_view::npos) {
      ++i;
      continue;
    }
    bool word = false;
    for (const std::string_view date_word : kDateWords) {
      if (field.substr(i, date_word.size()) == date_word) {
        i += date_word.size();
        word = true;
        break;
      }
    }
    if (!word) return false;
  }
  return digit;
}

bool StartsLikeFormula(std::string_view field) {
  return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) !=
                               std::string_view::npos;
}

// Excel's limit on a string constant inside a formula.
constexpr std::size_t kFormulaStringLimit = 255;

std::string AsTextFormula(std::string_view field) {
  std::string formula = "=\"";
  for (const char c : field) {
    if (c == '"') formula.push_back('"');
    formula.push_back(c);
  }
  return formula + "\"";
}

std::string ForSpreadsheet(std::string_view field, bool identifier) {
  if (field.empty()) return std::string();
  const bool numeric = LooksNumeric(field);
  if (numeric && !(IsPlainNumber(field) && !identifier) &&
      field.size() <= kFormulaStringLimit)
    return AsTextFormula(field);
  if (IsPlainNumber(field)) return std::string(field);
  if (StartsLikeFormula(field) || numeric) return "'" + std::string(field);
  return std::string(field);
}

// Calls on_field(column, text) for each field and on_end() after each record
// of RFC 4180 text (quoted fields may hold commas, quotes and line breaks).
template <typename OnField, typename OnEnd>
void ParseCsv(std::string_view csv, OnField on_field, OnEnd on_end) {
  std::size_t i = 0;
  std::size_t column = 0;
  while (i < csv.size()) {
    std::string field;
    if (csv[i] == '"') {
      ++i;
      while (i < csv.size()) {
        if (csv[i] == '"') {
          if (i + 1 < csv.size() && csv[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(csv[i++]);
      }
    }
    while (i < csv.size() && csv[i] != ',' && csv[i] != '\r' && csv[i] != '\n')
      field.push_back(csv[i++]);
    on_field(column, field);
    if (i < csv.size() && csv[i] == ',') {
      ++i;
      ++column;
      if (i == csv.size()) {  // "a," with no line end: a last empty field
        on_field(column, std::string());
        on_end();
      }
      continue;
    }
    if (i < csv.size() && csv[i] == '\r') ++i;
    if (i < csv.size() && csv[i] == '\n') ++i;
    on_end();
    column = 0;
  }
}

}  // namespace

std::string ExcelSafeCsv(std::string_view records, std::string_view header) {
  std::vector<bool> identifier;
  bool header_done = false;
  ParseCsv(
      header,
      [&](std::size_t column, const std::string& name) {
        if (header_done) return;
        if (identifier.size() <= column) identifier.resize(column + 1);
        identifier[column] = IsIdentifierColumn(name);
      },
      [&] { header_done = true; });

  std::string out;
  out.reserve(records.size() + records.size() / 8);
  std::string row;
  bool first = true;
  ParseCsv(
      records,
      [&](std::size_t column, const std::string& field) {
        const bool is_identifier =
            column < identifier.size() && identifier[column];
        // AppendCsvField puts a comma before every field but a row's first;
        // an empty first field needs one too, so rows are built explicitly.
        if (!first) row.push_back(',');
        first = false;
        std::string quoted;
        AppendCsvField(quoted, ForSpreadsheet(field, is_identifier));
        row += quoted;
      },
      [&] {
        out += row;
        out += "\r\n";
        row.clear();
        first = true;
      });
  return out;
}

}  // namespace lawreport
