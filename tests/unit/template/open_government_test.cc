// The open-government report template in every text layout: tables written
// with tabs, markdown pipes and aligned spaces give the same cells (canonical
// id, value, unit, label); the template's identities pass on a clean report
// and each one-cell mutation gives exactly one mismatch, at that cell.
#include "template/open_government.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "lawreport/report.h"

namespace lawreport {
namespace {

// One 政府信息公开工作年度报告: table 二, table 三 with its 26 rows (row
// label, seven counts), table 四 as one row of fifteen.
struct Row {
  std::vector<std::string> labels;
  std::vector<int> counts;
};

std::vector<Row> RequestRows() {
  return {
      {{"一、本年新收政府信息公开申请数量"}, {80, 1, 0, 0, 0, 0, 81}},
      {{"二、上年结转政府信息公开申请数量"}, {2, 0, 0, 0, 0, 0, 2}},
      {{"三、本年度办理结果", "（一）予以公开"}, {22, 0, 0, 0, 0, 0, 22}},
      {{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
       {19, 1, 0, 0, 0, 0, 20}},
      {{"（三）不予公开", "1.属于国家秘密"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"2.其他法律行政法规禁止公开"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"3.危及“三安全一稳定”"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"4.保护第三方合法权益"}, {1, 0, 0, 0, 0, 0, 1}},
      {{"5.属于三类内部事务信息"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"6.属于四类过程性信息"}, {1, 0, 0, 0, 0, 0, 1}},
      {{"7.属于行政执法案卷"}, {1, 0, 0, 0, 0, 0, 1}},
      {{"8.属于行政查询事项"}, {2, 0, 0, 0, 0, 0, 2}},
      {{"（四）无法提供", "1.本机关不掌握相关政府信息"},
       {31, 0, 0, 0, 0, 0, 31}},
      {{"2.没有现成信息需要另行制作"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"3.补正后申请内容仍不明确"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"（五）不予处理", "1.信访举报投诉类申请"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"2.重复申请"}, {1, 0, 0, 0, 0, 0, 1}},
      {{"3.要求提供公开出版物"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"4.无正当理由大量反复申请"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"5.要求行政机关确认或重新出具已获取信息"}, {0, 0, 0, 0, 0, 0, 0}},
      {{"（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
       {1, 0, 0, 0, 0, 0, 1}},
      {{"2."
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申"
        "请"},
       {0, 0, 0, 0, 0, 0, 0}},
      {{"3.其他"}, {1, 0, 0, 0, 0, 0, 1}},
      {{"（七）总计"}, {80, 1, 0, 0, 0, 0, 81}},
      {{"四、结转下年度继续办理"}, {2, 0, 0, 0, 0, 0, 2}},
  };
}

const std::vector<int> kReview = {1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2};

enum class Layout { kTabs, kPipes, kSpaces };

std::string Join(const std::vector<std::string>& cells, Layout layout) {
  std::string line = layout == Layout::kPipes ? "| " : "";
  const std::string separator = layout == Layout::kTabs    ? "\t"
                                : layout == Layout::kPipes ? " | "
                                                           : "    ";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += separator;
    line += cells[i];
  }
  if (layout == Layout::kPipes) line += " |";
  return line + "\n";
}

std::string Header(const std::vector<std::string>& cells, Layout layout) {
  std::string header = Join(cells, layout);
  if (layout == Layout::kPipes) {
    std::vector<std::string> rule(cells.size(), "---");
    header += Join(rule, layout);
  }
  return header;
}

std::vector<std::string> Cells(const std::vector<std::string>& labels,
                               const std::vector<int>& counts) {
  std::vector<std::string> cells = labels;
  for (const int count : counts) cells.push_back(std::to_string(count));
  return cells;
}

std::string Report(Layout layout, std::vector<Row> rows,
                   std::vector<int> review) {
  std::string text =
      "某某县人民政府2023年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "2023年，全县主动公开政府信息13561条。\n"
      "二、主动公开政府信息情况\n";
  text += Header({"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                 layout);
  text += Join({"规章", "0", "0", "0"}, layout);
  text += Join({"行政规范性文件", "77", "132", "470"}, layout);
  text += "\n第二十条第（五）项\n";
  text += Header({"信息内容", "本年处理决定数量"}, layout);
  text += Join({"行政许可", "2629"}, layout);
  text += "\n第二十条第（八）项\n";
  text += Header({"信息内容", "本年收费金额（单位：万元）"}, layout);
  text += Join({"行政事业性收费", "5949.09"}, layout);
  text += "三、收到和处理政府信息公开申请情况\n";
  text += Header({"申请人情况", "自然人", "商业企业", "科研机构",
                  "社会公益组织", "法律服务机构", "其他", "总计"},
                 layout);
  for (const Row& row : rows)
    text += Join(Cells(row.labels, row.counts), layout);
  text += "四、政府信息公开行政复议、行政诉讼情况\n";
  text += Header({"行政复议", "行政诉讼"}, layout);
  text +=
      Header({"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}, layout);
  std::vector<std::string> figures;
  for (const int count : review) figures.push_back(std::to_string(count));
  text += Join(figures, layout);
  text += "五、存在的主要问题及改进情况\n";
  text += "一是部分单位信息发布属性界定还不够精确。\n";
  return text;
}

lawreport::Report Process(const std::string& text) {
  Result<lawreport::Report> report = ProcessBytes(text, "report.txt", {});
  EXPECT_TRUE(static_cast<bool>(report));
  return static_cast<bool>(report) ? std::move(*report) : lawreport::Report{};
}

using Cell = std::tuple<std::string, std::string, std::string, std::string>;

std::vector<Cell> TemplateCells(const lawreport::Report& report) {
  std::vector<Cell> cells;
  for (const Indicator& indicator : report.indicators) {
    if (!indicator.canonical || indicator.canonical->rfind("xxgk.", 0) != 0)
      continue;
    cells.emplace_back(*indicator.canonical, indicator.value.ToString(),
                       indicator.unit, indicator.label);
  }
  return cells;
}

TEST(OpenGovernmentTemplateTest, EveryTextLayoutGivesTheSameCells) {
  const std::vector<Cell> tabs =
      TemplateCells(Process(Report(Layout::kTabs, RequestRows(), kReview)));
  // 6 of table 二 (3 + 3 + 1 + 1 … as written: 3 + 3 + 1 + 1), 25 × 7, 15.
  ASSERT_EQ(tabs.size(), 3u + 3u + 1u + 1u + 25u * 7u + 15u);
  for (const Layout layout : {Layout::kPipes, Layout::kSpaces}) {
    EXPECT_EQ(TemplateCells(Process(Report(layout, RequestRows(), kReview))),
              tabs);
  }
  const std::map<std::string, Cell> by_id = [&] {
    std::map<std::string, Cell> map;
    for (const Cell& cell : tabs) map[std::get<0>(cell)] = cell;
    return map;
  }();
  EXPECT_EQ(by_id.at("xxgk.requests.new.natural_person"),
            Cell("xxgk.requests.new.natural_person", "80", "件",
                 "一、本年新收政府信息公开申请数量/自然人"));
  EXPECT_EQ(
      std::get<3>(by_id.at("xxgk.requests.result.withheld.deliberative.total")),
      "三、本年度办理结果/（三）不予公开/6.属于四类过程性信息/总计");
  EXPECT_EQ(std::get<1>(by_id.at("xxgk.requests.result.other.other.total")),
            "1");
  EXPECT_EQ(by_id.at("xxgk.active.fees.amount"),
            Cell("xxgk.active.fees.amount", "59490900", "元",
                 "行政事业性收费/本年收费金额"));
  EXPECT_EQ(std::get<1>(by_id.at("xxgk.active.normative_documents.repealed")),
            "132");
  EXPECT_EQ(std::get<1>(by_id.at("xxgk.litigation.direct.total")), "5");
  EXPECT_EQ(std::get<1>(by_id.at("xxgk.litigation.after_review.other")), "1");
}

TEST(OpenGovernmentTemplateTest, RowLabelsAreNeitherHeadingsNorFigures) {
  const lawreport::Report report =
      Process(Report(Layout::kSpaces, RequestRows(), kReview));
  std::vector<std::string> titles;
  for (const Section& section : report.outline.sections)
    titles.push_back(section.title);
  // 一、…五、 of the report; 四、结转下年度继续办理 is a row, and
  // 四、政府信息公开行政复议… after the table is still found.
  ASSERT_EQ(titles.size(), 5u);
  EXPECT_EQ(titles[3], "政府信息公开行政复议、行政诉讼情况");
  for (const Indicator& indicator : report.indicators) {
    // 6.属于四类过程性信息 names a category: no 4 类.
    EXPECT_NE(indicator.unit, "类") << indicator.text;
  }
}

std::vector<Finding> Checks(const lawreport::Report& report,
                            FindingStatus status) {
  std::vector<Finding> found;
  for (const Finding& finding : report.checks) {
    if (finding.type == FindingType::kTemplate && finding.status == status)
      found.push_back(finding);
  }
  return found;
}

TEST(OpenGovernmentTemplateTest, ACleanReportPassesEveryIdentity) {
  for (const Layout layout : {Layout::kTabs, Layout::kPipes, Layout::kSpaces}) {
    const lawreport::Report report =
        Process(Report(layout, RequestRows(), kReview));
    EXPECT_TRUE(Checks(report, FindingStatus::kMismatch).empty());
    // 7 balance + 7 results + 25 rows + 3 review blocks.
    EXPECT_EQ(Checks(report, FindingStatus::kPass).size(), 42u);
  }
}

TEST(OpenGovernmentTemplateTest, OneWrongCellGivesOneMismatchAtThatCell) {
  struct Mutation {
    std::size_t row;  // in RequestRows(); kReviewRow for table 四
    std::size_t column;
    int value;
    const char* canonical;  // of the cell the mismatch must name; empty: the
                            // block's total (one identity cannot tell which)
  };
  constexpr std::size_t kReviewRow = 99;
  const Mutation mutations[] = {
      {0, 0, 81, "xxgk.requests.new.natural_person"},
      {1, 6, 3, "xxgk.requests.carried_over.total"},
      {2, 0, 21, "xxgk.requests.result.disclosed.natural_person"},
      {3, 1, 0, "xxgk.requests.result.partly_disclosed.business"},
      {7, 6, 2, "xxgk.requests.result.withheld.third_party.total"},
      {12, 0, 30, "xxgk.requests.result.unavailable.not_held.natural_person"},
      {16, 2, 4, "xxgk.requests.result.not_processed.repeated.research"},
      {23, 6, 80, "xxgk.requests.result.total.total"},
      {24, 0, 3, "xxgk.requests.carried_forward.natural_person"},
      {kReviewRow, 0, 2, "xxgk.review.total"},
  };
  for (const Mutation& m : mutations) {
    std::vector<Row> rows = RequestRows();
    std::vector<int> review = kReview;
    if (m.row == kReviewRow) {
      review[m.column] = m.value;
    } else {
      rows[m.row].counts[m.column] = m.value;
    }
    const lawreport::Report report =
        Process(Report(Layout::kTabs, rows, review));
    const std::vector<Finding> mismatches =
        Checks(report, FindingStatus::kMismatch);
    ASSERT_EQ(mismatches.size(), 1u) << m.canonical;
    const std::string& at = mismatches[0].indicators.front();
    const Indicator* named = nullptr;
    for (const Indicator& indicator : report.indicators) {
      if (indicator.id == at) named = &indicator;
    }
    ASSERT_NE(named, nullptr);
    EXPECT_EQ(named->canonical.value_or(""), m.canonical);
    EXPECT_EQ(mismatches[0].line, named->line);
  }
}

TEST(OpenGovernmentTemplateTest,
     ReviewBlocksAreNotRequestRowsWhenRowsAreMissing) {
  // Table 三 without its last row (四、结转下年度继续办理), then table 四 as
  // three markdown tables of five figures without row labels, each under a
  // caption (a converted document): the blocks stay table 四's.
  std::vector<Row> rows = RequestRows();
  rows.pop_back();
  std::string text = Report(Layout::kPipes, rows, {});
  const std::string cut = "四、政府信息公开行政复议、行政诉讼情况\n";
  text = text.substr(0, text.find(cut) + cut.size());
  const char* captions[] = {"### 行政复议", "### 行政诉讼（未经复议直接起诉）",
                            "### 行政诉讼（复议后起诉）"};
  for (int block = 0; block < 3; ++block) {
    text += std::string(captions[block]) + "\n";
    text += Header({"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"},
                   Layout::kPipes);
    text += Join(
        {std::to_string(block + 1), "0", "0", "0", std::to_string(block + 1)},
        Layout::kPipes);
    text += "\n";
  }
  std::map<std::string, std::string> values;
  for (const Cell& cell : TemplateCells(Process(text)))
    values[std::get<0>(cell)] = std::get<1>(cell);
  EXPECT_EQ(values["xxgk.review.upheld"], "1");
  EXPECT_EQ(values["xxgk.litigation.direct.total"], "2");
  EXPECT_EQ(values["xxgk.litigation.after_review.upheld"], "3");
  EXPECT_EQ(values.count("xxgk.requests.carried_forward.total"), 0u);
}

TEST(OpenGovernmentTemplateTest, OnlyTheTemplateIsNamed) {
  // A rule-of-law report's own table with a 行政许可 row and a count is not
  // the template's table 二: it has no 本年 header.
  const lawreport::Report report = Process(
      "某县2023年法治政府建设年度报告\n"
      "事项\t办理数量\n"
      "行政许可\t120\n"
      "行政处罚\t35\n");
  ASSERT_EQ(report.indicators.size(), 2u);
  for (const Indicator& indicator : report.indicators) {
    EXPECT_FALSE(indicator.canonical &&
                 indicator.canonical->rfind("xxgk.", 0) == 0);
    ASSERT_TRUE(indicator.cell.has_value());
  }
  EXPECT_EQ(report.indicators[0].label, "行政许可/办理数量");
}

// The words that tell the template's tables apart
// (open_government_tables.tsv): a table is a part's when it holds every
// "all" word of it and one "any" word, if the part has any.
TEST(OpenGovernmentTemplateTest, TableWordsTellTheTablesApart) {
  using template_internal::OpenGovernment;
  using template_internal::TemplatePart;
  struct TableCase {
    const char* text;
    TemplatePart part;
    bool holds_all;
    bool fits;
  };
  const TableCase cases[] = {
      {"本年制发件数 本年废止件数", TemplatePart::kActive, true, true},
      {"制发件数 废止件数", TemplatePart::kActive, false, false},
      {"申请人情况 自然人 商业企业", TemplatePart::kRequests, true, true},
      {"行政复议 结果维持 结果纠正 其他结果", TemplatePart::kReview, true,
       true},
      {"行政诉讼 结果维持 结果纠正", TemplatePart::kReview, true, true},
      // 维持 and 纠正 without 复议 or 诉讼: the review words, not its table.
      {"结果维持 结果纠正", TemplatePart::kReview, true, false},
      {"行政复议 结果维持", TemplatePart::kReview, false, false},
  };
  for (const TableCase& c : cases) {
    const auto& words = OpenGovernment().WordsOf(c.part);
    EXPECT_EQ(words.HoldsAll(c.text), c.holds_all) << c.text;
    EXPECT_EQ(words.Fits(c.text), c.fits) << c.text;
  }
}

}  // namespace
}  // namespace lawreport
