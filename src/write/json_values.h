// JSON pieces shared by the writers. Internal to src/write.
#ifndef LAWREPORT_WRITE_JSON_VALUES_H_
#define LAWREPORT_WRITE_JSON_VALUES_H_

#include "lawreport/check.h"
#include "write/json_out.h"

namespace lawreport::write_internal {

// One finding as a JSON object: {"id", "type", "status", "line", …}.
void WriteFinding(JsonOut& out, const Finding& finding);

}  // namespace lawreport::write_internal

#endif  // LAWREPORT_WRITE_JSON_VALUES_H_
