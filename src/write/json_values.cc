#include "write/json_values.h"

namespace lawreport::write_internal {

using nlohmann::ordered_json;

ordered_json ValueJson(const Decimal& value) {
  if (value.IsInteger()) return ordered_json::parse(value.ToString());
  return ordered_json(value.ToDouble());
}

ordered_json ValueJson(const std::optional<Decimal>& value) {
  return value ? ValueJson(*value) : ordered_json(nullptr);
}

ordered_json FindingJson(const Finding& finding) {
  return {{"id", finding.id},
          {"type", FindingTypeName(finding.type)},
          {"status", FindingStatusName(finding.status)},
          {"line", finding.line > 0 ? ordered_json(finding.line) : ordered_json(nullptr)},
          {"indicators", finding.indicators},
          {"relation", finding.relation},
          {"expression", finding.expression},
          {"stated", ValueJson(finding.stated)},
          {"computed", ValueJson(finding.computed)},
          {"message", finding.message}};
}

}  // namespace lawreport::write_internal
