// One finding as JSON, shared by the extract and check writers. Internal to
// src/write.
#ifndef LAWREPORT_WRITE_FINDING_JSON_H_
#define LAWREPORT_WRITE_FINDING_JSON_H_

#include "lawreport/check.h"
#include "write/json_out.h"

namespace lawreport::write_internal {

// One finding as a JSON object: {"id", "type", "status", "line", …}.
void WriteFinding(JsonOut& out, const Finding& finding);

}  // namespace lawreport::write_internal

#endif  // LAWREPORT_WRITE_FINDING_JSON_H_
