// PDF → paragraphs with pages (see readers.h), from poppler's text layer.
//
// 1. Words become lines by position: poppler gives words with boxes; a
//    word whose vertical middle lies in a line's band is on that line, and
//    a line reads left to right. Words are joined without a space between
//    CJK characters; two words far apart (a table's cells) by a tab, so a
//    table row is a line of tab-separated cells like a browser's copy.
// 2. Page furniture is dropped: a page number line at the top or bottom of
//    a page ("- 3 -", "3", "第3页", "第3页 共12页", "3/12"; the words of
//    the forms are data/lexicon/pdf_lines.tsv), and a running header or
//    footer, the same first or last line (digits aside) on at least half
//    the pages.
// 3. Lines become paragraphs again: a line continues the paragraph before
//    it when that line ran to the right margin, this one starts at the left
//    margin (no first-line indent) without a wide gap above, and it does not
//    open with a heading marker after a finished sentence. CJK text is
//    joined without a space; the join across a page break records where
//    the next page begins, so each figure knows its page.
// Limits: at most max_pages pages; an encrypted PDF needs its password and
// is refused. A page whose text layer is missing or garbled
// (ClassifyTextLayer) is handed back to the caller, which may have it read
// by OCR (pdf_pages.h, ocr_reader.cc); what OCR reads is judged in turn
// (JudgeOcrReading), so a font that draws garbage fails the file rather than
// giving figures with garbage labels.
//
// This file is the module liblawreport_pdf.so (see pdf_module.h), and is
// built into liblawreport_ocr.so too, which reads pages by these rules.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "decode/pdf_module.h"
#include "decode/pdf_pages.h"
#include "lexicon/lexicon.h"
#include "util/utf8.h"

