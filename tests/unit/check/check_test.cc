// The check stage: relations found and their verdicts, on small texts, on
// the sample (the 13 relations of the quality bar), and on mutated copies of
// the sample, each of which must mismatch at the changed line and nowhere else.
#include "lawreport/check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
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
      // Counting words of one kind (卷 / 件): parts above the total, disjoint
      // by their words, are a mismatch; below it, nothing is sure.
      {"评查案卷16卷，其中优秀卷13件，合格卷4件。",
       {"sum mismatch 13 + 4 = 17 > 16"}},
      {"评查案卷16卷，其中优秀卷10件，合格卷4件。", {}},
      {"评查案卷16卷，其中案卷13件，行政案卷4件。", {}},
      {"单位职工30人，其中男18名，女15名。",
       {"sum mismatch 18 + 15 = 33 > 30"}},
      // States that cover the whole (partitions.tsv): a shortfall is a
      // mismatch, unless the list gives examples.
      {"报备行政规范性文件11件，其中9件通过审查备案，1件正在审查备案中。",
       {"sum mismatch 9 + 1 = 10 ≠ 11"}},
      {"报备行政规范性文件11件，其中如9件通过审查备案，1件正在审查备案中。",
       {"sum pass 9 + 1 = 10 ≤ 11"}},
      {"报备文件11件，其中9件通过审查备案，1件正在审查备案中等。",
       {"sum pass 9 + 1 = 10 ≤ 11"}},
      {"受理投诉50件，其中办结47件，未办结2件。",
       {"sum mismatch 47 + 2 = 49 ≠ 50"}},
      {"行政复议案件12件，其中结果维持7件，结果纠正2件，其他结果1件，尚未审结1"
       "件。",
       {"sum mismatch 7 + 2 + 1 + 1 = 11 ≠ 12"}},
      // Three of the four states: a partial list.
      {"行政复议案件12件，其中结果维持7件，结果纠正2件，尚未审结1件。",
       {"sum pass 7 + 2 + 1 = 10 ≤ 12"}},
      // 已 / 未 pair only about the same thing.
      {"排查问题20个，其中已整改17个，未销号2个。",
       {"sum pass 17 + 2 = 19 ≤ 20"}},
      // "其中:" with each part's share: the sum and every share.
      {"办结81件，其中：予以公开42件，占51.85%；不予公开5件，占6.17%；无法提供3"
       "1件，占38.27%。",
       {"sum pass 42 + 5 + 31 = 78 ≤ 81", "rate pass 42 / 81 = 51.851%",
        "rate pass 5 / 81 = 6.172%", "rate pass 31 / 81 = 38.271%"}},
      // 予以 / 不予 公开 leave out 部分公开, 无法提供, 不予处理: partial.
      {"办结81件，其中：予以公开42件，占51.85%；不予公开5件，占6.27%。",
       {"sum pass 42 + 5 = 47 ≤ 81", "rate pass 42 / 81 = 51.851%",
        "rate mismatch 5 / 81 = 6.172%"}},
      {"收到申请40件，其中予以受理35件，不予受理4件。",
       {"sum mismatch 35 + 4 = 39 ≠ 40"}},
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

