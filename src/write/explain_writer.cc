// The two forms of `lawreport explain`: a block of text per number, and a
// JSON document whose figures are extract's indicator objects.
#include <string>

#include "lawreport/explain.h"
#include "write/json_out.h"

namespace lawreport {

namespace write_internal {
void WriteIndicatorJson(JsonOut& out, const Indicator& indicator);
}  // namespace write_internal

namespace {

std::string Years(const Period& period) {
  const auto year = [](const std::optional<int>& y) {
    return y ? std::to_string(*y) : std::string("?");
  };
  return year(period.from) + "-" + year(period.to);
}

void AppendFigure(std::string& out, const ExplainedFigure& figure) {
  const Indicator& i = figure.indicator;
  out += "    figure " + i.id + ": label \"" + i.label + "\" (from " +
         figure.label_from + ")\n";
  for (const ExplainedStep& step : figure.steps) {
    out += "      " + step.rule + ": \"" + step.before + "\" -> \"" +
           step.after + "\"  (" + step.why + ")\n";
  }
  out += "      label_rule: " +
         (i.label_rule.empty() ? std::string("(none)") : i.label_rule) + "\n";
  out += "      value " + i.value.ToString();
  if (i.upper) out += " to " + i.upper->ToString();
  if (!i.unit.empty()) out += " " + i.unit;
  out += std::string(", kind ") + UnitKindName(i.kind);
  if (const char* q = QualifierName(i.qualifier); *q != '\0')
    out += std::string(", qualifier ") + q;
  if (const char* d = DirectionName(i.direction); *d != '\0')
    out += std::string(", direction ") + d;
  out += ", rule " + i.rule + "\n";
  out += std::string("      role ") + RoleName(i.role) + ", period " +
         Years(i.period) + " (" + AggregateName(i.aggregate) + ")";
  if (!i.time_rule.empty()) out += ", time_rule " + i.time_rule;
  out += "\n";
  out += "      canonical " + i.canonical.value_or("(none)");
  if (i.canonical_rule) out += " (" + *i.canonical_rule + ")";
  out += "\n";
}

}  // namespace

std::string ExplanationText(const Explanation& explanation) {
  std::string out = "line " + std::to_string(explanation.line) + ": " +
                    explanation.text + "\n";
  if (explanation.numbers.empty()) out += "  no number on this line\n";
  for (const ExplainedNumber& number : explanation.numbers) {
    out += "  \"" + number.text + "\" at column " +
           std::to_string(number.column) + ": read by " + number.rule + " as " +
           number.value.ToString();
    if (!number.unit.empty()) out += " " + number.unit;
    out += "\n";
    if (number.rejected_by) {
      out +=
          "    rejected by " + *number.rejected_by + ": " + number.why + "\n";
      continue;
    }
    for (const ExplainedFigure& figure : number.figures)
      AppendFigure(out, figure);
  }
  return out;
}

std::string ExplanationJson(const Explanation& explanation) {
  write_internal::JsonOut out(2);
  out.BeginObject();
  out.Field("line", explanation.line);
  out.Field("text", explanation.text);
  out.Key("numbers");
  out.BeginArray();
  for (const ExplainedNumber& number : explanation.numbers) {
    out.BeginObject();
    out.Field("column", number.column);
    out.Field("text", number.text);
    out.Field("rule", number.rule);
    out.Field("value", number.value);
    out.Field("unit", number.unit);
    out.Field("taken", !number.rejected_by.has_value());
    out.Field("rejected_by", number.rejected_by);
    if (number.rejected_by) {
      out.Field("why", number.why);
    } else {
      out.Key("why");
      out.Null();
    }
    out.Key("figures");
    out.BeginArray();
    for (const ExplainedFigure& figure : number.figures) {
      out.BeginObject();
      out.Field("label_from", figure.label_from);
      out.Key("label_steps");
      out.BeginArray();
      for (const ExplainedStep& step : figure.steps) {
        out.BeginObject();
        out.Field("rule", step.rule);
        out.Field("why", step.why);
        out.Field("before", step.before);
        out.Field("after", step.after);
        out.EndObject();
      }
      out.EndArray();
      out.Key("indicator");
      write_internal::WriteIndicatorJson(out, figure.indicator);
      out.EndObject();
    }
    out.EndArray();
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return out.Take() + "\n";
}

}  // namespace lawreport