namespace lawreport::decode_internal {
namespace {

struct PdfLine {
  std::string text;
  double left = 0;
  double right = 0;
  double top = 0;
  double bottom = 0;
  int page = 0;                    // 1-based
  std::vector<Text::OcrMark> ocr;  // OCR'd words' starts in `text`
  double height() const { return bottom - top; }
};

bool IsWide(char32_t cp) { return cp >= 0x2E80; }

char32_t FirstChar(std::string_view text) {
  return text.empty() ? 0 : utf8::Decode(text, 0).value;
}

char32_t LastChar(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  return utf8::Decode(text, start).value;
}

// Joins two pieces of one line or paragraph: a space only between two
// non-CJK characters (Latin words, numbers).
void Join(std::string& out, std::string_view next, bool space) {
  if (!out.empty() && !next.empty() && space && !IsWide(LastChar(out)) &&
      !IsWide(FirstChar(next))) {
    out += ' ';
  }
  out += next;
}

bool IsAsciiDigits(std::string_view text);

// A gap this many line heights wide parts two cells of a table row: words
// of running text, even spaced ones ("政府信息 2428 条"), stand closer.
constexpr double kCellGap = 1.5;
constexpr double kFigureCellGap = 0.8;

// Words become lines by their positions, not by poppler's reading order,
// which walks a table column by column: a word belongs to the line whose
// band holds its vertical middle, and a line's words go left to right. Two
// words far apart on one line are two cells of a table row: they are
// joined by a tab, which the table reader of text (text_tables.h) parts.
std::vector<PdfWord> TextLayerWords(const poppler::page& page) {
  std::vector<PdfWord> words;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::byte_array utf8 = box.text().to_utf8();
    if (utf8.empty()) continue;
    words.push_back({std::string(utf8.data(), utf8.size()), box.bbox(),
                     box.has_space_after()});
  }
  return words;
}

// Records where an OCR'd word just appended to `text` begins.
void MarkOcrWord(PdfLine& line, const PdfWord& word) {
  if (word.confidence < 0) return;
  line.ocr.push_back({line.text.size() - word.text.size(), word.confidence});
}

std::vector<PdfLine> PageLines(std::vector<PdfWord> words, int number) {
  std::stable_sort(words.begin(), words.end(),
                   [](const PdfWord& a, const PdfWord& b) {
                     return a.middle() < b.middle();
                   });
  struct Band {
    double top, bottom;
    std::vector<const PdfWord*> words;
  };
  std::vector<Band> bands;
  for (const PdfWord& word : words) {
    if (!bands.empty() && word.middle() > bands.back().top &&
        word.middle() < bands.back().bottom) {
      bands.back().words.push_back(&word);
      continue;
    }
    bands.push_back({word.box.y(), word.box.y() + word.box.height(), {&word}});
  }
  std::vector<PdfLine> lines;
  for (Band& band : bands) {
    std::stable_sort(band.words.begin(), band.words.end(),
                     [](const PdfWord* a, const PdfWord* b) {
                       return a->box.x() < b->box.x();
                     });
    PdfLine line;
    line.page = number;
    bool space_after_last = false;
    for (const PdfWord* word : band.words) {
      const poppler::rectf& rect = word->box;
      if (line.text.empty()) {
        line = {word->text,
                rect.x(),
                rect.x() + rect.width(),
                rect.y(),
                rect.y() + rect.height(),
                number,
                {}};
        MarkOcrWord(line, *word);
      } else {
        const double gap = rect.x() - line.right;
        // A figure after words stands in a column of its own sooner: a
        // label cell wrapped in a narrow column ends close to the first
        // count ("…重新出具  0  0").
        const bool figure =
            IsAsciiDigits(word->text) && IsWide(LastChar(line.text));
        if (word->starts_cell ||
            gap > line.height() * (figure ? kFigureCellGap : kCellGap)) {
          line.text += '\t';
        } else {
          Join(line.text, word->text,
               space_after_last || gap > line.height() * 0.25);
          MarkOcrWord(line, *word);
          line.right = std::max(line.right, rect.x() + rect.width());
          line.top = std::min(line.top, rect.y());
          line.bottom = std::max(line.bottom, rect.y() + rect.height());
          space_after_last = word->space_after;
          continue;
        }
        line.text += word->text;
        MarkOcrWord(line, *word);
        line.right = std::max(line.right, rect.x() + rect.width());
        line.top = std::min(line.top, rect.y());
        line.bottom = std::max(line.bottom, rect.y() + rect.height());
      }
      space_after_last = word->space_after;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

bool IsAsciiDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (std::size_t offset = 0; offset < text.size();) {
    const utf8::CodePoint cp = utf8::Decode(text, offset);
    if (cp.value != ' ' && cp.value != 0x3000 && cp.value != 0xA0)
      out.append(text.substr(offset, cp.length));
    offset += cp.length;
  }
  return out;
}

// A form of pdf_lines.tsv: the words before and after its run of digits
// ("第#页" → 第, 页); a heading's words have no digits.
struct LineForm {
  std::string before;
  std::string after;
};

// data/lexicon/pdf_lines.tsv.
struct PdfLineWords {
  std::vector<LineForm> page_numbers;         // 第#页, Page#
  std::vector<LineForm> page_counts;          // 共#页
  std::vector<std::string> heading_openings;  // 第
};

const PdfLineWords& LineWords() {
  static const PdfLineWords words = [] {
    constexpr std::string_view kFile = "pdf_lines.tsv";
    PdfLineWords loaded;
    for (const lexicon::TsvRow& row : lexicon::ReadTsv(kFile)) {
      const std::string_view role = row.Get("role");
      const std::string_view form = row.Get("form");
      const std::size_t digits = form.find('#');
      const bool one_run = digits != std::string_view::npos &&
                           form.find('#', digits + 1) == std::string_view::npos;
      if (role == "heading") {
        if (digits != std::string_view::npos)
          lexicon::BadLexicon(kFile, row.line(), "a heading has no #");
        loaded.heading_openings.emplace_back(form);
        continue;
      }
      if (!one_run || digits == 0)
        lexicon::BadLexicon(kFile, row.line(),
                            "want words, then one # for the digits");
      const LineForm line_form{std::string(form.substr(0, digits)),
                               std::string(form.substr(digits + 1))};
      if (role == "page_number") {
        loaded.page_numbers.push_back(line_form);
      } else if (role == "page_count") {
        loaded.page_counts.push_back(line_form);
      } else {
        lexicon::BadLexicon(kFile, row.line(),
                            "unknown role " + std::string(role));
      }
    }
    return loaded;
  }();
  return words;
}

// `text` is `form`'s words around a run of digits.
bool IsForm(std::string_view text, const LineForm& form) {
  return text.size() > form.before.size() + form.after.size() &&
         utf8::StartsWith(text, form.before) &&
         utf8::EndsWith(text, form.after) &&
         IsAsciiDigits(
             text.substr(form.before.size(),
                         text.size() - form.before.size() - form.after.size()));
}

}  // namespace

bool IsPageNumber(std::string_view raw) {
  std::string text = WithoutSpaces(raw);
  for (const std::string_view dash : {"-", "—", "–", "－", "·"}) {
    while (utf8::StartsWith(text, dash)) text.erase(0, dash.size());
    while (utf8::EndsWith(text, dash)) text.erase(text.size() - dash.size());
  }
  if (IsAsciiDigits(text) && text.size() <= 4) return true;
  if (const std::size_t slash = text.find('/'); slash != std::string::npos) {
    return IsAsciiDigits(text.substr(0, slash)) &&
           IsAsciiDigits(text.substr(slash + 1));
  }
  const PdfLineWords& words = LineWords();
  for (const LineForm& form : words.page_numbers) {
    if (!utf8::StartsWith(text, form.before)) continue;
    const std::string_view number =
        std::string_view(text).substr(form.before.size());
    // "Page 3": the digits run to the end of the line.
    if (form.after.empty()) return IsAsciiDigits(number);
    // "第3页", then perhaps the count of pages: "第3页，共12页".
    const std::size_t after = number.find(form.after);
    if (after == std::string_view::npos) return false;
    if (!IsAsciiDigits(number.substr(0, after))) return false;
    std::string_view tail = number.substr(after + form.after.size());
    if (tail.empty()) return true;
    for (const std::string_view comma : {",", "，"}) {
      if (utf8::StartsWith(tail, comma)) tail.remove_prefix(comma.size());
    }
    return std::any_of(
        words.page_counts.begin(), words.page_counts.end(),
        [&](const LineForm& count) { return IsForm(tail, count); });
  }
  return false;
}

namespace {

// A running header or footer is compared with its digits blanked out
// ("融安县人民政府 2024年第3期" on every page).
std::string Shape(std::string_view text) {
  std::string shape = WithoutSpaces(text);
  for (char& c : shape) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return shape;
}

void DropPageFurniture(std::vector<std::vector<PdfLine>>& pages) {
  // Page numbers first: they may sit above or below a running header.
  for (auto& lines : pages) {
    for (int pass = 0; pass < 2 && !lines.empty(); ++pass) {
      if (IsPageNumber(lines.back().text)) lines.pop_back();
      if (!lines.empty() && IsPageNumber(lines.front().text))
        lines.erase(lines.begin());
    }
  }
  if (pages.size() < 2) return;
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() + 1) / 2);
  for (const bool top : {true, false}) {
    std::map<std::string, std::size_t> counts;
    for (const auto& lines : pages) {
      if (!lines.empty())
        ++counts[Shape(top ? lines.front().text : lines.back().text)];
    }
    for (auto& lines : pages) {
      if (lines.empty()) continue;
      const std::string shape =
          Shape(top ? lines.front().text : lines.back().text);
      if (counts[shape] < needed || shape.empty()) continue;
      if (top) {
        lines.erase(lines.begin());
      } else {
        lines.pop_back();
      }
    }
  }
}

}  // namespace

