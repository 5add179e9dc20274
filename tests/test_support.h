// Helpers shared by the C++ tests: decoding strings and files in one call.
#ifndef LAWREPORT_TESTS_TEST_SUPPORT_H_
#define LAWREPORT_TESTS_TEST_SUPPORT_H_

#include <string>
#include <string_view>

#include "lawreport/decode.h"
#include "lawreport/outline.h"
#include "lawreport/report.h"

namespace lawreport::testing {

// Decodes UTF-8 `content`; fails the test (and returns an empty Text) on error.
Text MakeText(std::string_view content);
Outline OutlineOf(std::string_view content);
std::string ReadFileOrDie(const std::string& path);
std::string TestPath(const std::string& relative);  // under tests/

}  // namespace lawreport::testing

#endif  // LAWREPORT_TESTS_TEST_SUPPORT_H_
