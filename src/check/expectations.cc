// --expect and --accept files: parsing (JSON or TSV) and applying them.
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lawreport/check.h"
#include "lexicon/lexicon.h"
#include "util/utf8.h"

namespace lawreport {
namespace {

bool LooksLikeJson(std::string_view content) {
  const std::size_t first = content.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos &&
         (content[first] == '{' || content[first] == '[');
}

// A JSON number or numeric string as an exact decimal: 99.74, "99.74", 43601.
std::optional<Decimal> DecimalFromJson(const nlohmann::json& value) {
  std::string text;
  if (value.is_string()) {
    text = value.get<std::string>();
  } else if (value.is_number_integer() || value.is_number_unsigned()) {
    text = value.dump();
  } else if (value.is_number_float()) {
    text = value.dump();  // shortest form that reads back: 99.74
    if (text.find_first_of("eE") != std::string::npos) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!text.empty() && text.back() == '0' &&
      text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return Decimal::Parse(text);
}

Error BadFile(const std::string& what) {
  return Error{ErrorCode::kInvalidArgument, what};
}

}  // namespace

Result<std::vector<Expectation>> ParseExpectations(std::string_view content) {
  std::vector<Expectation> expectations;
  if (LooksLikeJson(content)) {
    // The top-level keys in file order, each once: an ordered_json object
    // looks every key up by a linear scan, quadratic in a file of 100,000
    // keys, so the object is a std::map and the order is kept here.
    std::vector<std::string> key_order;
    std::unordered_set<std::string> seen;
    const nlohmann::json::parser_callback_t keep_order =
        [&](int depth, nlohmann::json::parse_event_t event,
            nlohmann::json& parsed) {
          if (event == nlohmann::json::parse_event_t::key && depth == 1 &&
              parsed.is_string()) {
            const std::string& key = parsed.get_ref<const std::string&>();
            if (seen.insert(key).second) key_order.push_back(key);
          }
          return true;
        };
    const nlohmann::json document =
        nlohmann::json::parse(content, keep_order, /*allow_exceptions=*/false);
    if (document.is_discarded()) return BadFile("not valid JSON");
    const auto add = [&](const std::string& key,
                         const nlohmann::json& value) -> std::optional<Error> {
      const std::optional<Decimal> decimal = DecimalFromJson(value);
      if (!decimal)
        return BadFile("expected figure for '" + key + "' is not a number");
      expectations.push_back({key, *decimal});
      return std::nullopt;
    };
    if (document.is_object()) {
      for (const std::string& key : key_order) {
        if (auto error = add(key, document.at(key))) return *error;
      }
    } else {
      for (const nlohmann::json& item : document) {
        if (!item.is_object() || !item.contains("key") ||
            !item["key"].is_string() || !item.contains("value")) {
          return BadFile("each item needs \"key\" and \"value\"");
        }
        if (auto error = add(item["key"].get<std::string>(), item["value"]))
          return *error;
      }
    }
    return expectations;
  }
  const lexicon::Tsv tsv("expect file", content, {"key", "value"});
  for (const lexicon::TsvRow& row : tsv) {
    const std::string where = "line " + std::to_string(row.line());
    if (row.Get("value").empty())
      return BadFile(where + ": want KEY<TAB>VALUE");
    if (row.Get("key") == "key" && row.Get("value") == "value")
      continue;  // a header row
    const std::optional<Decimal> value =
        Decimal::Parse(utf8::TrimSpaces(row.Get("value")));
    if (!value)
      return BadFile(where + ": '" + std::string(row.Get("value")) +
                     "' is not a number");
    expectations.push_back({std::string(row.Get("key")), *value});
  }
  return expectations;
}

std::vector<Finding> CheckExpectations(
    const std::vector<Indicator>& indicators,
    const std::vector<Expectation>& expectations) {
  std::vector<Finding> findings;
  // The indicators each key names (as id or label), in text order: looked
  // up once per expectation instead of a scan of every indicator.
  std::unordered_map<std::string_view, std::vector<const Indicator*>> named;
  for (const Indicator& indicator : indicators) {
    named[indicator.id].push_back(&indicator);
    if (indicator.label != indicator.id)
      named[indicator.label].push_back(&indicator);
  }
  static const std::vector<const Indicator*> kNone;
  for (const Expectation& expectation : expectations) {
    Finding finding;
    finding.type = FindingType::kExpect;
    finding.relation = "expect:" + expectation.key;
    finding.stated = expectation.value;
    const Indicator* match = nullptr;
    const Indicator* candidate = nullptr;
    const auto found = named.find(expectation.key);
    for (const Indicator* indicator :
         found == named.end() ? kNone : found->second) {
      if (!candidate) candidate = indicator;
      if (indicator->value == expectation.value) {
        match = indicator;
        break;
      }
    }
    const Indicator* shown = match ? match : candidate;
    if (shown) {
      finding.line = shown->line;
      finding.column = shown->column;
      finding.indicators.push_back(shown->id);
      finding.computed = shown->value;
      finding.expression = expectation.key + " = " + shown->value.ToString() +
                           shown->unit + " (expected " +
                           expectation.value.ToString() + ")";
    } else {
      finding.expression = expectation.key + " not found (expected " +
                           expectation.value.ToString() + ")";
    }
    if (match) {
      finding.status = FindingStatus::kPass;
      finding.message = "the report states " + expectation.key + " " +
                        match->value.ToString() + match->unit;
    } else {
      finding.status = FindingStatus::kMismatch;
      finding.message = shown ? "the report states " + expectation.key + " " +
                                    shown->value.ToString() + shown->unit +
                                    ", expected " + expectation.value.ToString()
                              : "the report does not state " + expectation.key +
                                    " (expected " +
                                    expectation.value.ToString() + ")";
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

Result<std::vector<Acceptance>> ParseAcceptances(std::string_view content) {
  std::vector<Acceptance> acceptances;
  const auto make = [&](std::string file, std::string relation,
                        std::optional<Decimal> stated,
                        std::optional<Decimal> computed, std::string reason,
                        const std::string& where) -> std::optional<Error> {
    if (file.empty() || relation.empty() || !stated) {
      return BadFile(where + "needs file, relation and a numeric stated value");
    }
    acceptances.push_back({std::move(file), std::move(relation), *stated,
                           computed, std::move(reason)});
    return std::nullopt;
  };
  if (LooksLikeJson(content)) {
    const nlohmann::ordered_json document =
        nlohmann::ordered_json::parse(content, nullptr, false);
    if (document.is_discarded() || !document.is_array())
      return BadFile("want a JSON array of findings");
    int index = 0;
    for (const nlohmann::ordered_json& item : document) {
      ++index;
      if (!item.is_object())
        return BadFile("item " + std::to_string(index) + " is not an object");
      const auto text = [&](const char* name) {
        return item.contains(name) && item[name].is_string()
                   ? item[name].get<std::string>()
                   : std::string();
      };
      std::optional<Decimal> computed;
      if (item.contains("computed") && !item["computed"].is_null())
        computed = DecimalFromJson(item["computed"]);
      if (auto error =
              make(text("file"), text("relation"),
                   item.contains("stated") ? DecimalFromJson(item["stated"])
                                           : std::nullopt,
                   computed, text("reason"),
                   "item " + std::to_string(index) + " ")) {
        return *error;
      }
    }
    return acceptances;
  }
  // The user writes this header: a column left out reads as empty, and
  // make() says what is missing.
  const lexicon::Tsv tsv("accept file", content);
  for (const lexicon::TsvRow& row : tsv) {
    const std::string computed(row.GetOptional("computed"));
    if (auto error =
            make(std::string(row.GetOptional("file")),
                 std::string(row.GetOptional("relation")),
                 Decimal::Parse(row.GetOptional("stated")),
                 computed.empty() ? std::nullopt : Decimal::Parse(computed),
                 std::string(row.GetOptional("reason")),
                 "line " + std::to_string(row.line()) + " ")) {
      return *error;
    }
  }
  return acceptances;
}

void ApplyAcceptances(const std::string& path,
                      const std::vector<Acceptance>& acceptances,
                      std::vector<Finding>& findings) {
  const std::size_t slash = path.find_last_of('/');
  const std::string base =
      slash == std::string::npos ? path : path.substr(slash + 1);
  for (Finding& finding : findings) {
    if (finding.status != FindingStatus::kMismatch &&
        finding.status != FindingStatus::kUnverifiable)
      continue;
    for (const Acceptance& acceptance : acceptances) {
      if (acceptance.file != path && acceptance.file != base) continue;
      if (acceptance.relation != finding.relation || !finding.stated ||
          !(acceptance.stated == *finding.stated)) {
        continue;
      }
      if (acceptance.computed &&
          (!finding.computed || !(*acceptance.computed == *finding.computed)))
        continue;
      finding.status = FindingStatus::kAccepted;
      finding.accepted_reason = acceptance.reason;
      finding.message += " (accepted: " + acceptance.reason + ")";
      break;
    }
  }
}

std::vector<Finding> CollectFindings(
    const std::string& path, const std::vector<Finding>& checks,
    const std::vector<Indicator>& indicators,
    const std::vector<Expectation>& expectations,
    const std::vector<Acceptance>& acceptances) {
  std::vector<Finding> findings = checks;
  for (Finding& finding : CheckExpectations(indicators, expectations))
    findings.push_back(std::move(finding));
  for (std::size_t i = 0; i < findings.size(); ++i)
    findings[i].id = "c" + std::to_string(i + 1);
  MakeRelationsUnique(findings);
  ApplyAcceptances(path, acceptances, findings);
  return findings;
}

}  // namespace lawreport