bool OpensWithMarker(std::string_view text) {
  const std::string_view numerals = "一二三四五六七八九十";
  std::size_t offset = 0;
  const auto next = [&] { return utf8::Decode(text, offset); };
  utf8::CodePoint cp = next();
  const auto is_numeral = [&](char32_t c) {
    std::string encoded;
    utf8::Append(encoded, c);
    return numerals.find(encoded) != std::string_view::npos;
  };
  if (cp.value == U'（' || cp.value == U'(') {
    offset += cp.length;
    cp = next();
    const bool chinese = is_numeral(cp.value);
    const bool arabic = cp.value >= '0' && cp.value <= '9';
    if (!chinese && !arabic) return false;
    while (offset < text.size() &&
           (is_numeral(cp.value) || (cp.value >= '0' && cp.value <= '9'))) {
      offset += cp.length;
      cp = next();
    }
    return cp.value == U'）' || cp.value == U')';
  }
  for (const std::string& opening : LineWords().heading_openings) {
    if (utf8::StartsWith(text, opening)) return true;
  }
  if (is_numeral(cp.value)) {
    while (offset < text.size() && is_numeral(cp.value)) {
      offset += cp.length;
      cp = next();
    }
    return cp.value == U'、';
  }
  if (cp.value >= '0' && cp.value <= '9') {
    while (offset < text.size() && cp.value >= '0' && cp.value <= '9') {
      offset += cp.length;
      cp = next();
    }
    return cp.value == U'．' || cp.value == U'、' ||
           (cp.value == '.' &&
            !(offset + 1 < text.size() && text[offset + 1] >= '0' &&
              text[offset + 1] <= '9'));
  }
  return false;
}

