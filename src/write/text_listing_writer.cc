// `lawreport extract --format text`: the indicators as an aligned listing
// for a terminal (include/lawreport/view.h).
//
//   line  label              value           role/period   canonical
//     61  收到行政复议申请   31 件           actual 2023
//     reconsideration.received
// Columns are aligned by display width (a Chinese character takes two
// columns); when the terminal is narrower than the rows, labels are cut
// with "…" first, then each row at the terminal's edge.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/view.h"
#include "util/terminal.h"

namespace lawreport {
namespace {

// The code point at `i` and its length in bytes; invalid bytes count as one
// narrow character.
char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t& length) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (c < 0x80 || c < 0xC0 || i + length > text.size()) {
    length = 1;
    return c;
  }
  char32_t cp = length == 2   ? (c & 0x1F)
                : length == 3 ? (c & 0x0F)
                              : (c & 0x07);
  for (std::size_t k = 1; k < length; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

// East Asian wide and full-width characters take two terminal columns.
int CharWidth(char32_t cp) {
  if (cp >= 0x1100 &&
      (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)))
    return 2;
  return 1;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    width += CharWidth(DecodeAt(text, i, length));
    i += length;
  }
  return width;
}

// `text` cut to at most `width` columns, ending in "…" when cut.
std::string Fit(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const int w = CharWidth(DecodeAt(text, i, length));
    if (used + w > width - 1) break;
    out.append(text.substr(i, length));
    used += w;
    i += length;
  }
  return out + "…";
}

std::string Pad(const std::string& text, int width, bool right = false) {
  const int gap = std::max(0, width - DisplayWidth(text));
  return right ? std::string(static_cast<std::size_t>(gap), ' ') + text
               : text + std::string(static_cast<std::size_t>(gap), ' ');
}

// Report text is hostile: no control character reaches the terminal, and a
// tab or line break inside a label would break the columns.
std::string Clean(std::string text) {
  NeutralizeControls(text);
  std::replace(text.begin(), text.end(), '\t', ' ');
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

const char* QualifierMark(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kMoreThan:
      return " (more than)";
    case Qualifier::kApprox:
      return " (about)";
    case Qualifier::kLessThan:
      return " (less than)";
    case Qualifier::kNone:
      return "";
  }
  return "";
}

struct Row {
  std::string line, label, value, stance, canonical;
  bool target = false;
};

}  // namespace

std::string WriteIndicatorsText(const Report& report,
                                const TextListingOptions& options) {
  std::vector<Row> rows;
  rows.push_back({"line", "label", "value", "role/period", "canonical"});
  for (const Indicator& indicator : report.indicators) {
    Row row;
    row.line = std::to_string(indicator.line);
    row.label = Clean(indicator.label.empty() ? "—" : indicator.label);
    row.value = indicator.direction == Direction::kDown ? "−" : "";
    if (indicator.direction == Direction::kUp) row.value = "+";
    row.value += indicator.value.ToString();
    if (indicator.upper) row.value += "–" + indicator.upper->ToString();
    if (!indicator.unit.empty()) row.value += " " + Clean(indicator.unit);
    row.value += QualifierMark(indicator.qualifier);
    row.stance = RoleName(indicator.role);
    const Period& period = indicator.period;
    if (period.from && period.to && *period.from != *period.to) {
      row.stance +=
          " " + std::to_string(*period.from) + "–" + std::to_string(*period.to);
    } else if (period.to) {
      row.stance += " " + std::to_string(*period.to);
    }
    if (indicator.aggregate != Aggregate::kPoint)
      row.stance += std::string(" ") + AggregateName(indicator.aggregate);
    row.canonical = indicator.canonical ? Clean(*indicator.canonical) : "";
    row.target = indicator.role == Role::kTarget;
    rows.push_back(std::move(row));
  }
  int line_w = 0, label_w = 0, value_w = 0, stance_w = 0, canonical_w = 0;
  for (const Row& row : rows) {
    line_w = std::max(line_w, DisplayWidth(row.line));
    label_w = std::max(label_w, DisplayWidth(row.label));
    value_w = std::max(value_w, DisplayWidth(row.value));
    stance_w = std::max(stance_w, DisplayWidth(row.stance));
    canonical_w = std::max(canonical_w, DisplayWidth(row.canonical));
  }
  constexpr int kGap = 2;
  if (options.width > 0) {
    // Labels give way first, down to a readable minimum.
    const int others = line_w + value_w + stance_w + canonical_w + 4 * kGap;
    label_w = std::max(std::min(label_w, options.width - others), 12);
  }
  const auto paint = [&](const std::string& text, const char* code) {
    if (!options.color || text.empty()) return text;
    return std::string("\x1b[") + code + "m" + text + "\x1b[0m";
  };
  const std::string gap(kGap, ' ');
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const bool header = i == 0;
    // Each field padded first, then cut to the terminal, then coloured, so
    // that escape codes never count as width.
    std::vector<std::pair<std::string, const char*>> fields = {
        {Pad(row.line, line_w, true) + gap, header ? "1" : "2"},
        {Pad(Fit(row.label, label_w), label_w) + gap, header ? "1" : ""},
        {Pad(row.value, value_w) + gap, header ? "1" : "1"},
        {Pad(row.stance, stance_w) + gap, header       ? "1"
                                          : row.target ? "33"
                                                       : ""},
        {row.canonical, header ? "1" : "36"}};
    int used = 0;
    std::string line;
    for (auto& [text, code] : fields) {
      std::string piece = text;
      if (options.width > 0) {
        const int room = options.width - used;
        if (room <= 0) break;
        if (DisplayWidth(piece) > room) piece = Fit(piece, room);
      }
      used += DisplayWidth(piece);
      line += *code ? paint(piece, code) : piece;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace lawreport
