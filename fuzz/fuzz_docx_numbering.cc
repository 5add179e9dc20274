// libFuzzer target: DOCX list numbering (src/decode/docx_numbering.h)
// driven directly, without the ZIP and XML around it that fuzz_docx has
// to get through first. The input is read as a structure: abstract lists
// whose levels have a w:numFmt, w:lvlText, w:start, w:lvlRestart, w:isLgl
// and w:suff; w:num instances pointing at them with w:startOverride; then
// the paragraphs, each a (w:numId, w:ilvl) reference or none.
//
// It aborts (__builtin_trap) where the bounds docs/security.md promises
// break: a marker over kMaxMarkerBytes, letters repeated more than
// kMaxLetterRepeats times (past 26 × 64 the number is decimal), a number
// formatted longer than that, a marker that is not UTF-8 when every
// lvlText is, or two runs of the same paragraphs that disagree.
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode/docx_numbering.h"
#include "util/utf8.h"

namespace {

using namespace lawreport::decode_internal::docx;

// Every w:numFmt the reader renders, and some it does not.
constexpr const char* kFormats[] = {
    "decimal",
    "chineseCounting",
    "chineseCountingThousand",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "ideographLegalTraditional",
    "ideographDigital",
    "taiwaneseDigital",
    "japaneseDigitalTenThousand",
    "chineseLegalSimplified",
    "ideographTraditional",
    "decimalEnclosedCircle",
    "decimalEnclosedCircleChinese",
    "decimalFullWidth",
    "decimalFullWidth2",
    "decimalZero",
    "lowerRoman",
    "upperRoman",
    "lowerLetter",
    "upperLetter",
    "bullet",
    "none",
    "cardinalText",
    "",
};

// Pieces of lvlText: the punctuation the suffix rule looks at, and words.
constexpr const char* kPieces[] = {"、", "（", "）", "．", "。", ".", ")",
                                   ":",  "：", "第", "章", "条", " ", "\t"};

// Numbers as the reader passes them: IntAttribute clamps to ±1,000,000.
// The edges of every format come up often.
// Each number drawn is kept in `drawn`, for the checks of FormatNumber.
int Number(FuzzedDataProvider& in, std::vector<int>& drawn) {
  static constexpr int kEdges[] = {0,    1,      -1,      9,       10,   11,
                                   20,   21,     26,      27,      1638, 1639,
                                   1664, 1665,   3999,    4000,    9999, 10000,
                                   -999, 999999, 1000000, -1000000};
  const int value = in.ConsumeBool()
                        ? in.PickValueInArray(kEdges)
                        : in.ConsumeIntegralInRange<int>(-1000000, 1000000);
  drawn.push_back(value);
  return value;
}

std::string LevelText(FuzzedDataProvider& in) {
  std::string text;
  const int pieces = in.ConsumeIntegralInRange<int>(0, 12);
  for (int i = 0; i < pieces && in.remaining_bytes() > 0; ++i) {
    switch (in.ConsumeIntegralInRange<int>(0, 5)) {
      case 0:  // a level's number
      case 1:
        text += '%';
        text += static_cast<char>('1' + in.ConsumeIntegralInRange<int>(0, 8));
        break;
      case 2:
        text += in.PickValueInArray(kPieces);
        break;
      case 3:  // anything, a lone % or %0 included
        text += in.ConsumeRandomLengthString(8);
        break;
      case 4:  // long runs, to reach the bound from either side
        if (in.ConsumeBool()) {
          text.append(in.ConsumeIntegralInRange<std::size_t>(0, 300), 'x');
        } else {
          // Up to a few bytes short of kMaxMarkerBytes, where what follows
          // (a number, a literal, the suffix's space) crosses it.
          const std::size_t to =
              kMaxMarkerBytes - in.ConsumeIntegralInRange<std::size_t>(0, 8);
          if (text.size() < to) text.append(to - text.size(), 'x');
        }
        break;
      default:
        text += '%';
        break;
    }
  }
  return text;
}

void ReadLevel(FuzzedDataProvider& in, Level& level, std::vector<int>& drawn) {
  if (in.ConsumeBool()) level.start = Number(in, drawn);
  if (in.ConsumeBool()) level.format = in.PickValueInArray(kFormats);
  if (in.ConsumeBool()) level.text = LevelText(in);
  if (in.ConsumeBool()) {
    static constexpr const char* kSuffixes[] = {"tab", "space", "nothing", ""};
    level.suffix = in.PickValueInArray(kSuffixes);
  }
  if (in.ConsumeBool()) level.restart = in.ConsumeIntegralInRange<int>(-1, 10);
  if (in.ConsumeBool()) level.legal = in.ConsumeBool();
}

// Small ids, so that references find their lists; some find none.
std::string Id(FuzzedDataProvider& in) {
  return std::to_string(in.ConsumeIntegralInRange<int>(0, 5));
}

std::vector<std::string> Render(
    Numbering numbering, const std::vector<NumberReference>& paragraphs) {
  std::vector<std::string> markers;
  markers.reserve(paragraphs.size());
  for (const NumberReference& reference : paragraphs)
    markers.push_back(numbering.Next(reference));
  return markers;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  FuzzedDataProvider in(data, size);
  Numbering numbering;
  std::vector<int> drawn;
  bool texts_are_utf8 = true;
  const int abstracts = in.ConsumeIntegralInRange<int>(0, 4);
  for (int a = 0; a < abstracts; ++a) {
    AbstractNumbering& abstract = numbering.Abstract(Id(in));
    const int levels = in.ConsumeIntegralInRange<int>(0, kLevels);
    for (int l = 0; l < levels; ++l) {
      Level& level =
          abstract
              .levels[in.ConsumeIntegralInRange<std::size_t>(0, kLevels - 1)];
      ReadLevel(in, level, drawn);
      texts_are_utf8 =
          texts_are_utf8 &&
          lawreport::utf8::FirstInvalid(level.text) == std::string_view::npos;
    }
  }
  const int instances = in.ConsumeIntegralInRange<int>(0, 5);
  for (int n = 0; n < instances; ++n) {
    NumberingInstance& instance = numbering.Instance(Id(in));
    instance.abstract_id = Id(in);
    const int overrides = in.ConsumeIntegralInRange<int>(0, 3);
    for (int o = 0; o < overrides; ++o) {
      instance.start_overrides[in.ConsumeIntegralInRange<std::size_t>(
          0, kLevels - 1)] = Number(in, drawn);
    }
  }
  // The paragraphs: a few hundred at most, so that an input stays fast.
  std::vector<NumberReference> paragraphs;
  while (in.remaining_bytes() > 0 && paragraphs.size() < 512) {
    NumberReference reference;
    if (in.ConsumeIntegralInRange<int>(0, 7) != 0) reference.num_id = Id(in);
    if (in.ConsumeBool())
      reference.level = in.ConsumeIntegralInRange<int>(-2, kLevels + 1);
    const int repeat = in.ConsumeIntegralInRange<int>(1, 4);
    for (int r = 0; r < repeat; ++r) paragraphs.push_back(reference);
  }

  const std::vector<std::string> markers = Render(numbering, paragraphs);
  for (const std::string& marker : markers) {
    if (marker.size() > kMaxMarkerBytes) __builtin_trap();
    if (texts_are_utf8 &&
        lawreport::utf8::FirstInvalid(marker) != std::string_view::npos)
      __builtin_trap();
  }
  // The counters are the only state: the same paragraphs in a fresh copy
  // give the same markers.
  if (Render(numbering, paragraphs) != markers) __builtin_trap();

  // Every format on every number this input named, and the next ones, as
  // counters reach them: a number never takes more than kMaxLetterRepeats
  // bytes, and letters fall back to decimal past 26 × 64.
  for (const int start : drawn) {
    for (int value = start; value < start + 3; ++value) {
      for (const char* format : kFormats) {
        const std::string shown = FormatNumber(value, format);
        if (shown.size() > static_cast<std::size_t>(kMaxLetterRepeats))
          __builtin_trap();
        const std::string_view name(format);
        if ((name == "lowerLetter" || name == "upperLetter") && value > 0) {
          const bool decimal = value > 26 * kMaxLetterRepeats;
          if (decimal != (shown == std::to_string(value))) __builtin_trap();
          if (!decimal &&
              shown.size() != static_cast<std::size_t>((value - 1) / 26 + 1))
            __builtin_trap();
        }
      }
    }
  }
  return 0;
}
