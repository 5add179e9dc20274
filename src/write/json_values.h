// JSON pieces shared by the writers: exact values and findings. Internal to
// src/write; nlohmann::json stays inside src/.
//
//   ValueJson(Decimal 12000)  → 12000 (an integer)
//   ValueJson(Decimal 99.74)  → 99.74
#ifndef LAWREPORT_WRITE_JSON_VALUES_H_
#define LAWREPORT_WRITE_JSON_VALUES_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "lawreport/check.h"
#include "lawreport/decimal.h"

namespace lawreport::write_internal {

// Integers print as integers (12000, not 12000.0); other values as the
// shortest double that reads back to the same decimal (99.74).
nlohmann::ordered_json ValueJson(const Decimal& value);
nlohmann::ordered_json ValueJson(const std::optional<Decimal>& value);  // null when absent
nlohmann::ordered_json FindingJson(const Finding& finding);

}  // namespace lawreport::write_internal

#endif  // LAWREPORT_WRITE_JSON_VALUES_H_
