// The JSON documents of docs/output-format.md, written straight to text.
#include "lawreport/indicators.h"
#include "lawreport/write.h"
#include "write/finding_json.h"
#include "write/json_out.h"

namespace lawreport {
namespace {

using write_internal::JsonOut;

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

// A name, or null for the empty name of "none".
std::optional<std::string_view> NameOrNull(const char* name) {
  if (*name == '\0') return std::nullopt;
  return std::string_view(name);
}

std::optional<int> LineOrNull(int line) {
  if (line <= 0) return std::nullopt;
  return line;
}

void WriteParagraphs(JsonOut& out, const std::vector<Paragraph>& paragraphs) {
  out.BeginArray();
  for (const Paragraph& paragraph : paragraphs) {
    out.BeginObject();
    out.Field("line", paragraph.line);
    out.Field("end_line", paragraph.end_line);
    out.Field("text", paragraph.text);
    out.EndObject();
  }
  out.EndArray();
}

void WriteSection(JsonOut& out, const Section& section) {
  out.BeginObject();
  out.Field("id", section.id);
  out.Field("level", section.level);
  out.Field("style", StyleName(section.style));
  out.Field("marker", section.marker);
  out.Field("ordinal", section.ordinal);
  out.Field("title", section.title);
  out.Field("line", section.line);
  out.Field("end_line", section.end_line);
  out.Key("paragraphs");
  WriteParagraphs(out, section.paragraphs);
  out.Key("children");
  out.BeginArray();
  for (const Section& child : section.children) WriteSection(out, child);
  out.EndArray();
  out.EndObject();
}

void WriteIndicator(JsonOut& out, const Indicator& indicator) {
  out.BeginObject();
  out.Field("id", indicator.id);
  out.Field("section", indicator.section);
  out.Field("line", indicator.line);
  out.Field("column", indicator.column);
  out.Field("start", static_cast<std::uint64_t>(indicator.start));
  out.Field("end", static_cast<std::uint64_t>(indicator.end));
  out.Field("text", indicator.text);
  out.Field("label", indicator.label);
  out.Field("value", indicator.value);
  out.Field("upper", indicator.upper);
  out.Field("unit", indicator.unit);
  out.Field("kind", UnitKindName(indicator.kind));
  out.Field("qualifier", NameOrNull(QualifierName(indicator.qualifier)));
  out.Field("direction", NameOrNull(DirectionName(indicator.direction)));
  out.Field("decimals", indicator.value.decimals());
  out.Field("rule", indicator.rule);
  out.Field("label_rule", indicator.label_rule);
  out.Field("canonical", indicator.canonical);
  out.Field("canonical_rule", indicator.canonical_rule);
  out.Field("role", RoleName(indicator.role));
  out.Key("period");
  out.BeginObject();
  out.Field("from", indicator.period.from);
  out.Field("to", indicator.period.to);
  out.EndObject();
  out.Field("aggregate", AggregateName(indicator.aggregate));
  out.Field("time_rule", indicator.time_rule);
  if (indicator.page > 0) {
    out.Field("page", indicator.page);
  } else {
    out.Key("page");
    out.Null();
  }
  // Only a figure read by OCR says so: other outputs stay as they were.
  if (indicator.ocr_confidence >= 0) {
    out.Field("source", "ocr");
    out.Field("confidence", indicator.ocr_confidence);
  }
  out.Key("cell");
  if (indicator.cell) {
    out.BeginObject();
    out.Field("table", indicator.cell->table);
    out.Field("row", indicator.cell->row);
    out.Field("column", indicator.cell->column);
    out.EndObject();
  } else {
    out.Null();
  }
  out.EndObject();
}

// The outline document's fields, inside an object the caller opened.
void WriteOutlineFields(JsonOut& out, const SourceInfo& source,
                        const Outline& outline) {
  out.Field("schema_version", kSchemaVersion);
  out.Key("source");
  out.BeginObject();
  out.PathFields(source.path);
  out.Field("format", source.format);
  out.Field("encoding", source.encoding);
  if (!source.encoding_warning.empty())
    out.Field("encoding_warning", source.encoding_warning);
  out.Field("bom", source.bom);
  out.Field("bytes", source.bytes);
  out.Field("sha256", source.sha256);
  if (source.ocr_pages > 0) out.Field("ocr_pages", source.ocr_pages);
  out.EndObject();

  const DocumentInfo& document = outline.document;
  const bool titled = document.title_line > 0;
  out.Key("document");
  out.BeginObject();
  out.Field("title", document.title);
  out.Field("title_line", LineOrNull(titled ? document.title_line : 0));
  out.Field("title_end_line", LineOrNull(titled ? document.title_end_line : 0));
  out.Field("issuer", document.issuer);
  out.Field("year", document.year);
  out.Field("kind", ReportKindName(document.kind));
  out.EndObject();

  out.Key("preamble");
  WriteParagraphs(out, outline.preamble);
  out.Key("sections");
  out.BeginArray();
  for (const Section& section : outline.sections) WriteSection(out, section);
  out.EndArray();
  out.Key("appendix");
  out.BeginArray();
  for (const AppendixPart& part : outline.appendix) {
    out.BeginObject();
    out.Field("title", part.title);
    out.Field("line", part.line);
    out.Field("end_line", part.end_line);
    out.Key("paragraphs");
    WriteParagraphs(out, part.paragraphs);
    out.EndObject();
  }
  out.EndArray();
}

// The outline's part is about three times the report's text (the
// paragraphs once, with their fields); four leaves room for indentation.
// Each indicator adds some 650 bytes (its 25 fields indented) and each
// finding some 500, whatever the text: on a line made only of figures
// ("其中1件，" repeated) they are fifty times the input, and a string grown
// by doubling would hold its old and new buffers at once at the end, half
// as much again as the document.
std::size_t ExpectedJsonBytes(const Text& text, std::size_t indicators = 0,
                              std::size_t findings = 0) {
  return 4 * text.source().size() + 700 * indicators + 600 * findings + 4096;
}

}  // namespace

std::string WriteErrorJson(const std::string& path,
                           const std::string& message) {
  JsonOut out(-1);
  out.BeginObject();
  out.Field("schema_version", kSchemaVersion);
  out.Key("source");
  out.BeginObject();
  out.PathFields(path);
  out.EndObject();
  out.Field("error", message);
  out.EndObject();
  return out.Take() + "\n";
}

std::string WriteOutlineJson(const SourceInfo& source, const Text& text,
                             const Outline& outline,
                             const JsonOptions& options) {
  JsonOut out(options.indent);
  out.Reserve(ExpectedJsonBytes(text));
  out.BeginObject();
  WriteOutlineFields(out, source, outline);
  out.EndObject();
  return out.Take() + "\n";
}

std::string WriteExtractJson(const Report& report, const JsonOptions& options) {
  JsonOut out(options.indent);
  out.Reserve(ExpectedJsonBytes(report.text, report.indicators.size(),
                                report.checks.size()));
  out.BeginObject();
  WriteOutlineFields(out, report.source, report.outline);
  out.Key("indicators");
  out.BeginArray();
  for (const Indicator& indicator : report.indicators)
    WriteIndicator(out, indicator);
  out.EndArray();
  out.Key("checks");
  out.BeginArray();
  for (const Finding& finding : report.checks)
    write_internal::WriteFinding(out, finding);
  out.EndArray();
  out.EndObject();
  return out.Take() + "\n";
}

namespace write_internal {

// The indicator object of extract's JSON, for other documents that show
// one (explain).
void WriteIndicatorJson(JsonOut& out, const Indicator& indicator) {
  WriteIndicator(out, indicator);
}

}  // namespace write_internal

}  // namespace lawreport
