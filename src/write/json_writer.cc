// The JSON document of docs/output-format.md. nlohmann::json stays in here.
#include <nlohmann/json.hpp>

#include "lawreport/indicators.h"
#include "lawreport/write.h"
#include "write/json_values.h"

namespace lawreport {
namespace {

using nlohmann::ordered_json;
using write_internal::FindingJson;
using write_internal::ValueJson;

const char* StyleName(HeadingStyle style) {
  switch (style) {
    case HeadingStyle::kNumbered:
      return "numbered";
    case HeadingStyle::kRunIn:
      return "run_in";
    case HeadingStyle::kUnnumbered:
      return "unnumbered";
  }
  return "numbered";
}

template <typename T>
ordered_json Optional(const std::optional<T>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json ParagraphsJson(const std::vector<Paragraph>& paragraphs) {
  ordered_json list = ordered_json::array();
  for (const Paragraph& paragraph : paragraphs) {
    list.push_back({{"line", paragraph.line},
                    {"end_line", paragraph.end_line},
                    {"text", paragraph.text}});
  }
  return list;
}

ordered_json SectionJson(const Section& section) {
  ordered_json children = ordered_json::array();
  for (const Section& child : section.children)
    children.push_back(SectionJson(child));
  return {{"id", section.id},
          {"level", section.level},
          {"style", StyleName(section.style)},
          {"marker", section.marker},
          {"ordinal", Optional(section.ordinal)},
          {"title", section.title},
          {"line", section.line},
          {"end_line", section.end_line},
          {"paragraphs", ParagraphsJson(section.paragraphs)},
          {"children", std::move(children)}};
}

ordered_json SourceJson(const SourceInfo& source) {
  return {{"path", source.path},         {"format", source.format},
          {"encoding", source.encoding}, {"bom", source.bom},
          {"bytes", source.bytes},       {"sha256", source.sha256}};
}

ordered_json DocumentJson(const DocumentInfo& document) {
  return {
      {"title", Optional(document.title)},
      {"title_line", document.title_line > 0 ? ordered_json(document.title_line)
                                             : ordered_json(nullptr)},
      {"title_end_line", document.title_line > 0
                             ? ordered_json(document.title_end_line)
                             : ordered_json(nullptr)},
      {"issuer", Optional(document.issuer)},
      {"year", Optional(document.year)},
      {"kind", ReportKindName(document.kind)}};
}

ordered_json IndicatorJson(const Indicator& indicator) {
  const auto or_null = [](const char* name) {
    return *name ? ordered_json(name) : ordered_json(nullptr);
  };
  return {{"id", indicator.id},
          {"section", Optional(indicator.section)},
          {"line", indicator.line},
          {"column", indicator.column},
          {"start", indicator.start},
          {"end", indicator.end},
          {"text", indicator.text},
          {"label", indicator.label},
          {"value", ValueJson(indicator.value)},
          {"upper", ValueJson(indicator.upper)},
          {"unit", indicator.unit},
          {"kind", UnitKindName(indicator.kind)},
          {"qualifier", or_null(QualifierName(indicator.qualifier))},
          {"direction", or_null(DirectionName(indicator.direction))},
          {"decimals", indicator.value.decimals()},
          {"rule", indicator.rule}};
}

ordered_json OutlineDocument(const Report& report) {
  ordered_json sections = ordered_json::array();
  for (const Section& section : report.outline.sections) sections.push_back(SectionJson(section));
  ordered_json appendix = ordered_json::array();
  for (const AppendixPart& part : report.outline.appendix) {
    appendix.push_back({{"title", part.title},
                        {"line", part.line},
                        {"end_line", part.end_line},
                        {"paragraphs", ParagraphsJson(part.paragraphs)}});
  }
  return {{"schema_version", kSchemaVersion},
          {"source", SourceJson(report.source)},
          {"document", DocumentJson(report.outline.document)},
          {"preamble", ParagraphsJson(report.outline.preamble)},
          {"sections", std::move(sections)},
          {"appendix", std::move(appendix)}};
}

std::string Dump(const ordered_json& document, const JsonOptions& options) {
  // Input text is valid UTF-8 by construction; "replace" keeps a writer from
  // ever throwing on output.
  return document.dump(options.indent, ' ', /*ensure_ascii=*/false,
                       ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace

std::string WriteErrorJson(const std::string& path, const std::string& message) {
  const ordered_json record = {{"schema_version", kSchemaVersion},
                               {"source", {{"path", path}}},
                               {"error", message}};
  return Dump(record, JsonOptions{-1});
}

std::string WriteOutlineJson(const Report& report, const JsonOptions& options) {
  return Dump(OutlineDocument(report), options);
}

std::string WriteExtractJson(const Report& report, const JsonOptions& options) {
  ordered_json document = OutlineDocument(report);
  ordered_json indicators = ordered_json::array();
  for (const Indicator& indicator : report.indicators) indicators.push_back(IndicatorJson(indicator));
  document["indicators"] = std::move(indicators);
  ordered_json checks = ordered_json::array();
  for (const Finding& finding : report.checks) checks.push_back(FindingJson(finding));
  document["checks"] = std::move(checks);
  return Dump(document, options);
}

}  // namespace lawreport
