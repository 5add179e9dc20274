#include <gtest/gtest.h>

#include <string>

#include "lexicon/lexicon.h"

namespace lawreport::lexicon {
namespace {

constexpr std::string_view kUnits =
    "# a comment\n"
    "unit\tbase\tkind\n"
    "\n"
    "百分点\t个百分点\tchange\r\n"
    "件\n";

TEST(Tsv, ReadsRowsByColumnName) {
  const Tsv table("units.tsv", kUnits);
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.header_line(), 2);
  EXPECT_EQ(table.rows()[0].Get("unit"), "百分点");
  EXPECT_EQ(table.rows()[0].Get("base"), "个百分点");
  EXPECT_EQ(table.rows()[0].Get("kind"), "change");
  EXPECT_EQ(table.rows()[0].line(), 4);
  // A short row leaves its trailing fields empty.
  EXPECT_EQ(table.rows()[1].Get("unit"), "件");
  EXPECT_EQ(table.rows()[1].Get("kind"), "");
}

TEST(Tsv, OptionalColumnMayBeAbsent) {
  const Tsv table("accept file", "file\trelation\na.txt\tsum\n");
  ASSERT_EQ(table.rows().size(), 1u);
  EXPECT_EQ(table.rows()[0].GetOptional("relation"), "sum");
  EXPECT_EQ(table.rows()[0].GetOptional("reason"), "");
  EXPECT_EQ(table.ColumnIndex("reason"), -1);
}

TEST(TsvDeathTest, ATypoInAColumnNameAbortsNamingFileAndColumn) {
  const Tsv table("units.tsv", kUnits);
  EXPECT_DEATH(static_cast<void>(table.rows()[0].Get("knid")),
               "units.tsv has no column \"knid\" \\(its columns: unit, base, "
               "kind\\)");
}

TEST(TsvDeathTest, ATypoAgainstAnEmbeddedFileAborts) {
  const Tsv& units = ReadTsv("units.tsv");
  ASSERT_FALSE(units.rows().empty());
  EXPECT_EQ(units.rows()[0].Get("unit"), "个百分点");
  EXPECT_DEATH(static_cast<void>(units.rows()[0].Get("not_befor")),
               "units.tsv has no column \"not_befor\"");
}

TEST(Tsv, EveryEmbeddedFileMatchesItsSchema) {
  // ReadTsv aborts on a header that differs from data/schemas.tsv; reading
  // every file the schema declares proves each is embedded and agrees.
  const Tsv& schemas = ReadTsv("schemas.tsv");
  int files = 0;
  std::string previous;
  for (const TsvRow& row : schemas) {
    const std::string file(row.Get("file"));
    if (file == previous) continue;
    previous = file;
    const std::string base = file.substr(file.rfind('/') + 1);
    // Read by a reader module, which embeds its files apart
    // (lawreport_reader_lexicon in CMakeLists.txt): its own tests read them.
    if (base == "web_page_words.tsv" || base == "pdf_lines.tsv") continue;
    const Tsv& table = ReadTsv(base);
    EXPECT_FALSE(table.rows().empty()) << file;
    EXPECT_FALSE(table.columns().empty()) << file;
    ++files;
  }
  EXPECT_GE(files, 20);
}

}  // namespace
}  // namespace lawreport::lexicon
