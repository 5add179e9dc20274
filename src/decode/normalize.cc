// The normalized form and the map back to the source (see text.h).
#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lawreport/text.h"
#include "util/utf8.h"

namespace lawreport {
namespace {

constexpr char32_t kRemove = 0xFFFFFFFF;
// Small enough that finding a column counts at most a few hundred bytes.
constexpr std::size_t kCheckpointBytes = 512;

// What a source character becomes in the normalized text: itself, another
// character, or nothing (kRemove). Width and space variants only; the
// meaning-bearing characters (、。“”《》〔〕) are kept as written.
char32_t NormalizeChar(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // full-width ASCII
  switch (cp) {
    case 0x3000:
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x0009:
    case 0x000B:
    case 0x000C:
    case 0x0085:
      return U' ';
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
      return kRemove;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return U' ';
  if (cp < 0x20 || cp == 0x7F) return U' ';
  return cp;
}

// How the run copier in AppendLine treats a byte: copied as it is, a lead
// byte whose character must be looked at, or a control byte or DEL, which
// always changes.
enum class RunByte : unsigned char { kPlain, kCheck, kStop };
constexpr auto kRunByte = [] {
  std::array<RunByte, 256> table{};
  for (int byte = 0; byte < 0x20; ++byte) table[byte] = RunByte::kStop;
  table[0x7F] = RunByte::kStop;
  for (const int lead : {0xC2, 0xE2, 0xE3, 0xEF}) table[lead] = RunByte::kCheck;
  return table;
}();

// Bytes 0–1F start no character other than themselves; a byte that is not
// 10xxxxxx starts one.
int CountStarts(unsigned mask_of_continuations, int bytes) {
  const unsigned below = bytes >= 32 ? ~0u : (1u << bytes) - 1;
  // A bit count by halves (without -mpopcnt, __builtin_popcount is a
  // library call); the masks are 16 bits.
  unsigned x = mask_of_continuations & below;
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  x = (x + (x >> 8)) & 0x1Fu;
  return bytes - static_cast<int>(x);
}

// From `pos`, the end of the run of kPlain bytes before `limit`, adding the
// characters it holds to `chars`. Sixteen bytes at a time where SSE2 is
// there: a report's text is mostly ideographs, all plain.
std::size_t PlainRunEnd(std::string_view line, std::size_t pos,
                        std::size_t limit, std::size_t& chars) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
#if defined(__SSE2__)
  const __m128i control_max = _mm_set1_epi8(0x1F);
  const __m128i top_bits = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i continuation = _mm_set1_epi8(static_cast<char>(0x80));
  while (pos + 16 <= limit) {
    const __m128i block =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
    __m128i special =
        _mm_cmpeq_epi8(_mm_min_epu8(block, control_max), block);  // <= 1F
    for (const int lead : {0x7F, 0xC2, 0xE2, 0xE3, 0xEF}) {
      special = _mm_or_si128(
          special,
          _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(lead))));
    }
    const unsigned special_mask =
        static_cast<unsigned>(_mm_movemask_epi8(special));
    const unsigned continuation_mask = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(block, top_bits), continuation)));
    if (special_mask != 0) {
      const int plain = __builtin_ctz(special_mask);
      chars += static_cast<std::size_t>(CountStarts(continuation_mask, plain));
      return pos + static_cast<std::size_t>(plain);
    }
    chars += static_cast<std::size_t>(CountStarts(continuation_mask, 16));
    pos += 16;
  }
#endif
  for (; pos < limit && kRunByte[bytes[pos]] == RunByte::kPlain; ++pos)
    chars += (bytes[pos] & 0xC0) != 0x80;
  return pos;
}

}  // namespace

int Text::PageAt(std::size_t normalized_offset) const {
  if (page_starts_.empty()) return 0;
  const std::size_t source = SourceOffset(normalized_offset);
  auto after =
      std::upper_bound(page_starts_.begin(), page_starts_.end(), source,
                       [](std::size_t offset, const PageStart& start) {
                         return offset < start.source;
                       });
  if (after == page_starts_.begin()) return page_starts_.front().page;
  return (after - 1)->page;
}

void Text::AppendPagedLine(std::string_view source_line,
                           const std::vector<PageMark>& marks,
                           const std::vector<OcrMark>& ocr) {
  // The line's first byte lands after the "\n" that separates it.
  const std::size_t line_start = source_.size() + (lines_.empty() ? 0 : 1);
  for (const PageMark& mark : marks) {
    if (!page_starts_.empty() && page_starts_.back().page == mark.page)
      continue;
    page_starts_.push_back({line_start + mark.offset, mark.page});
  }
  for (const OcrMark& mark : ocr)
    ocr_starts_.push_back({line_start + mark.offset, mark.confidence});
  // A line without OCR'd words after one with them: its words are not OCR's.
  if (ocr.empty() && !ocr_starts_.empty() &&
      ocr_starts_.back().confidence >= 0) {
    ocr_starts_.push_back({line_start, -1});
  }
  AppendLine(source_line);
  // The "\n" ends the last word.
  if (!ocr.empty()) ocr_starts_.push_back({source_.size(), -1});
}

