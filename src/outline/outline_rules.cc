// Reads data/lexicon/outline_rules.tsv (see outline_rules.h).
#include "outline/outline_rules.h"

#include <string>

#include "util/utf8.h"

namespace lawreport::outline_internal {

bool OutlineRules::HoldsAny(std::string_view text,
                            const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

OutlineRules ReadOutlineRules(const lexicon::Tsv& table) {
  const std::string& file = table.name();
  OutlineRules rules;
  for (const lexicon::TsvRow& row : table) {
    const std::string_view rule = row.Get("rule");
    const std::string_view role = row.Get("role");
    const std::string_view value = row.Get("value");
    const auto is = [&](std::string_view r, std::string_view o) {
      return rule == r && role == o;
    };
    // A pattern or word a rule holds once: a second row would be silently
    // ignored, so it is refused.
    const auto given_twice = [&] {
      lexicon::BadLexicon(
          file, row.line(),
          std::string(rule) + " " + std::string(role) + " given twice");
    };
    const auto pattern = [&] {
      std::optional<Regex> compiled(std::in_place, value);
      if (!compiled->ok())
        lexicon::BadLexicon(file, row.line(), compiled->error());
      return compiled;
    };
    if (is("year", "pattern")) {
      if (rules.year) given_twice();
      rules.year = pattern();
    } else if (is("year", "opens")) {
      rules.year_opens += utf8::CodePoints(value);
    } else if (is("year", "range_dash")) {
      rules.range_dashes += utf8::CodePoints(value);
    } else if (is("year", "range_from_end")) {
      rules.range_from_ends += utf8::CodePoints(value);
    } else if (is("title_issuer", "leading_year")) {
      if (rules.leading_year) given_twice();
      rules.leading_year = pattern();
    } else if (is("title_issuer", "stop")) {
      rules.issuer_stops.emplace_back(value);
    } else if (is("title_issuer", "body")) {
      if (!rules.body.empty()) given_twice();
      rules.body = value;
    } else if (is("title_issuer", "body_kind")) {
      if (!rules.body_kind.empty()) given_twice();
      rules.body_kind = value;
    } else if (is("speaker_issuer", "pattern")) {
      if (rules.speaker) given_twice();
      rules.speaker = pattern();
    } else if (is("report_title", "word")) {
      rules.report_words.emplace_back(value);
    } else if (is("date_line", "month")) {
      rules.months.emplace_back(value);
    } else {
      lexicon::BadLexicon(
          file, row.line(),
          "rule " + std::string(rule) + " has no role " + std::string(role));
    }
  }
  if (!rules.year || !rules.leading_year || !rules.speaker ||
      rules.body.empty() || rules.body_kind.empty()) {
    lexicon::BadLexicon(file, 0,
                        "want the year, leading_year and speaker patterns "
                        "and the body and body_kind words");
  }
  return rules;
}

const OutlineRules& EmbeddedOutlineRules() {
  static const OutlineRules rules =
      ReadOutlineRules(lexicon::ReadTsv("outline_rules.tsv"));
  return rules;
}

}  // namespace lawreport::outline_internal
