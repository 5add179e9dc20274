#include "test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace lawreport::testing {

Text MakeText(std::string_view content) {
  Result<DecodedText> decoded = Decode(content, {});
  if (!decoded) {
    ADD_FAILURE() << "decode failed: " << decoded.error().message;
    return Text();
  }
  return std::move(decoded->text);
}

Outline OutlineOf(std::string_view content) {
  return BuildOutline(MakeText(content));
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string TestPath(const std::string& relative) {
  return std::string(LAWREPORT_TEST_DIR) + "/" + relative;
}

}  // namespace lawreport::testing