// One row for each role of check_words.tsv the rows above leave out: the
// word in the role it plays, and what that makes of the sentence.
TEST(CheckTest, CheckWordRoles) {
  const Case cases[] = {
      // parts_follow that is also examples: 包括 lists some parts, so a
      // partition's shortfall is no mismatch (其中 would make it one).
      {"报备行政规范性文件11件，包括9件通过审查备案，1件正在审查备案中。",
       {"sum pass 9 + 1 = 10 ≤ 11"}},
      // complement: 办复 and 尚未办复 cover the whole.
      {"收到建议20件，其中已办复17件，尚未办复2件。",
       {"sum mismatch 17 + 2 = 19 ≠ 20"}},
      // negation: 不受理 is no 受理 count, so 办结率's denominator is 50.
      {"受理投诉50件，不受理3件，办结45件，办结率90%。",
       {"rate pass 45 / 50 = 90.0%"}},
      // share and share_suffix: "占比" links a part to its share.
      {"办结81件，其中：予以公开42件，占比51.85%；不予公开5件，占比6.17%。",
       {"sum pass 42 + 5 = 47 ≤ 81", "rate pass 42 / 81 = 51.851%",
        "rate pass 5 / 81 = 6.172%"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Decided(c.text), c.expected) << c.text;
  // The first parts_follow word is the one a partial sum's message names.
  const std::vector<Finding> partial =
      FindingsOf("评查案卷20件，其中优秀卷12件，合格卷4件。");
  ASSERT_EQ(partial.size(), 1u);
  EXPECT_EQ(partial[0].message,
            "parts cover 16 of 评查案卷 20件 (a partial list: 其中 names some "
            "parts)");
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

// Figures beyond exact arithmetic give an unverifiable finding that says so,
// never a sum of 0 or a silently dropped relation.
TEST(CheckTest, OverflowIsReportedNotZero) {
  const std::vector<Finding> findings = FindingsOf(
      "总计900000000000000000件，其中甲类600000000000000000件，乙类500000000000"
      "000000件。");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, FindingStatus::kUnverifiable);
  EXPECT_FALSE(findings[0].computed);
  EXPECT_NE(findings[0].message.find("exact arithmetic"), std::string::npos);
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

// The quality bar's own table: one-figure mutations of reports in the
// repository and of short texts, across every relation type, each of which
// must give a mismatch at the changed line (the finding's line or the line of
// one of its figures), while the unmutated text gives none.
struct FileMutation {
  const char* file;  // under tests/, the sample when "", or null: `text`
  int line;
  const char* from;
  const char* to;
  const char* what;
  const char* text = nullptr;  // an inline report, when file is null
};

TEST(CheckTest, MutationsAcrossRelationTypes) {
  const std::string kOpenGov = "fixtures/formats/open-gov-tables.tabs.txt";
  const std::string kOpenGovMd = "fixtures/formats/open-gov-tables.md.txt";
  const FileMutation mutations[] = {
      // sum: a complete partition (通过 / 正在) below its total.
      {"", 25, "其中10件", "其中9件", "a partition short of its total"},
      // sum: counting words of one kind (卷 / 件), parts above the total.
      {"", 43, "优秀卷12件", "优秀卷13件", "parts in 件 above a total in 卷"},
      {"", 61, "驳回1件", "驳回2件", "a part of a second breakdown"},
      {"", 59, "人民调解组织164个", "人民调解组织160个", "a total"},
      {"corpus/reports/035_gzbg_2026_jiangxi.txt", 29, "28个主要指标",
       "27个主要指标", "a total in a work report"},
      {"corpus/reports/035_gzbg_2026_jiangxi.txt", 29, "28个主要指标",
       "29个主要指标", "预期性 / 约束性 short of their total"},
      {"", 20, "政策措施32份", "政策措施33份", "继续有效 / 废止 short"},
      // template: cells of the open-government tables.
      {kOpenGov.c_str(), 23, "数量\t18\t4", "数量\t19\t4", "a new request"},
      {kOpenGov.c_str(), 33, "总计\t18\t4", "总计\t17\t4", "a column total"},
      {kOpenGov.c_str(), 34, "\t1\t3", "\t2\t3", "a carried-forward cell"},
      {kOpenGov.c_str(), 25, "\t0\t13", "\t0\t14", "a row total"},
      {kOpenGov.c_str(), 29, "\t0\t0\t5", "\t0\t0\t6", "a numbered row"},
      {kOpenGov.c_str(), 39, "3\t1\t0\t1\t5", "3\t1\t0\t1\t6",
       "a review block's total"},
      {kOpenGovMd.c_str(), 0, "| 18 | 4 |", "| 19 | 4 |",
       "a markdown table cell"},
      // rate
      {nullptr, 1, "办结43486件", "办结43480件", "办结率's count",
       "受理行政许可事项43601件，办结43486件，办结率99.74%。"},
      {nullptr, 1, "99.74%", "99.64%", "办结率",
       "受理行政许可事项43601件，办结43486件，办结率99.74%。"},
      {nullptr, 1, "调结1142件", "调结1140件", "调结率's count",
       "排查各类矛盾纠纷1164件，调处1164件，调结1142件，调结率98.11%。"},
      // balance
      {nullptr, 1, "上年结转10件", "上年结转11件", "carried over",
       "上年结转10件，本年新收20件，本年办结24件，结转下年度6件。"},
      {nullptr, 1, "本年新收20件", "本年新收21件", "new",
       "上年结转10件，本年新收20件，本年办结24件，结转下年度6件。"},
      {nullptr, 1, "本年办结24件", "本年办结25件", "concluded",
       "上年结转10件，本年新收20件，本年办结24件，结转下年度6件。"},
      {nullptr, 1, "结转下年度6件", "结转下年度7件", "carried forward",
       "上年结转10件，本年新收20件，本年办结24件，结转下年度6件。"},
      // sum: partitions from partitions.tsv
      {nullptr, 1, "办结48件", "办结47件", "办结 / 未办结",
       "受理投诉50件，其中办结48件，未办结2件。"},
      {nullptr, 1, "予以受理36件", "予以受理35件", "予以 / 不予",
       "收到申请40件，其中予以受理36件，不予受理4件。"},
      {nullptr, 1, "结果维持8件", "结果维持7件",
       "维持 / 纠正 / 其他 / 尚未审结",
       "行政复议案件12件，其中结果维持8件，结果纠正2件，其他结果1件，尚未审结1"
       "件。"},
      {nullptr, 1, "已办复28件", "已办复27件", "已 / 尚未",
       "收到建议30件，其中已办复28件，尚未办复2件。"},
      // counting words of one kind: people, bodies
      {nullptr, 1, "男18名", "男19名", "人 / 名",
       "单位职工33人，其中男18名，女15名。"},
      {nullptr, 1, "企业12家", "企业13家", "个 / 家",
       "新设市场主体20个，其中企业12家，合作社8家。"},
      // share lists: "其中:" with 占X% after each part
      {nullptr, 1, "公开42件", "公开43件", "a part with its share",
       "办结依申请公开81件，其中：予以公开42件，占51.85%；不予公开5件，占6.17%"
       "；"
       "无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%。"},
      {nullptr, 1, "占6.17%", "占6.71%", "a share",
       "办结依申请公开81件，其中：予以公开42件，占51.85%；不予公开5件，占6.17%"
       "；"
       "无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%。"},
      {nullptr, 1, "81件", "82件", "the total of shares",
       "办结依申请公开81件，其中：予以公开42件，占51.85%；不予公开5件，占6.17%"
       "；"
       "无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%。"},
      // sum: X / 不X, (含…), 分别
      {nullptr, 1, "受理27件", "受理26件", "受理 / 不受理 short",
       "收到行政复议申请31件，其中受理27件，不受理4件。"},
      {nullptr, 1, "本年度18件", "本年度17件", "(含…) short",
       "审结21件（含上期结转3件，本年度18件），维持11件。"},
      {nullptr, 1, "行政诉讼14件", "行政诉讼16件", "分别 above",
       "共办理案件45件，分别为行政复议31件、行政诉讼14件。"},
  };
  for (const FileMutation& m : mutations) {
    SCOPED_TRACE(std::string(m.what) + ": " + m.from + " → " + m.to);
    std::string original;
    if (m.file == nullptr) {
      original = m.text;
    } else if (*m.file == '\0') {
      original = testing::ReadFileOrDie(LAWREPORT_SAMPLE);
    } else {
      original = testing::ReadFileOrDie(std::string(LAWREPORT_TEST_DIR) + "/" +
                                        m.file);
    }
    // Line 0: the first line holding `from`.
    int line = m.line;
    if (line == 0) {
      const std::size_t at = original.find(m.from);
      ASSERT_NE(at, std::string::npos);
      line = 1 + static_cast<int>(std::count(
                     original.begin(),
                     original.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    }
    for (const Finding& f : FindingsOf(original))
      EXPECT_NE(f.status, FindingStatus::kMismatch)
          << "unmutated: " << f.line << " " << f.expression;
    const std::string mutated = Mutate(original, {line, m.from, m.to, m.what});
    Result<Report> report = ProcessBytes(mutated, "mutated.txt", {});
    ASSERT_TRUE(report);
    std::map<std::string, int> line_of;
    for (const Indicator& i : report->indicators) line_of[i.id] = i.line;
    int at_line = 0;
    for (const Finding& f : report->checks) {
      if (f.status != FindingStatus::kMismatch) continue;
      bool here = f.line == line;
      for (const std::string& id : f.indicators)
        here = here || line_of[id] == line;
      if (here) ++at_line;
    }
    EXPECT_GE(at_line, 1);
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

// What `lawreport check` and the Python module report per file: checks,
// then failed and passed expectations, numbered in that order, then
// acceptances.
TEST(CheckTest, CollectFindingsNumbersChecksThenExpectations) {
  const std::string text = "收到行政复议申请31件，其中受理28件，不受理4件。";
  Result<Report> report = ProcessBytes(text, "r.txt", {});
  ASSERT_TRUE(report);
  ASSERT_EQ(report->checks.size(), 1u);
  Result<std::vector<Expectation>> expect =
      ParseExpectations(R"({"i1": 31, "i2": 27})");
  ASSERT_TRUE(expect);
  Result<std::vector<Acceptance>> accept =
      ParseAcceptances("file\trelation\tstated\treason\nr.txt\t" +
                       report->checks[0].relation + "\t31\tconfirmed\n");
  ASSERT_TRUE(accept);
  const std::vector<Finding> findings = CollectFindings(
      "reports/r.txt", report->checks, report->indicators, *expect, *accept);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].id, "c1");
  EXPECT_EQ(findings[0].status, FindingStatus::kAccepted);
  EXPECT_EQ(findings[1].id, "c2");
  EXPECT_EQ(findings[1].type, FindingType::kExpect);
  EXPECT_EQ(findings[1].status, FindingStatus::kPass);
  EXPECT_EQ(findings[2].id, "c3");
  EXPECT_EQ(findings[2].status, FindingStatus::kMismatch);  // 28, not 27
}

}  // namespace
}  // namespace lawreport