int Text::OcrConfidence(std::size_t begin, std::size_t end) const {
  if (ocr_starts_.empty() || end <= begin) return -1;
  const std::size_t source_begin = SourceOffset(begin);
  const std::size_t source_end = SourceOffset(end);
  auto word =
      std::upper_bound(ocr_starts_.begin(), ocr_starts_.end(), source_begin,
                       [](std::size_t offset, const OcrStart& start) {
                         return offset < start.source;
                       });
  // The word that holds `begin`, then those that start before `end`.
  if (word != ocr_starts_.begin()) --word;
  int lowest = -1;
  for (; word != ocr_starts_.end() && word->source < source_end; ++word) {
    if (word->confidence < 0) continue;
    lowest = lowest < 0 ? word->confidence : std::min(lowest, word->confidence);
  }
  return lowest;
}

const Table* Text::TableAt(int line) const {
  // Tables are appended in text order and their line ranges do not overlap.
  auto after = std::upper_bound(
      tables_.begin(), tables_.end(), line,
      [](int wanted, const Table& table) { return wanted < table.first_line; });
  if (after == tables_.begin()) return nullptr;
  const Table& table = *(after - 1);
  return line <= table.last_line ? &table : nullptr;
}

void Text::AddTable(Table table) {
  // Readers add tables in text order; a later pass over the lines (tables
  // written as text) may add one before the last.
  auto after = std::upper_bound(
      tables_.begin(), tables_.end(), table.first_line,
      [](int line, const Table& other) { return line < other.first_line; });
  tables_.insert(after, std::move(table));
}

void Text::AppendLine(std::string_view source_line) {
  if (!lines_.empty()) {
    source_.push_back('\n');
    normalized_.push_back('\n');
  }
  if (anchors_.empty()) anchors_.push_back({0, 0});
  const auto delta_changes = [&](std::size_t normalized, std::size_t source) {
    const Anchor& last = anchors_.back();
    return normalized - last.normalized != source - last.source;
  };

  Line line;
  line.begin = normalized_.size();
  line.source_begin = source_.size();
  checkpoints_.push_back({source_.size(), 0});
  std::size_t chars = 0;
  std::size_t offset = 0;
  source_.reserve(source_.size() + source_line.size() + 1);
  normalized_.reserve(normalized_.size() + source_line.size() + 1);
  while (offset < source_line.size()) {
    if (source_.size() - checkpoints_.back().source >= kCheckpointBytes) {
      checkpoints_.push_back({source_.size(), chars});
    }
    // A run of characters normalization leaves alone is copied whole. Every
    // change starts with a control byte, DEL, or the lead bytes C2, E2, E3,
    // EF; a character with such a lead byte that normalizes to itself (、。
    // “” and the other Chinese punctuation, which are E3 and E2 sequences)
    // is tested in place and the run goes on, so a run ends only at a
    // character that changes. Characters are counted on the way (a byte that
    // is not a continuation byte starts one), not by a second pass.
    std::size_t run = offset;
    std::size_t run_chars = 0;
    const std::size_t limit =
        std::min(source_line.size(), offset + kCheckpointBytes);
    while (run < limit) {
      run = PlainRunEnd(source_line, run, limit, run_chars);
      if (run >= limit) break;
      const unsigned char byte = static_cast<unsigned char>(source_line[run]);
      if (kRunByte[byte] == RunByte::kStop) break;
      const utf8::CodePoint cp = utf8::Decode(source_line, run);
      if (NormalizeChar(cp.value) != cp.value) break;
      ++run_chars;
      run += cp.length;
    }
    // End the run on a character boundary: a run cut by the length limit
    // takes the rest of the character it is in (continuation bytes, which
    // count no character).
    while (run < source_line.size() &&
           (static_cast<unsigned char>(source_line[run]) & 0xC0) == 0x80) {
      ++run;
    }
    if (run > offset) {
      const std::string_view plain = source_line.substr(offset, run - offset);
      source_.append(plain);
      normalized_.append(plain);
      chars += run_chars;
      offset = run;
      continue;
    }
    ++chars;
    const utf8::CodePoint cp = utf8::Decode(source_line, offset);
    const char32_t normalized = NormalizeChar(cp.value);
    source_.append(source_line.substr(offset, cp.length));
    if (normalized == cp.value) {
      normalized_.append(source_line.substr(offset, cp.length));
    } else if (normalized != kRemove) {
      utf8::Append(normalized_, normalized);
    }
    offset += cp.length;
    if (delta_changes(normalized_.size(), source_.size())) {
      anchors_.push_back({normalized_.size(), source_.size()});
    }
  }
  line.end = normalized_.size();
  line.source_end = source_.size();
  lines_.push_back(line);
}