namespace {

bool EndsSentence(std::string_view text) {
  for (const std::string_view end :
       {"。", "；", "：", "！", "？", "”", ";", ":", "!", "?"}) {
    if (utf8::EndsWith(text, end)) return true;
  }
  return false;
}

double Percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t index = std::min(
      values.size() - 1,
      static_cast<std::size_t>(fraction * static_cast<double>(values.size())));
  return values[index];
}

void Reflow(const std::vector<std::vector<PdfLine>>& pages,
            std::vector<PdfParagraph>& paragraphs) {
  std::vector<double> lefts, rights, heights;
  for (const auto& lines : pages) {
    for (const PdfLine& line : lines) {
      lefts.push_back(std::round(line.left));
      rights.push_back(line.right);
      heights.push_back(line.height());
    }
  }
  if (lefts.empty()) return;
  // The body's left margin is where most lines start; its right margin is
  // where the longest lines end.
  std::map<double, int> left_counts;
  for (const double left : lefts) ++left_counts[left];
  const double left_margin =
      std::max_element(
          left_counts.begin(), left_counts.end(),
          [](const auto& a, const auto& b) { return a.second < b.second; })
          ->first;
  const double right_margin = Percentile(rights, 0.9);
  const double typical_height = Percentile(heights, 0.5);

  std::string paragraph;
  std::vector<Text::PageMark> marks;
  std::vector<Text::OcrMark> ocr;
  const PdfLine* previous = nullptr;
  const auto flush = [&] {
    if (!paragraph.empty()) {
      paragraphs.push_back(
          {std::move(paragraph), std::move(marks), std::move(ocr)});
    }
    paragraph.clear();
    marks.clear();
    ocr.clear();
  };
  for (const auto& lines : pages) {
    for (const PdfLine& line : lines) {
      const double em = std::max(line.height(), typical_height * 0.5);
      bool continues = false;
      if (previous != nullptr) {
        const bool previous_full = previous->right >= right_margin - 1.5 * em;
        const bool not_indented = line.left <= left_margin + 0.8 * em;
        const bool no_gap = line.page != previous->page ||
                            line.top - previous->bottom < 0.9 * em;
        const bool heading =
            OpensWithMarker(line.text) && EndsSentence(previous->text);
        // A table row stays a line of its own.
        const bool cells = line.text.find('\t') != std::string::npos ||
                           previous->text.find('\t') != std::string::npos;
        continues =
            previous_full && not_indented && no_gap && !heading && !cells;
      }
      if (!continues) flush();
      if (marks.empty() || marks.back().page != line.page)
        marks.push_back({paragraph.size(), line.page});
      Join(paragraph, line.text, true);
      const std::size_t line_start = paragraph.size() - line.text.size();
      if (line.ocr.empty() && !ocr.empty() && ocr.back().confidence >= 0)
        ocr.push_back({line_start, -1});
      for (const Text::OcrMark& mark : line.ocr)
        ocr.push_back({line_start + mark.offset, mark.confidence});
      previous = &line;
    }
  }
  flush();
}

void IgnorePopplerMessage(const std::string&, void*) {}

// Tesseract takes the single stroke of "一" before "、" for a speck and
// drops it: "一、总体工作情况" reads "、总体工作情况". No line of Chinese opens
// with "、", so an OCR'd line that does lost its numeral, which is the one
// after the last "X、" heading above it ("一" when none), restored with
// confidence 0.
void RestoreLostNumerals(std::vector<std::vector<PdfLine>>& pages) {
  static constexpr std::string_view kNumerals[] = {
      "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  int last = -1;  // index in kNumerals of the last "X、" heading
  for (auto& lines : pages) {
    for (PdfLine& line : lines) {
      if (line.ocr.empty()) continue;
      if (utf8::StartsWith(line.text, "、")) {
        if (last + 1 >= static_cast<int>(std::size(kNumerals))) continue;
        const std::string_view numeral =
            kNumerals[static_cast<std::size_t>(last + 1)];
        line.text.insert(0, numeral);
        for (Text::OcrMark& mark : line.ocr) mark.offset += numeral.size();
        line.ocr.insert(line.ocr.begin(), {0, 0});
        ++last;
        continue;
      }
      for (std::size_t i = 0; i < std::size(kNumerals); ++i) {
        if (utf8::StartsWith(line.text, kNumerals[i]) &&
            utf8::StartsWith(
                std::string_view(line.text).substr(kNumerals[i].size()),
                "、")) {
          last = static_cast<int>(i);
        }
      }
    }
  }
}

}  // namespace

