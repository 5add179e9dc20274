// The mention scanner: passes over the characters no mention starts at,
// reads the mention at each other offset by the steps of mention_rules.h,
// and then lets the numbers of a list share a scale and unit. See numbers.h
// for the forms.
#include "lawreport/numbers.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "numbers/mention_rules.h"
#include "util/utf8.h"

namespace lawreport {

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kNone:
      return "none";
    case UnitKind::kCount:
      return "count";
    case UnitKind::kAmount:
      return "amount";
    case UnitKind::kMeasure:
      return "measure";
    case UnitKind::kDuration:
      return "duration";
    case UnitKind::kPercent:
      return "percent";
    case UnitKind::kChange:
      return "change";
  }
  return "none";
}

const char* QualifierName(Qualifier kind) {
  switch (kind) {
    case Qualifier::kNone:
      return "";
    case Qualifier::kMoreThan:
      return "more_than";
    case Qualifier::kApprox:
      return "approx";
    case Qualifier::kLessThan:
      return "less_than";
  }
  return "";
}

namespace {

using numbers_internal::ListJoin;
using numbers_internal::OpenerBlocks;

// The first offset at or after `offset` where a mention may start: an ASCII
// digit, or a character that is neither ASCII nor a three-byte character
// that opens no mention (MentionOpeners; the caller tests those). Its own function,
// not inlined into the scanner, so the loop that passes over nearly every
// character of a report keeps the text in registers.
[[gnu::noinline]] std::size_t SkipToCandidate(const OpenerBlocks& opens_mention,
                                              std::string_view text,
                                              std::size_t offset) {
  const std::size_t size = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (offset < size) {
    const unsigned char byte = bytes[offset];
    if (byte < 0x80) {
      if (byte >= '0' && byte <= '9') return offset;
      ++offset;
      continue;
    }
    if ((byte & 0xF0) != 0xE0 || offset + 2 >= size) return offset;
    const unsigned char b1 = bytes[offset + 1];
    const unsigned char b2 = bytes[offset + 2];
    // A three-byte character that opens nothing. When the bytes are no
    // well-formed character (an overlong form or a surrogate, whose blocks
    // hold no opener), the two continuation bytes open nothing themselves
    // either, so they are passed over with it.
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return offset;
    if ((opens_mention[((byte & 0x0Fu) << 6) | (b1 & 0x3Fu)] >> (b2 & 0x3Fu)) &
        1)
      return offset;
    offset += 3;
  }
  return size;
}

class Scanner {
 public:
  Scanner(const Text& text, std::size_t max_mentions)
      : text_(text),
        normalized_(text.normalized()),
        opens_mention_(numbers_internal::MentionOpeners()),
        max_mentions_(max_mentions) {}

  std::vector<Mention> Scan() {
    const std::size_t size = normalized_.size();
    for (std::size_t offset = SkipToCandidate(opens_mention_, normalized_, 0);
         offset < size;
         offset = SkipToCandidate(opens_mention_, normalized_, offset)) {
      const unsigned char byte =
          static_cast<unsigned char>(normalized_[offset]);
      // Characters of other lengths (and malformed bytes) are tested here.
      const utf8::CodePoint cp = utf8::Decode(normalized_, offset);
      if (byte >= 0x80 &&
          !numbers_internal::OpensMention(opens_mention_, cp.value)) {
        offset += cp.length;
        continue;
      }
      // The mention is built in its place in the list (not returned and
      // moved there: a Mention holds three strings), and dropped again
      // when none starts here.
      Mention& mention = mentions_.emplace_back();
      numbers_internal::MentionReading reading(text_, offset, previous_end_,
                                               mention);
      if (numbers_internal::ReadMentionAt(reading)) {
        if (mentions_.size() > max_mentions_) break;
        offset = mention.end;
        previous_end_ = mention.end;
        continue;
      }
      mentions_.pop_back();
      offset += cp.length;
    }
    return std::move(mentions_);
  }

 private:
  const Text& text_;
  std::string_view normalized_;
  const OpenerBlocks& opens_mention_;
  // Scan stops after this many mentions and one more (FindMentions).
  std::size_t max_mentions_;
  std::vector<Mention> mentions_;
  std::size_t previous_end_ = std::string_view::npos;
};

// Whether the text before `offset` ends a sentence or a line, or opens the
// text: where a list number ("1、") stands.
bool AtSentenceStart(std::string_view normalized, std::size_t offset) {
  if (offset == 0) return true;
  const std::size_t previous = utf8::PreviousBoundary(normalized, offset);
  const char32_t cp = utf8::Decode(normalized, previous).value;
  return cp == U'\n' || cp == U'。' || cp == U'；' || cp == U';' ||
         cp == U'：' || cp == U':' || cp == U'！' || cp == U'？';
}

}  // namespace

std::vector<Mention> FindMentions(const Text& text) {
  return FindMentions(text, std::numeric_limits<std::size_t>::max());
}

std::vector<Mention> FindMentions(const Text& text, std::size_t max_mentions) {
  std::vector<Mention> mentions = Scanner(text, max_mentions).Scan();
  for (Mention& mention : mentions)
    mention.raw.assign(text.SourceOf(mention.begin, mention.end));
  // "分别达1.28万亿、1.18万亿、8200亿元": a scaled number in a list takes the
  // unit the list ends with; "（4.81、3.27万人次）": a bare number in a list
  // takes the scale and unit of the one after it. Right to left, so both
  // pass down the chain.
  const std::string_view normalized = text.normalized();
  std::vector<std::optional<int>> power(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i)
    power[i] = numbers_internal::ScalePowerOf(normalized, mentions[i]);
  for (std::size_t i = mentions.size(); i-- > 1;) {
    Mention& before = mentions[i - 1];
    const Mention& after = mentions[i];
    if (before.unit_known || after.unit.empty() ||
        after.kind == UnitKind::kNone || after.begin < before.end) {
      continue;
    }
    const std::string_view gap =
        normalized.substr(before.end, after.qualifier_begin - before.end);
    const ListJoin join = numbers_internal::ListJoinOf(gap);
    if (join == ListJoin::kNone) continue;
    if (before.rule == "arabic" && before.kind == UnitKind::kNone && power[i] &&
        join == ListJoin::kUnitAndScale) {
      // A whole number at a sentence start is a list number ("1、2万人"
      // reads as item 1); a decimal is never one.
      const bool decimal = normalized
                               .substr(before.number_begin,
                                       before.number_end - before.number_begin)
                               .find('.') != std::string_view::npos;
      if (!decimal && AtSentenceStart(normalized, before.qualifier_begin))
        continue;
      before.value = before.value.Scaled(*power[i]);
      power[i - 1] = power[i];
      before.rule = "list_scaled";
    } else if (before.rule != "arabic_scaled") {
      continue;
    }
    before.unit = after.unit;
    before.kind = after.kind;
    before.unit_known = true;
  }
  return mentions;
}

}  // namespace lawreport
