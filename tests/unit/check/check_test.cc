// The check stage: relations found and their verdicts, on small texts, on
// the sample (the 13 relations of the quality bar), and on mutated copies of
// the sample, each of which must mismatch at the changed line and nowhere else.
#include "lawreport/check.h"

#include <gtest/gtest.h>

#include <regex>

#include "lawreport/report.h"
#include "test_support.h"

namespace lawreport {
namespace {

std::vector<Finding> FindingsOf(std::string_view content) {
  Result<Report> report = ProcessBytes(content, "inline.txt", {});
  EXPECT_TRUE(report) << report.error().message;
  return report ? report->checks : std::vector<Finding>{};
}

// "type status expression" of every finding that is not unverifiable.
std::vector<std::string> Decided(std::string_view content) {
  std::vector<std::string> out;
  for (const Finding& f : FindingsOf(content)) {
    if (f.status == FindingStatus::kUnverifiable) continue;
    out.push_back(std::string(FindingTypeName(f.type)) + " " +
                  FindingStatusName(f.status) + " " + f.expression);
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> expected;
};

TEST(CheckTest, Relations) {
  const Case cases[] = {
      {"收到行政复议申请31件，其中受理27件，不受理4件。",
       {"sum pass 27 + 4 = 31"}},
      // X and 不X make the list complete: a shortfall is a mismatch.
      {"收到行政复议申请31件，其中受理26件，不受理4件。",
       {"sum mismatch 26 + 4 = 30 ≠ 31"}},
      {"收到行政复议申请31件，其中受理28件，不受理4件。",
       {"sum mismatch 28 + 4 = 32 > 31"}},
      // A partial list (其中 names some parts) may fall short.
      {"评查案卷20件，其中优秀卷12件，合格卷4件。",
       {"sum pass 12 + 4 = 16 ≤ 20"}},
      {"共办理案件45件，分别为行政复议31件、行政诉讼16件。",
       {"sum mismatch 31 + 16 = 47 > 45"}},
      {"办理案件45件（包括行政复议31件，行政诉讼14件）。",
       {"sum pass 31 + 14 = 45"}},
      {"收到申请31件，其中受理27件，不受理4件，审结21件（含上期结转3件，本年度1"
       "8件），维持11件。",
       {"sum pass 27 + 4 = 31", "sum pass 3 + 18 = 21"}},
      {"电子信息、有色金属产业规模分别达1.28万亿元、1.18万亿元。", {}},
      {"评查案卷16卷，其中优秀卷12件，合格卷4件。", {"sum pass 12 + 4 = 16"}},
      {"审结的21件（含上期结转3件，本年度18件）案件中，维持11件，撤销3件，驳回1"
       "件，确认违法2件，终止4件。",
       {"sum pass 3 + 18 = 21", "sum pass 11 + 3 + 1 + 2 + 4 = 21"}},
      {"审结的21件（含上期结转3件，本年度17件）案件中，维持11件，撤销3件。",
       {"sum mismatch 3 + 17 = 20 ≠ 21", "sum pass 11 + 3 = 14 ≤ 21"}},
      {"受理行政许可事项43601件，办结43486件，办结率99.74%。",
       {"rate pass 43486 / 43601 = 99.736%"}},
      // Either rounding direction at the last printed digit passes.
      {"受理行政许可事项43601件，办结43486件，办结率99.73%。",
       {"rate pass 43486 / 43601 = 99.736%"}},
      {"受理行政许可事项43601件，办结43486件，办结率99.75%。",
       {"rate mismatch 43486 / 43601 = 99.736%"}},
      {"审结21件，撤销3件，确认违法2件，纠错率23.81%。",
       {"rate pass (3 + 2) / 21 = 23.809%"}},
      {"调处1164件，调结1142件，调结率98.11%。",
       {"rate pass 1142 / 1164 = 98.109%"}},
      // The generic X率 ↔ X pattern.
      {"检查企业200家，整改企业150家，整改率75%。", {}},
      {"检查企业200家，整改150家，整改率75%。",
       {"rate pass 150 / 200 = 75.0%"}},
      {"受理1000件，办结900件，办结率95%以上。", {}},
      {"上年结转12件，本年新收30件，本年办结35件，结转下年度7件。",
       {"balance pass 12 + 30 = 42 vs 35 + 7 = 42"}},
      {"上年结转12件，本年新收30件，本年办结35件，结转下年度8件。",
       {"balance mismatch 12 + 30 = 42 vs 35 + 8 = 43"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Decided(c.text), c.expected) << c.text;
}

// "line type status expression" of every finding.
std::vector<std::string> AllFindings(std::string_view content) {
  std::vector<std::string> out;
  for (const Finding& f : FindingsOf(content)) {
    out.push_back(std::to_string(f.line) + " " + FindingTypeName(f.type) + " " +
                  FindingStatusName(f.status) + " " + f.expression);
  }
  return out;
}

// Sentences and brackets are read only on the lines that hold a figure; a
// line between them, with open brackets or none, changes nothing, and a line
// break still ends a sentence.
TEST(CheckTest, RelationsOnSeveralLines) {
  const Case cases[] = {
      {"关于（某事项的说明\n"
       "收到行政复议申请31件，其中受理27件，不受理4件。\n"
       "（未闭合的括号\n"
       "\n"
       "办理案件45件（包括行政复议31件，行政诉讼14件）。\n"
       "工作回顾\n"
       "审结21件（含上期结转3件，本年度18件），维持11件。\n",
       {"2 sum pass 27 + 4 = 31", "5 sum pass 31 + 14 = 45",
        "7 sum pass 3 + 18 = 21"}},
      // A total and its parts on two lines are two sentences; a rate's
      // counts must be on its line.
      {"收到申请31件\n"
       "其中受理27件，不受理4件。\n"
       "受理行政许可事项43601件\n"
       "办结43486件，办结率99.74%。\n",
       {"4 rate unverifiable 办结率 = 99.74%"}},
      {"上年结转12件，本年新收30件，本年办结35件，结转下年度7件。\n"
       "说明：不含（其他\n"
       "上年结转12件\n"
       "本年新收30件，本年办结35件，结转下年度8件。\n",
       {"1 balance pass 12 + 30 = 42 vs 35 + 7 = 42"}},
      {"共办理案件45件，分别为行政复议31件、行政诉讼16件。\n"
       "（\n"
       "（二）办理案件（共45件\n"
       "行政复议31件，行政诉讼14件）。\n"
       "检查企业200家，整改150家，整改率75%。",
       {"1 sum mismatch 31 + 16 = 47 > 45", "5 rate pass 150 / 200 = 75.0%"}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(AllFindings(c.text), c.expected) << c.text;
}

TEST(CheckTest, UndecidableIsNeverAMismatch) {
  const char* texts[] = {
      // Counts not stated.
      "群众满意率100%，回访率99%。",
      // An approximate total that differs from its parts.
      "信息数据约71000条，其中行政处罚信息8673条，行政许可信息62340条。",
      // A list that runs into the next item of the sentence.
      "新增铁路运营里程639公里、其中高铁370公里，新增高速公路2600公里、农村公路"
      "3000公里。",
      // 应诉率 has no count labelled 应诉.
      "行政应诉案件42件，其中单独应诉25件，共同应诉7件，应诉率100%。",
  };
  for (const char* text : texts) {
    for (const Finding& f : FindingsOf(text)) {
      EXPECT_NE(f.status, FindingStatus::kMismatch)
          << text << ": " << f.expression;
    }
  }
}

TEST(CheckTest, SampleRelations) {
  Result<Report> report = ProcessFile(LAWREPORT_SAMPLE, {});
  ASSERT_TRUE(report);
  std::vector<std::string> passed;
  for (const Finding& f : report->checks) {
    EXPECT_NE(f.status, FindingStatus::kMismatch)
        << f.line << ": " << f.expression;
    if (f.status == FindingStatus::kPass) passed.push_back(f.expression);
  }
  const std::vector<std::string> expected = {"43486 / 43601 = 99.736%",
                                             "8673 + 62340 = 71013",
                                             "25 + 7 = 32",
                                             "10 + 1 = 11",
                                             "12 + 4 = 16",
                                             "12 + 148 + 4 = 164",
                                             "1142 / 1164 = 98.109%",
                                             "27 + 4 = 31",
                                             "3 + 18 = 21",
                                             "11 + 3 + 1 + 2 + 4 = 21",
                                             "(3 + 2) / 21 = 23.809%",
                                             "25 + 10 + 7 = 42",
                                             "2 / 42 = 4.761%"};
  EXPECT_EQ(passed, expected);
}

// --- relation names ------------------------------------------------------

std::vector<std::string> RelationsOf(std::string_view content) {
  std::vector<std::string> out;
  for (const Finding& f : FindingsOf(content)) out.push_back(f.relation);
  return out;
}

// Names come from the figures' labels, never from their line, and are unique
// within a report.
TEST(CheckTest, RelationNames) {
  const Case cases[] = {
      {"收到行政复议申请31件，其中受理27件，不受理4件。",
       {"sum:收到行政复议申请:受理+不受理"}},
      {"\n\n\n收到行政复议申请31件，其中受理27件，不受理4件。",
       {"sum:收到行政复议申请:受理+不受理"}},
      {"审结的21件（含上期结转3件，本年度18件）案件中，维持11件，撤销3件，驳回1"
       "件，确认违法2件，终止4件。",
       {"sum:审结的:含上期结转+本年度",
        "sum:审结的:维持+撤销+驳回+确认违法+终止"}},
      {"受理43601件，办结43486件，办结率99.74%。", {"rate:办结率"}},
      // The same relation twice: the second is numbered.
      {"受理100件，办结90件，办结率90%。\n受理100件，办结90件，办结率90%。",
       {"rate:办结率", "rate:办结率#2"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(RelationsOf(c.text), c.expected);
  }
}

TEST(CheckTest, MakeRelationsUnique) {
  struct UniqueCase {
    std::vector<std::string> names;
    std::vector<std::string> expected;
  };
  const UniqueCase cases[] = {
      {{}, {}},
      {{"rate:a", "sum:b"}, {"rate:a", "sum:b"}},
      {{"rate:a", "rate:a", "rate:a"}, {"rate:a", "rate:a#2", "rate:a#3"}},
      // A name already taken is skipped, and a second pass changes nothing.
      {{"rate:a", "rate:a", "rate:a#2"}, {"rate:a", "rate:a#3", "rate:a#2"}},
      {{"rate:a", "rate:a#2", "rate:a#3"}, {"rate:a", "rate:a#2", "rate:a#3"}},
  };
  for (const UniqueCase& c : cases) {
    std::vector<Finding> findings(c.names.size());
    for (std::size_t i = 0; i < c.names.size(); ++i)
      findings[i].relation = c.names[i];
    MakeRelationsUnique(findings);
    std::vector<std::string> names;
    for (const Finding& f : findings) names.push_back(f.relation);
    EXPECT_EQ(names, c.expected);
    MakeRelationsUnique(findings);
    for (std::size_t i = 0; i < findings.size(); ++i)
      EXPECT_EQ(findings[i].relation, names[i]);
  }
}

// --- mutations of the sample ------------------------------------------------

struct Mutation {
  int line;
  const char* from;
  const char* to;
  const char* what;
};

std::string Mutate(const std::string& text, const Mutation& mutation) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(
        start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::string& line = lines[static_cast<std::size_t>(mutation.line - 1)];
  const std::size_t at = line.find(mutation.from);
  EXPECT_NE(at, std::string::npos) << mutation.what;
  EXPECT_EQ(line.find(mutation.from, at + 1), std::string::npos)
      << mutation.what << ": ambiguous";
  if (at != std::string::npos)
    line.replace(at, std::string(mutation.from).size(), mutation.to);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += lines[i] + (i + 1 < lines.size() ? "\n" : "");
  return out;
}

TEST(CheckTest, EveryMutationIsAMismatchAtItsLine) {
  const Mutation mutations[] = {
      {15, "办结43486件", "办结43286件", "a count under a rate"},
      {15, "办结率99.74%", "办结率99.47%", "a rate"},
      {20, "继续有效25份", "继续有效26份", "a part"},
      {25, "其中10件", "其中11件", "a part"},
      {20, "政策措施32份", "政策措施30份", "a total"},
      {59, "人民调解委员会148个", "人民调解委员会149个", "a part"},
      {59, "调结率98.11%", "调结率98.21%", "a rate"},
      {61, "不受理4件", "不受理5件", "a part"},
      {61, "行政复议申请31件", "行政复议申请32件",
       "a total of a complete list"},
      {61, "本年度18件", "本年度19件", "a part in (含…)"},
      {61, "纠错率23.81%", "纠错率28.57%", "a rate of a sum"},
      {61, "撤销3件", "撤销4件", "a part that is also a numerator"},
      {63, "县人民政府应诉10件", "县人民政府应诉12件", "a part"},
      {63, "败诉率4.76%", "败诉率5.76%", "a rate"},
      {63, "行政应诉案件42件", "行政应诉案件40件",
       "a total that is also a denominator"},
  };
  const std::string sample = testing::ReadFileOrDie(LAWREPORT_SAMPLE);
  for (const Mutation& mutation : mutations) {
    SCOPED_TRACE(std::string(mutation.what) + ": " + mutation.from + " → " +
                 mutation.to);
    int mismatches = 0;
    for (const Finding& f : FindingsOf(Mutate(sample, mutation))) {
      if (f.status != FindingStatus::kMismatch) continue;
      ++mismatches;
      EXPECT_EQ(f.line, mutation.line) << f.expression;
    }
    EXPECT_GE(mismatches, 1);
  }
}

// --- --expect and --accept
// ------------------------------------------------------

TEST(CheckTest, Expectations) {
  Result<Report> report = ProcessFile(LAWREPORT_SAMPLE, {});
  ASSERT_TRUE(report);
  Result<std::vector<Expectation>> json = ParseExpectations(
      R"({"办结率": 99.74, "调解员": 687, "i2": "43601", "不存在的指标": 1})");
  ASSERT_TRUE(json);
  const std::vector<Finding> findings =
      CheckExpectations(report->indicators, *json);
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].status, FindingStatus::kPass);
  EXPECT_EQ(findings[0].line, 15);
  EXPECT_EQ(findings[1].status, FindingStatus::kPass);
  EXPECT_EQ(findings[2].status, FindingStatus::kPass);
  EXPECT_EQ(findings[3].status, FindingStatus::kMismatch);  // missing

  Result<std::vector<Expectation>> tsv =
      ParseExpectations("# expected\n办结率\t99.8\n");
  ASSERT_TRUE(tsv);
  EXPECT_EQ(CheckExpectations(report->indicators, *tsv)[0].status,
            FindingStatus::kMismatch);

  EXPECT_FALSE(ParseExpectations("{not json"));
  EXPECT_FALSE(ParseExpectations("办结率\tabc\n"));
  EXPECT_FALSE(ParseExpectations(R"({"办结率": true})"));
}

TEST(CheckTest, AcceptedFindingsComeBackWhenTheirFiguresChange) {
  std::vector<Finding> findings =
      FindingsOf("收到行政复议申请31件，其中受理28件，不受理4件。");
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_EQ(findings[0].status, FindingStatus::kMismatch);
  const std::string relation = findings[0].relation;

  Result<std::vector<Acceptance>> accept =
      ParseAcceptances("file\trelation\tstated\treason\nr.txt\t" + relation +
                       "\t31\tconfirmed with the bureau\n");
  ASSERT_TRUE(accept);
  ApplyAcceptances("reports/r.txt", *accept, findings);  // matched by base name
  EXPECT_EQ(findings[0].status, FindingStatus::kAccepted);
  EXPECT_NE(findings[0].message.find("confirmed with the bureau"),
            std::string::npos);

  // The total changed to 30: the acceptance no longer applies.
  std::vector<Finding> changed =
      FindingsOf("收到行政复议申请30件，其中受理28件，不受理4件。");
  ApplyAcceptances("r.txt", *accept, changed);
  EXPECT_EQ(changed[0].status, FindingStatus::kMismatch);

  Result<std::vector<Acceptance>> json =
      ParseAcceptances(R"([{"file": "r.txt", "relation": ")" + relation +
                       R"(", "stated": 31, "computed": 33, "reason": "x"}])");
  ASSERT_TRUE(json);
  std::vector<Finding> again =
      FindingsOf("收到行政复议申请31件，其中受理28件，不受理4件。");
  ApplyAcceptances("r.txt", *json, again);  // computed 32 ≠ accepted 33
  EXPECT_EQ(again[0].status, FindingStatus::kMismatch);
  EXPECT_FALSE(ParseAcceptances("[{\"file\": \"r.txt\"}]"));
}

}  // namespace
}  // namespace lawreport