void Text::Reserve(std::size_t bytes, std::size_t lines) {
  source_.reserve(bytes);
  normalized_.reserve(bytes);
  lines_.reserve(lines);
  checkpoints_.reserve(lines);  // one at each line's start
}

std::size_t Text::SourceOffset(std::size_t normalized_offset) const {
  if (anchors_.empty()) return normalized_offset;
  auto after =
      std::upper_bound(anchors_.begin(), anchors_.end(), normalized_offset,
                       [](std::size_t offset, const Anchor& anchor) {
                         return offset < anchor.normalized;
                       });
  const Anchor& anchor = *(after - 1);
  return std::min(source_.size(),
                  anchor.source + (normalized_offset - anchor.normalized));
}

std::size_t Text::NormalizedOffset(std::size_t source_offset) const {
  if (anchors_.empty()) return source_offset;
  auto after = std::upper_bound(anchors_.begin(), anchors_.end(), source_offset,
                                [](std::size_t offset, const Anchor& anchor) {
                                  return offset < anchor.source;
                                });
  const Anchor& anchor = *(after - 1);
  std::size_t normalized = anchor.normalized + (source_offset - anchor.source);
  // Inside a character that normalization changed: the next anchor follows
  // it, and the character's normalized form ends there.
  if (after != anchors_.end())
    normalized = std::min(normalized, after->normalized);
  return std::min(normalized, normalized_.size());
}

std::string_view Text::SourceOf(std::size_t begin, std::size_t end) const {
  if (anchors_.empty() || end < begin) {
    const std::size_t source_begin = SourceOffset(begin);
    const std::size_t source_end = std::max(source_begin, SourceOffset(end));
    return std::string_view(source_).substr(source_begin,
                                            source_end - source_begin);
  }
  // SourceOffset of both ends; the ranges asked for are mostly a few words,
  // so the anchor of `end` is looked for forward from that of `begin`,
  // a few steps before a binary search of the rest.
  const auto by_normalized = [](std::size_t offset, const Anchor& anchor) {
    return offset < anchor.normalized;
  };
  const auto after_begin =
      std::upper_bound(anchors_.begin(), anchors_.end(), begin, by_normalized);
  auto after_end = after_begin;
  constexpr int kForwardSteps = 4;
  for (int step = 0;
       after_end != anchors_.end() && after_end->normalized <= end;
       ++step, ++after_end) {
    if (step == kForwardSteps) {
      after_end =
          std::upper_bound(after_end, anchors_.end(), end, by_normalized);
      break;
    }
  }
  const auto source_at = [&](auto after, std::size_t offset) {
    const Anchor& anchor = *(after - 1);
    return std::min(source_.size(),
                    anchor.source + (offset - anchor.normalized));
  };
  const std::size_t source_begin = source_at(after_begin, begin);
  const std::size_t source_end =
      std::max(source_begin, source_at(after_end, end));
  return std::string_view(source_).substr(source_begin,
                                          source_end - source_begin);
}

std::string_view Text::NormalizedLine(int line) const {
  if (line < 1 || line > line_count()) return {};
  const Line& info = lines_[static_cast<std::size_t>(line - 1)];
  return std::string_view(normalized_)
      .substr(info.begin, info.end - info.begin);
}

SourcePosition Text::PositionOf(std::size_t normalized_offset) const {
  if (lines_.empty()) return {};
  auto after = std::upper_bound(
      lines_.begin(), lines_.end(), normalized_offset,
      [](std::size_t offset, const Line& line) { return offset < line.begin; });
  const std::size_t index =
      static_cast<std::size_t>(after - lines_.begin()) - 1;
  const Line& line = lines_[index];
  const std::size_t source = std::clamp(SourceOffset(normalized_offset),
                                        line.source_begin, line.source_end);
  auto checkpoint = std::upper_bound(
      checkpoints_.begin(), checkpoints_.end(), source,
      [](std::size_t o, const ColumnCheckpoint& c) { return o < c.source; });
  const ColumnCheckpoint& from =
      *(checkpoint - 1);  // never before the line start
  const std::string_view rest =
      std::string_view(source_).substr(from.source, source - from.source);
  return {static_cast<int>(index) + 1,
          static_cast<int>(from.chars + utf8::CountChars(rest)) + 1};
}

}  // namespace lawreport
