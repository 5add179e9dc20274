// Whole-report golden file: the sample's outline JSON. The golden file
// changes only on purpose:
//   LAWREPORT_UPDATE_GOLDEN=1 build/dev/tests/lawreport_tests
//   --gtest_filter='Golden*'
// then review the diff of tests/golden/*.json like any other change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lawreport/report.h"
#include "lawreport/write.h"
#include "test_support.h"

namespace lawreport {
namespace {

TEST(GoldenTest, SampleOutline) {
  Result<Report> report = ProcessFile(LAWREPORT_SAMPLE, {});
  ASSERT_TRUE(report);
  report->source.path =
      "data/samples/rongan-2023.txt";  // independent of the checkout
  const std::string produced = WriteOutlineJson(*report);
  const std::string golden_path =
      testing::TestPath("golden/rongan-2023.outline.json");

  if (const char* update = std::getenv("LAWREPORT_UPDATE_GOLDEN");
      update && *update == '1') {
    std::ofstream(golden_path, std::ios::binary) << produced;
    GTEST_SKIP() << "golden file rewritten: " << golden_path;
  }
  const nlohmann::json expected =
      nlohmann::json::parse(testing::ReadFileOrDie(golden_path));
  const nlohmann::json actual = nlohmann::json::parse(produced);
  EXPECT_EQ(actual, expected)
      << "diff: " << nlohmann::json::diff(expected, actual).dump(1);
}

}  // namespace
}  // namespace lawreport
