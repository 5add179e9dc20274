// The number scanner's rules: the named steps that read the mention at one
// text offset, in the order they run. Internal to the numbers stage.
//
// ReadMentionAt runs MentionSteps() in order over a MentionReading. Each step
// looks at the text where the reading stands (`pos`); when it recognizes its
// part of a mention it fills that part in, moves `pos` past it and says
// kApplied, otherwise it says kDeclined and the next step runs. A step may
// also say kNoMention: no mention starts at this offset ("1.2.3" read from
// its "2", a 百分之 with no number after it). The `unit` step runs the
// alternatives of UnitSteps(), the first that applies wins. A step that
// decides the mention's form names it in Mention::rule, which every output
// carries, so a wrong row traces back to one step:
//
//   "约750余万人次", read at the 7:
//     numeral             750                       rule "arabic"
//     scale_after_digits  750余万 → 7500000, 余 → more_than
//                                                   rule "arabic_scaled"
//     unit (unit_word)    人次, count
//     qualifier_before    约 (the mention keeps more_than: 余 came first)
//   "3至5个":             numeral 3, range → upper 5, rule "range"; unit 个
//   "百分之九十九点七":   percent_lead_in, numeral 99.7 (rule "chinese"),
//                         unit (percent_words) → %, rule "percent_words"
//   "九成":               numeral 9, unit (chinese_tenths) → 90%
//   "超千亿元":           numeral declines (千 opens no numeral), scale_word
//                         → 10^11, rule "scale_word"; unit 元
//
// The words are data: data/lexicon/number_words.tsv (百分之, 成, the range
// connectors), units.tsv, scale_words.tsv and qualifiers.tsv.
#ifndef LAWREPORT_NUMBERS_MENTION_RULES_H_
#define LAWREPORT_NUMBERS_MENTION_RULES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "lawreport/numbers.h"
#include "lawreport/text.h"

namespace lawreport::numbers_internal {

struct NumberWords;  // the word lists of the files above, read once
struct UnitEntry;    // one row of units.tsv

// The mention being read at one offset, and what the steps so far found.
struct MentionReading {
  // Starts a reading of `mention` (default-constructed) at `offset`;
  // `previous_end` is where the scanner's last mention ended (npos: none).
  MentionReading(const Text& text, std::size_t offset, std::size_t previous_end,
                 Mention& mention);

  // Sets where the unit starts, and ends for a mention without one: where
  // the reading stands when the unit step begins.
  void MarkUnitStart() { mention.unit_begin = mention.unit_end = pos; }

  const Text& text;
  std::string_view normalized;  // text.normalized()
  std::size_t previous_end;
  const NumberWords& words;
  Mention& mention;

  std::size_t pos;             // where the next step reads
  bool percent_words = false;  // 百分之 opened the mention
  bool numeral_read = false;   // the numeral or a bare scale word is read
  // Arabic digits: a scale word, qualifier or unit may stand one space after
  // them, as PDF-derived text writes ("2428 条").
  bool arabic = false;
  bool scaled = false;              // a scale word applied: 750万, a bare 千
  const UnitEntry* unit = nullptr;  // the unit word the unit step found
};

enum class StepOutcome { kDeclined, kApplied, kNoMention };

// One step: `read` looks at `reading` where it stands and, when it applies,
// fills in its part and moves reading.pos on.
struct MentionStep {
  const char* name;  // "scale_after_digits"
  StepOutcome (*read)(MentionReading& reading);
};

// Every step, in the order ReadMentionAt runs them.
std::span<const MentionStep> MentionSteps();
// The unit step's alternatives, in the order tried: the first that applies
// is the mention's unit (percent_words, chinese_tenths, unit_word, ratio,
// scaled_count). Each expects MarkUnitStart to have run.
std::span<const MentionStep> UnitSteps();

// Runs every step on `reading` and ends the mention where the last left
// off; false when no mention starts at the reading's offset.
bool ReadMentionAt(MentionReading& reading);

// The characters a mention may start at besides ASCII digits (those that
// open a Chinese numeral, the first characters of the scale words and of
// 百分之), as one 64-bit mask per block of 64 code points below U+10000:
// bit (cp & 63) of block (cp >> 6). Chinese text is nearly all three-byte
// characters, whose first two bytes name the block and whose last byte's
// low six bits the bit, so the scanner tests them without decoding.
using OpenerBlocks = std::array<std::uint64_t, 0x10000 / 64>;
const OpenerBlocks& MentionOpeners();
inline bool OpensMention(const OpenerBlocks& blocks, char32_t cp) {
  return cp < 0x10000 && ((blocks[cp >> 6] >> (cp & 0x3F)) & 1);
}

// The power of the scale word after m's digits ("3.27万人次" → 4), or none.
std::optional<int> ScalePowerOf(std::string_view normalized, const Mention& m);

// What the text between two mentions of a list says about the first
// (number_words.tsv, roles list and list_scaled): "8200万、1.2亿元" — the
// first takes the unit of the second (kUnit); after 、 a bare number takes
// its scale too (kUnitAndScale): "4.81、3.27万人次".
enum class ListJoin { kNone, kUnit, kUnitAndScale };
ListJoin ListJoinOf(std::string_view gap);

}  // namespace lawreport::numbers_internal

#endif  // LAWREPORT_NUMBERS_MENTION_RULES_H_