TextLayer ClassifyTextLayer(const std::vector<PdfWord>& words) {
  std::size_t characters = 0;
  std::size_t strange = 0;
  for (const PdfWord& word : words) {
    for (std::size_t offset = 0; offset < word.text.size();) {
      const utf8::CodePoint cp = utf8::Decode(word.text, offset);
      offset += cp.length;
      const char32_t c = cp.value;
      if (c == ' ' || c == 0x3000 || c == 0xA0 || c == '\t') continue;
      ++characters;
      const bool plausible =
          (c >= 0x21 && c < 0x7F) ||                           // ASCII
          c == 0xB0 || c == 0xB1 || c == 0xB7 || c == 0xD7 ||  // ° ± · ×
          c == 0xF7 || c == 0xA7 ||                            // ÷ §
          (c >= 0x370 && c <= 0x3FF) ||                        // Greek
          (c >= 0x2010 && c <= 0x2027 && c != 0x201E) ||  // — “ ” …
          (c >= 0x2030 && c <= 0x2033) || c == 0x203B ||  // ‰ ′ ※
          (c >= 0x2100 && c <= 0x22FF) ||  // ℃ № Ⅻ → ≤ ∑
          (c >= 0x2460 && c <= 0x27BF) ||  // ① ─ ■ ★ ✓
          (c >= 0x2E80 && c <= 0x9FFF) ||  // CJK, kana, 、。《》
          (c >= 0xF900 && c <= 0xFAFF) ||  // CJK compatibility
          (c >= 0xFE30 && c <= 0xFE4F) ||  // CJK compatibility forms
          (c >= 0xFF01 && c <= 0xFFEF) ||  // full width
          (c >= 0x20000 && c <= 0x3FFFF);  // CJK extensions
      if (!plausible) ++strange;
    }
  }
  if (characters == 0) return TextLayer::kEmpty;
  return strange * 5 > characters ? TextLayer::kGarbled : TextLayer::kUsable;
}

OcrReading JudgeOcrReading(const std::vector<PdfWord>& words) {
  OcrReading reading;
  double weighted = 0;
  for (const PdfWord& word : words) {
    const std::size_t characters = utf8::CountChars(word.text);
    reading.characters += characters;
    weighted +=
        static_cast<double>(characters) * std::clamp(word.confidence, 0, 100);
  }
  if (reading.characters < kLeastCharactersToJudge) return reading;
  reading.mean_confidence = static_cast<int>(
      std::lround(weighted / static_cast<double>(reading.characters)));
  reading.plausible = reading.mean_confidence >= kLeastPlausibleConfidence &&
                      ClassifyTextLayer(words) == TextLayer::kUsable;
  return reading;
}

