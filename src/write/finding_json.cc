#include "write/finding_json.h"

namespace lawreport::write_internal {

void WriteFinding(JsonOut& out, const Finding& finding) {
  out.BeginObject();
  out.Field("id", finding.id);
  out.Field("type", FindingTypeName(finding.type));
  out.Field("status", FindingStatusName(finding.status));
  out.Key("line");
  if (finding.line > 0) {
    out.Int(finding.line);
  } else {
    out.Null();
  }
  out.Key("indicators");
  out.BeginArray();
  for (const std::string& id : finding.indicators) out.String(id);
  out.EndArray();
  out.Field("relation", finding.relation);
  out.Field("expression", finding.expression);
  out.Field("stated", finding.stated);
  out.Field("computed", finding.computed);
  out.Field("message", finding.message);
  out.EndObject();
}

}  // namespace lawreport::write_internal
