// Whole-report golden files: the sample's outline and extract JSON. The golden
// file changes only on purpose:
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

// Compares `produced` with tests/golden/NAME, or rewrites it on request.
void CheckGolden(const std::string& name, const std::string& produced) {
  const std::string golden_path = testing::TestPath("golden/" + name);
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

Report ProcessSample() {
  Result<Report> report = ProcessFile(LAWREPORT_SAMPLE, {});
  EXPECT_TRUE(report);
  report->source.path =
      "data/samples/rongan-2023.txt";  // independent of the checkout
  return std::move(*report);
}

TEST(GoldenTest, SampleOutline) {
  CheckGolden("rongan-2023.outline.json", WriteOutlineJson(ProcessSample()));
}

TEST(GoldenTest, SampleExtract) {
  CheckGolden("rongan-2023.extract.json", WriteExtractJson(ProcessSample()));
}

}  // namespace
}  // namespace lawreport