void ReadPdfPages(const PdfRequest& request, const OcrPagesFunction* ocr,
                  PdfText* out) {
  static std::once_flag quiet;
  std::call_once(quiet, [] {
    poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
  });
  const std::string_view bytes(request.data, request.size);
  const auto fail = [&](ErrorCode code, std::string message) {
    out->error = Error{code, std::move(message)};
  };
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (pdf == nullptr) {
    // poppler reports a locked document by failing to load it, too.
    if (bytes.find("/Encrypt") != std::string_view::npos) {
      return fail(ErrorCode::kEncrypted,
                  "an encrypted PDF: it cannot be read without its password");
    }
    return fail(ErrorCode::kDamaged,
                "a damaged PDF file: poppler cannot open it");
  }
  if (pdf->is_locked()) {
    return fail(ErrorCode::kEncrypted,
                "an encrypted PDF: it cannot be read without its password");
  }
  const int page_count = pdf->pages();
  if (page_count > request.max_pages) {
    return fail(
        ErrorCode::kLimitExceeded,
        "PDF has " + std::to_string(page_count) + " pages, over the limit of " +
            std::to_string(request.max_pages) + " (raise it with --max-pages)");
  }
  std::vector<std::vector<PdfWord>> words(static_cast<std::size_t>(page_count));
  std::vector<TextLayer> layers(static_cast<std::size_t>(page_count),
                                TextLayer::kEmpty);
  std::vector<UnreadablePage> unreadable;
  bool any_text = false;
  bool any_garbled = false;
  for (int index = 0; index < page_count; ++index) {
    if (request.cancelled != nullptr && request.cancelled->load()) {
      return fail(ErrorCode::kLimitExceeded, "stopped at page " +
                                                 std::to_string(index + 1) +
                                                 ": over the time limit");
    }
    std::unique_ptr<poppler::page> page(pdf->create_page(index));
    if (page == nullptr) continue;
    std::vector<PdfWord>& page_words = words[static_cast<std::size_t>(index)];
    page_words = TextLayerWords(*page);
    const TextLayer layer = ClassifyTextLayer(page_words);
    layers[static_cast<std::size_t>(index)] = layer;
    any_text = any_text || layer == TextLayer::kUsable;
    any_garbled = any_garbled || layer == TextLayer::kGarbled;
    if (layer != TextLayer::kUsable)
      unreadable.push_back({index + 1, layer == TextLayer::kGarbled});
  }
  // Empty pages among readable ones (a blank page, a photograph) are no
  // reason to OCR; a garbled page, or no text anywhere, is.
  if (!any_garbled && any_text) unreadable.clear();
  std::vector<int> to_ocr;
  if (ocr != nullptr && request.ocr_every_page) {
    for (int page = 1; page <= page_count; ++page) to_ocr.push_back(page);
  } else {
    for (const UnreadablePage& page : unreadable) to_ocr.push_back(page.page);
  }
  if (ocr == nullptr && !unreadable.empty()) {
    out->unreadable = std::move(unreadable);
    return;
  }
  std::string implausible;  // the first page whose OCR reads as noise
  if (!to_ocr.empty()) {
    Result<std::vector<std::vector<PdfWord>>> read = (*ocr)(*pdf, to_ocr);
    if (!read) return fail(read.error().code, read.error().message);
    for (std::size_t i = 0; i < to_ocr.size(); ++i) {
      const std::size_t index = static_cast<std::size_t>(to_ocr[i] - 1);
      const OcrReading reading = JudgeOcrReading((*read)[i]);
      if (!reading.plausible) {
        // A garbled text layer proves the page holds text that neither its
        // fonts nor OCR can read: its figures would be missing or garbage,
        // so the file fails. A scanned page that reads as noise is taken
        // for a picture; a text layer that reads is kept (--ocr always).
        if (layers[index] == TextLayer::kGarbled) {
          return fail(ErrorCode::kNoText,
                      "page " + std::to_string(to_ocr[i]) +
                          ": text layer unreadable (garbled font encoding), "
                          "and OCR of the page reads no plausible text either "
                          "(mean confidence " +
                          std::to_string(reading.mean_confidence) + " of 100)");
        }
        if (implausible.empty()) {
          implausible = "page " + std::to_string(to_ocr[i]) +
                        ": mean confidence " +
                        std::to_string(reading.mean_confidence) + " of 100";
        }
        if (layers[index] != TextLayer::kUsable) words[index].clear();
        continue;
      }
      words[index] = std::move((*read)[i]);
      ++out->ocr_pages;
    }
  }
  std::vector<std::vector<PdfLine>> pages;
  bool any_line = false;
  for (int index = 0; index < page_count; ++index) {
    pages.push_back(PageLines(std::move(words[static_cast<std::size_t>(index)]),
                              index + 1));
    any_line = any_line || !pages.back().empty();
  }
  if (out->ocr_pages > 0) RestoreLostNumerals(pages);
  if (!any_line) {
    return fail(ErrorCode::kNoText,
                implausible.empty()
                    ? "a PDF without a text layer, and OCR found no text in it"
                    : "a PDF without a text layer, and OCR of its pages reads "
                      "no plausible text (" +
                          implausible + ")");
  }
  DropPageFurniture(pages);
  Reflow(pages, out->paragraphs);
}

}  // namespace lawreport::decode_internal

extern "C" __attribute__((visibility("default"))) void lawreport_read_pdf(
    const lawreport::decode_internal::PdfRequest* request,
    lawreport::decode_internal::PdfText* out) {
  lawreport::decode_internal::ReadPdfPages(*request, nullptr, out);
}
