// Marker recognition, one row per form (normalized text, as the outline sees
// it).
#include "outline/markers.h"

#include <gtest/gtest.h>

namespace lawreport::outline_internal {
namespace {

struct MarkerCase {
  const char* unit;
  int level;  // 0: no marker
  int ordinal;
  const char* marker;  // the marker without trailing spaces
};

TEST(MarkersTest, HeadingMarkers) {
  const MarkerCase cases[] = {
      {"一、总体工作情况", 1, 1, "一、"},
      {"十一、其他", 1, 11, "十一、"},
      {"二 、存在问题", 1, 2, "二 、"},
      {"第一部分 工作回顾", 1, 1, "第一部分"},
      {"第三章 保障措施", 1, 3, "第三章"},
      {"(一)加强党的领导", 2, 1, "(一)"},
      {"(十二)健全制度", 2, 12, "(十二)"},
      {"( 三 )深化改革", 2, 3, "( 三 )"},
      {"1.加强理论学习", 3, 1, "1."},
      {"1、严格落实", 3, 1, "1、"},
      {"12. 健全机制", 3, 12, "12."},
      {"(1)规范程序", 4, 1, "(1)"},
      {"③强化监督", 4, 3, "③"},
      // Not markers.
      {"1.2万件", 0, 0, ""},
      {"99.74%的事项", 0, 0, ""},
      {"2023年，融安县", 0, 0, ""},
      {"一是推动经济运行", 0, 0, ""},
      {"一、", 0, 0, ""},  // a bare marker titles nothing
      {"(2023)12号", 0, 0, ""},
      {"统一、规范", 0, 0, ""},
      {"第一责任人", 0, 0, ""},
      {"〔2017〕74号", 0, 0, ""},
  };
  for (const MarkerCase& c : cases) {
    SCOPED_TRACE(c.unit);
    const std::optional<Marker> marker = MatchMarker(c.unit);
    if (c.level == 0) {
      EXPECT_FALSE(marker) << "level " << marker->level;
      continue;
    }
    ASSERT_TRUE(marker);
    EXPECT_EQ(marker->level, c.level);
    EXPECT_EQ(marker->ordinal, c.ordinal);
    EXPECT_EQ(std::string_view(c.unit).substr(0, marker->written_length),
              c.marker);
  }
}

TEST(MarkersTest, RunInEnumerators) {
  EXPECT_EQ(MatchRunIn("一是推动经济运行稳中向好。")->ordinal, 1);
  EXPECT_EQ(MatchRunIn("十二是加强监督")->ordinal, 12);
  EXPECT_EQ(MatchRunIn("三要促进服务业优质高效")->ordinal, 3);
  EXPECT_FALSE(MatchRunIn("是推动"));
  EXPECT_FALSE(MatchRunIn("唯一是"));
}

TEST(MarkersTest, AppendixHeadings) {
  for (const char* yes :
       {"附件", "附件1", "附件 2", "附件:2026年民生实事", "名词解释",
        "《政府工作报告》有关内容名词注释", "注释"}) {
    EXPECT_TRUE(IsAppendixHeading(yes)) << yes;
  }
  for (const char* no :
       {"附件中所列事项均已办结,共计12项,全部按期完成,群众满意度达到98%以上。",
        "注重学习", "对名词解释工作进行了规范。", "一、总体情况"}) {
    EXPECT_FALSE(IsAppendixHeading(no)) << no;
  }
}

}  // namespace
}  // namespace lawreport::outline_internal
