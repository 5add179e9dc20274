// Every corpus report with a gold outline: headings matched on (line, level)
// as ../tools/score_outline.py does, plus marker and title prefix. The sample
// must match exactly; every other report must reach F1 ≥ 0.95.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "lawreport/report.h"
#include "test_support.h"

namespace lawreport {
namespace {

struct GoldHeading {
  int line;
  int level;
  std::string marker;
  std::string title_prefix;
};

std::vector<GoldHeading> ReadGold(const std::string& path) {
  std::vector<GoldHeading> gold;
  std::istringstream in(testing::ReadFileOrDie(path));
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream fields(row);
    GoldHeading heading;
    std::string line, level;
    std::getline(fields, line, '\t');
    std::getline(fields, level, '\t');
    std::getline(fields, heading.marker, '\t');
    std::getline(fields, heading.title_prefix, '\t');
    heading.line = std::stoi(line);
    heading.level = std::stoi(level);
    gold.push_back(heading);
  }
  return gold;
}

struct Score {
  double precision, recall, f1;
};

class CorpusOutlineTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusOutlineTest, MatchesGold) {
  const std::string name = GetParam();
  const std::vector<GoldHeading> gold =
      ReadGold(testing::TestPath("corpus/gold/" + name + ".outline.tsv"));
  Result<Report> report =
      ProcessFile(testing::TestPath("corpus/reports/" + name + ".txt"), {});
  ASSERT_TRUE(report) << report.error().message;

  std::set<std::pair<int, int>> predicted;
  std::map<std::pair<int, int>, const Section*> by_key;
  ForEachSection(report->outline.sections, [&](const Section& s) {
    predicted.insert({s.line, s.level});
    by_key[{s.line, s.level}] = &s;
  });
  std::set<std::pair<int, int>> expected;
  for (const GoldHeading& g : gold) expected.insert({g.line, g.level});
  int matched = 0;
  for (const auto& key : expected) matched += predicted.count(key) ? 1 : 0;
  const double precision =
      predicted.empty() ? 0 : double(matched) / double(predicted.size());
  const double recall =
      expected.empty() ? 0 : double(matched) / double(expected.size());
  const double f1 = precision + recall > 0
                        ? 2 * precision * recall / (precision + recall)
                        : 0;

  const double required = name == "rongan-2023" ? 1.0 : 0.95;
  EXPECT_GE(f1, required) << name << ": precision " << precision << " recall "
                          << recall;

  // Matched headings also carry the marker as written and the title's start.
  for (const GoldHeading& g : gold) {
    auto found = by_key.find({g.line, g.level});
    if (found == by_key.end()) continue;
    EXPECT_EQ(found->second->marker, g.marker) << name << " line " << g.line;
    // The gold prefix is the first characters after the marker, which may run
    // past a title that ends at "。": one must begin the other.
    const std::string& title = found->second->title;
    const bool agrees =
        title.size() >= g.title_prefix.size()
            ? title.compare(0, g.title_prefix.size(), g.title_prefix) == 0
            : g.title_prefix.compare(0, title.size(), title) == 0;
    EXPECT_TRUE(agrees) << name << " line " << g.line << ": " << title << " vs "
                        << g.title_prefix;
  }
}

std::vector<std::string> GoldNames() {
  std::vector<std::string> names;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::TestPath("corpus/gold"))) {
    const std::string file = entry.path().filename().string();
    const std::string suffix = ".outline.tsv";
    if (file.size() > suffix.size() && file.ends_with(suffix)) {
      names.push_back(file.substr(0, file.size() - suffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Gold, CorpusOutlineTest,
                         ::testing::ValuesIn(GoldNames()),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           }
                           return name;
                         });

// Reports without a gold outline still decode and give a tree without crashing.
TEST(CorpusTest, EveryReportProcesses) {
  int reports = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           testing::TestPath("corpus/reports"))) {
    if (entry.path().extension() != ".txt") continue;
    Result<Report> report = ProcessFile(entry.path().string(), {});
    ASSERT_TRUE(report) << entry.path() << ": " << report.error().message;
    EXPECT_FALSE(report->outline.sections.empty()) << entry.path();
    ++reports;
  }
  EXPECT_EQ(reports, 26);
}

}  // namespace
}  // namespace lawreport
