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

// `lawreport outline` reads only as far as the outline (OutlineFile): it
// prints exactly what the whole pipeline's Report prints, tree and JSON.
TEST(GoldenTest, OutlineFilePrintsWhatTheWholeReportPrints) {
  Result<OutlinedReport> outlined = OutlineFile(LAWREPORT_SAMPLE, {});
  ASSERT_TRUE(outlined);
  outlined->source.path = "data/samples/rongan-2023.txt";
  const Report whole = ProcessSample();
  EXPECT_EQ(outlined->outline.sections.size(), whole.outline.sections.size());
  EXPECT_GT(outlined->outline.sections.size(), 2u);
  EXPECT_EQ(WriteOutlineJson(*outlined), WriteOutlineJson(whole));
  EXPECT_EQ(WriteOutlineTree(*outlined), WriteOutlineTree(whole));
  CheckGolden("rongan-2023.outline.json", WriteOutlineJson(*outlined));

  // A file it cannot read fails as ProcessFile fails on it.
  const std::string no_file = testing::TestPath("no-such-report.txt");
  const Result<OutlinedReport> missing = OutlineFile(no_file, {});
  const Result<Report> missing_whole = ProcessFile(no_file, {});
  ASSERT_FALSE(missing);
  ASSERT_FALSE(missing_whole);
  EXPECT_EQ(missing.error().code, missing_whole.error().code);
  EXPECT_EQ(missing.error().message, "no such file");
}

TEST(GoldenTest, SampleExtract) {
  CheckGolden("rongan-2023.extract.json", WriteExtractJson(ProcessSample()));
}

}  // namespace
}  // namespace lawreport
