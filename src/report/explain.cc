// `Explain`: the pipeline of report.cc run once more with the indicators
// stage keeping its record (extract_trace.h), then read for one line.
#include "lawreport/explain.h"

#include <string>
#include <utility>
#include <vector>

#include "indicators/extract_trace.h"
#include "indicators/figure_rules.h"
#include "indicators/label_rules.h"
#include "lawreport/canonical.h"
#include "lawreport/numbers.h"
#include "lawreport/outline.h"

namespace lawreport {

namespace {

const char* FigureRuleWhy(std::string_view name) {
  for (const auto& rule : indicators_internal::FigureRules()) {
    if (name == rule.name) return rule.why;
  }
  // Not a figure rule: decided before them.
  return "a number in a table written as text that is no cell's figure: part "
         "of a row's or a column's name";
}

}  // namespace

Result<Explanation> ExplainLine(const Text& text, int line) {
  if (line < 1 || line > text.line_count()) {
    return Error{ErrorCode::kInvalidArgument,
                 "no line " + std::to_string(line) + ": the text has " +
                     std::to_string(text.line_count()) + " lines"};
  }
  const Outline outline = BuildOutline(text);
  const std::vector<Mention> mentions = FindMentions(text);
  indicators_internal::ExtractTrace trace;
  std::vector<Indicator> indicators =
      indicators_internal::ExtractIndicatorsTraced(text, outline, mentions,
                                                   trace);
  AssignTimeStance(text, outline, indicators);
  MapCanonical(text, indicators);

  Explanation explanation;
  explanation.line = line;
  const Line& span = text.lines()[static_cast<std::size_t>(line - 1)];
  explanation.text.assign(text.source(), span.source_begin,
                          span.source_end - span.source_begin);
  const auto rules = indicators_internal::LabelRules();
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const SourcePosition position = text.PositionOf(m.number_begin);
    if (position.line != line) continue;
    ExplainedNumber& number = explanation.numbers.emplace_back();
    number.column = position.column;
    number.text = m.raw;
    number.rule = m.rule;
    number.value = m.value;
    number.unit = m.unit;
    if (const char* rejected = trace.rejected_by[i]) {
      number.rejected_by = rejected;
      number.why = FigureRuleWhy(rejected);
      continue;
    }
    for (const indicators_internal::LabelTrace& label : trace.labels) {
      if (label.mention != i) continue;
      ExplainedFigure& figure = number.figures.emplace_back();
      figure.indicator = indicators[label.indicator];
      figure.label_from = label.from;
      for (const indicators_internal::LabelStep& step : label.steps) {
        ExplainedStep& explained = figure.steps.emplace_back();
        explained.rule = rules[step.rule].name;
        explained.why = rules[step.rule].why;
        explained.before = std::string(text.SourceOf(step.begin, step.end));
        explained.after =
            std::string(text.SourceOf(step.after_begin, step.after_end));
      }
    }
  }
  return explanation;
}

Result<Explanation> Explain(std::string_view report_bytes, int line,
                            const DecodeOptions& options) {
  Result<DecodedText> decoded = Decode(report_bytes, options, "");
  if (!decoded) return decoded.error();
  return ExplainLine(decoded->text, line);
}

}  // namespace lawreport
