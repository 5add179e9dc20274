// How the PDF readers judge a page's words (src/decode/pdf_pages.h): a text
// layer as usable, empty or garbled, what OCR read as plausible or not, and
// which lines are page numbers or open with a heading marker.
#include "decode/pdf_pages.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lawreport::decode_internal {
namespace {

// Words as a reader gives them; confidence -1 for a text layer.
std::vector<PdfWord> Words(const std::vector<std::string>& texts,
                           int confidence = -1) {
  std::vector<PdfWord> words;
  for (const std::string& text : texts) {
    PdfWord word;
    word.text = text;
    word.confidence = confidence;
    words.push_back(word);
  }
  return words;
}

TEST(ClassifyTextLayerTest, TellsUsableEmptyAndGarbledPages) {
  const struct {
    std::vector<std::string> words;
    TextLayer layer;
  } cases[] = {
      {{"融安县2023年法治政府建设年度报告"}, TextLayer::kUsable},
      {{"受理", "43601件，", "办结率99.74%"}, TextLayer::kUsable},
      {{"Annual", "report", "2023"}, TextLayer::kUsable},
      {{"（一）", "①", "≤", "℃", "—", "…"}, TextLayer::kUsable},
      {{}, TextLayer::kEmpty},
      {{" ", "\u3000"}, TextLayer::kEmpty},
      // A font's codes read as Latin-1 / the standard encoding.
      {{"¿›»¶", "300", "30%"}, TextLayer::kGarbled},
      {{"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "12"}, TextLayer::kGarbled},
      // A fifth of strange characters is tolerated: one in six is.
      {{"融安县法治¶"}, TextLayer::kUsable},
  };
  for (const auto& c : cases) {
    std::string joined;
    for (const std::string& word : c.words) joined += word + " ";
    EXPECT_EQ(ClassifyTextLayer(Words(c.words)), c.layer) << joined;
  }
}

TEST(JudgeOcrReadingTest, ConfidentChineseIsPlausible) {
  const OcrReading reading = JudgeOcrReading(Words(
      {"受理行政许可事项43601件，", "办结率99.74%，同比增长3个百分点"}, 91));
  EXPECT_TRUE(reading.plausible);
  EXPECT_EQ(reading.mean_confidence, 91);
  EXPECT_EQ(reading.characters, 34u);
}

TEST(JudgeOcrReadingTest, ChineseReadAtLowConfidenceIsNot) {
  // What Tesseract answers for glyphs that are not Chinese: CJK characters
  // all the same, at low confidence.
  const OcrReading reading =
      JudgeOcrReading(Words({"2外300", "309%6", "七St有200", "20%",
                             "上上:4纺250", "25%", "人.ii及100", "10%"},
                            30));
  EXPECT_FALSE(reading.plausible);
  EXPECT_EQ(reading.mean_confidence, 30);
}

TEST(JudgeOcrReadingTest, MeanIsOverCharactersNotWords) {
  // A long confident word outweighs a short unsure one.
  std::vector<PdfWord> words =
      Words({"受理行政许可事项四万三千六百零一件，办结率百分之百"}, 90);
  std::vector<PdfWord> unsure = Words({"了"}, 10);
  words.insert(words.end(), unsure.begin(), unsure.end());
  const OcrReading reading = JudgeOcrReading(words);
  EXPECT_TRUE(reading.plausible);
  EXPECT_EQ(reading.mean_confidence, 87);  // (25 × 90 + 10) / 26
}

TEST(JudgeOcrReadingTest, ConfidentGarbageIsNot) {
  const OcrReading reading =
      JudgeOcrReading(Words({"¿›»¶¿›»¶¿›»¶", "¿›»¶¿›»¶¿›»¶300"}, 95));
  EXPECT_FALSE(reading.plausible);
}

TEST(JudgeOcrReadingTest, TooLittleTextIsNotJudged) {
  // A page number or a stamp read unsurely says nothing about the page.
  const OcrReading reading = JudgeOcrReading(Words({"- 3 -", "印"}, 12));
  EXPECT_TRUE(reading.plausible);
  EXPECT_LT(reading.characters, kLeastCharactersToJudge);
}

// The page-number forms are pdf_lines.tsv's (第#页, Page#, 共#页), read by
// the module's own copy of the lexicon; the dashes, plain numbers and
// slashes are the code's.
TEST(IsPageNumberTest, PageNumberForms) {
  const struct {
    const char* line;
    bool page_number;
  } cases[] = {
      {"- 3 -", true},
      {"—3—", true},
      {"3", true},
      {"12345", false},  // five digits: a figure, not a page
      {"3/12", true},
      {"Page 3", true},
      {"page12", true},
      {"Page", false},
      {"第3页", true},
      {"第 3 页 共 12 页", true},
      {"第3页，共12页", true},
      {"第3页,共12页", true},
      {"第页", false},
      {"第三页", false},  // the reader reads only digits
      {"第3页 附件", false},
      {"第3页 共页", false},
      {"共12页", false},
      {"第3条", false},
      {"融安县人民政府 2024年第3期", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsPageNumber(c.line), c.page_number) << c.line;
  }
}

TEST(OpensWithMarkerTest, HeadingMarkers) {
  const struct {
    const char* line;
    bool marker;
  } cases[] = {
      {"一、总体工作情况", true}, {"（三）强化监督", true},
      {"(2)推进", true},          {"3．加强", true},
      {"3.5亿元", false},  // a decimal, not a list number
      {"第一章 总则", true},      {"第三部分", true},
      {"二是推进", false},        {"推进法治政府建设", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(OpensWithMarker(c.line), c.marker) << c.line;
  }
}

}  // namespace
}  // namespace lawreport::decode_internal
