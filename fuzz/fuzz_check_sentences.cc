// libFuzzer target: the check stage's search for a total and its parts
// (src/check/check.cc, CheckSums and CheckShareLists): the sentence after
// a cue (其中, 包括, 分别, （含…）, "…中，", "其中：" with shares) is searched
// for the parts, and the nearest quantity before the cue is the total.
//   "收到行政复议申请31件，其中受理27件，不受理4件" → 27 + 4 = 31, pass.
// The input is text (bytes that are not UTF-8 become U+FFFD), run through
// the stages the check needs and no others (outline, numbers, indicators),
// then CheckIndicators. fuzz/run.sh seeds it with the corpus lines that
// hold a cue, and gives it fuzz_check_sentences.dict and short inputs.
//
// It aborts (__builtin_trap) where a finding breaks what the search
// promises: every figure it names exists; a sum's total comes first and is
// its stated value; its parts are other figures, on the total's line,
// after the total, quantities of one unit and of the total's kind; the
// computed value is their exact sum; a pass never has parts above the
// total, a mismatch never parts equal to it; relation names are unique.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/check.h"
#include "lawreport/decode.h"
#include "lawreport/indicators.h"
#include "lawreport/numbers.h"
#include "lawreport/outline.h"
#include "util/utf8.h"

namespace {

bool IsQuantity(const lawreport::Indicator& indicator) {
  return !indicator.upper && (indicator.kind == lawreport::UnitKind::kCount ||
                              indicator.kind == lawreport::UnitKind::kAmount ||
                              indicator.kind == lawreport::UnitKind::kMeasure);
}

void CheckSum(const lawreport::Finding& finding,
              const std::map<std::string, const lawreport::Indicator*>& by_id) {
  if (finding.indicators.size() < 3) __builtin_trap();
  const lawreport::Indicator& total = *by_id.at(finding.indicators.front());
  if (!finding.stated || !(*finding.stated == total.value)) __builtin_trap();
  std::set<std::string> seen = {total.id};
  std::optional<lawreport::Decimal> sum = lawreport::Decimal::FromInt(0);
  const lawreport::Indicator* first = nullptr;
  for (std::size_t i = 1; i < finding.indicators.size(); ++i) {
    if (!seen.insert(finding.indicators[i]).second) __builtin_trap();
    const lawreport::Indicator& part = *by_id.at(finding.indicators[i]);
    if (first == nullptr) first = &part;
    if (part.line != total.line || part.value_begin < total.value_end ||
        !IsQuantity(part) || part.unit != first->unit ||
        part.kind != total.kind)
      __builtin_trap();
    if (sum) sum = sum->Plus(part.value);
  }
  if (!IsQuantity(total)) __builtin_trap();
  if (finding.computed.has_value() != sum.has_value()) __builtin_trap();
  if (!finding.computed) {
    if (finding.status != lawreport::FindingStatus::kUnverifiable)
      __builtin_trap();
    return;
  }
  if (!(*finding.computed == *sum)) __builtin_trap();
  if (finding.status == lawreport::FindingStatus::kPass &&
      *finding.stated < *finding.computed)
    __builtin_trap();
  if (finding.status == lawreport::FindingStatus::kMismatch &&
      *finding.stated == *finding.computed)
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string bytes = lawreport::utf8::ReplaceInvalid(
      std::string_view(reinterpret_cast<const char*>(data), size));
  lawreport::DecodeOptions options;
  options.format = lawreport::InputFormat::kText;
  options.encoding = "UTF-8";
  auto decoded = lawreport::Decode(bytes, options);
  if (!decoded) return 0;
  const lawreport::Text& text = decoded->text;
  // Time, stance and canonical ids are not read by the sums: skipped.
  const std::vector<lawreport::Indicator> indicators =
      lawreport::ExtractIndicators(text, lawreport::BuildOutline(text),
                                   lawreport::FindMentions(text));
  const std::vector<lawreport::Finding> findings =
      lawreport::CheckIndicators(text, indicators);

  std::map<std::string, const lawreport::Indicator*> by_id;
  for (const lawreport::Indicator& indicator : indicators)
    by_id.emplace(indicator.id, &indicator);
  std::set<std::string> relations;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const lawreport::Finding& finding = findings[i];
    if (finding.id != "c" + std::to_string(i + 1)) __builtin_trap();
    if (!relations.insert(finding.relation).second) __builtin_trap();
    if (finding.line < 1 || finding.line > text.line_count()) __builtin_trap();
    for (const std::string& id : finding.indicators) {
      if (by_id.count(id) == 0) __builtin_trap();
    }
    if (finding.type == lawreport::FindingType::kSum) CheckSum(finding, by_id);
  }
  return 0;
}
