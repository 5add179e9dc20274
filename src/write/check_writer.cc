// Writers for `lawreport check`: text for people, JSON, GitHub Actions
// workflow commands, JUnit XML and SARIF for CI dashboards, and the accept
// file that baselines a run.
#include <cstdio>
#include <string>

#include "lawreport/write.h"
#include "util/terminal.h"
#include "util/utf8.h"
#include "write/finding_json.h"

namespace lawreport {
namespace {

struct Counts {
  int files = 0, failed_files = 0, checks = 0, pass = 0, mismatch = 0,
      unverifiable = 0, accepted = 0;
  int ocr_pages = 0;  // PDF pages read by OCR, over all files
};

Counts Count(const std::vector<CheckedFile>& files) {
  Counts counts;
  for (const CheckedFile& file : files) {
    ++counts.files;
    if (file.error) ++counts.failed_files;
    if (!file.error) counts.ocr_pages += file.source.ocr_pages;
    for (const Finding& finding : file.findings) {
      ++counts.checks;
      switch (finding.status) {
        case FindingStatus::kPass:
          ++counts.pass;
          break;
        case FindingStatus::kMismatch:
          ++counts.mismatch;
          break;
        case FindingStatus::kUnverifiable:
          ++counts.unverifiable;
          break;
        case FindingStatus::kAccepted:
          ++counts.accepted;
          break;
      }
    }
  }
  return counts;
}

std::string Summary(const Counts& c) {
  std::string out =
      std::to_string(c.files) + (c.files == 1 ? " file" : " files");
  if (c.failed_files > 0)
    out += " (" + std::to_string(c.failed_files) + " unreadable)";
  out += ", " + std::to_string(c.checks) +
         " checks: " + std::to_string(c.pass) + " pass, " +
         std::to_string(c.mismatch) + " mismatch, " +
         std::to_string(c.unverifiable) + " unverifiable";
  if (c.accepted > 0) out += ", " + std::to_string(c.accepted) + " accepted";
  if (c.ocr_pages > 0)
    out += "; " + std::to_string(c.ocr_pages) + " PDF pages read by OCR";
  return out;
}

// Workflow command escaping: data escapes % CR LF; properties also : and ,.
// The runner prints them to the log as they are, so bytes that are not UTF-8
// and other control characters (an ESC or BEL in a file name) become U+FFFD.
std::string EscapeData(const std::string& raw) {
  const std::string text = utf8::ReplaceInvalid(raw);
  std::string out;
  for (const char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out.push_back(c);
  }
  NeutralizeControls(out);
  return out;
}

std::string EscapeProperty(const std::string& text) {
  std::string out;
  for (const char c : EscapeData(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out.push_back(c);
  }
  return out;
}

std::string EscapeXml(const std::string& raw) {
  // XML is UTF-8 here: a name that is not gets U+FFFD for each bad byte.
  const std::string text = utf8::ReplaceInvalid(raw);
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters; reports never need them.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' &&
            c != '\r') {
          out.push_back(' ');
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

// JUnit's time: seconds with millisecond precision, "0.125".
std::string Seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", seconds < 0 ? 0.0 : seconds);
  return buffer;
}

std::string Location(const CheckedFile& file, const Finding& finding) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about
  // ":" + std::to_string(…).
  std::string location = file.path;
  if (finding.line > 0) {
    location.push_back(':');
    location += std::to_string(finding.line);
  }
  location += ": ";
  return location;
}

}  // namespace

bool Fails(const Finding& finding, bool strict) {
  return finding.status == FindingStatus::kMismatch ||
         (strict && finding.status == FindingStatus::kUnverifiable);
}

std::string WriteCheckText(const std::vector<CheckedFile>& files, bool strict) {
  std::string out;
  for (const CheckedFile& file : files) {
    if (file.error) continue;  // reported on stderr by the caller
    for (const Finding& finding : file.findings) {
      if (!Fails(finding, strict)) continue;
      out += Location(file, finding) + FindingStatusName(finding.status) +
             " [" + FindingTypeName(finding.type) + "] " + finding.message +
             " (" + finding.expression + ")\n";
    }
  }
  out += Summary(Count(files)) + "\n";
  NeutralizeControls(out);
  return out;
}

std::string WriteCheckJson(const std::vector<CheckedFile>& files, bool strict) {
  write_internal::JsonOut out(2);
  out.BeginObject();
  out.Field("schema_version", kSchemaVersion);
  out.Key("files");
  out.BeginArray();
  bool failed = false;
  for (const CheckedFile& file : files) {
    out.BeginObject();
    out.PathFields(file.path);
    if (file.error) {
      out.Field("error", *file.error);
      failed = true;
    } else {
      out.Field("encoding", file.source.encoding);
      out.Field("sha256", file.source.sha256);
      if (file.source.ocr_pages > 0)
        out.Field("ocr_pages", file.source.ocr_pages);
    }
    out.Key("checks");
    out.BeginArray();
    for (const Finding& finding : file.findings) {
      write_internal::WriteFinding(out, finding);
      failed = failed || Fails(finding, strict);
    }
    out.EndArray();
    out.EndObject();
  }
  out.EndArray();
  const Counts c = Count(files);
  out.Key("summary");
  out.BeginObject();
  out.Field("files", c.files);
  out.Field("unreadable", c.failed_files);
  out.Field("checks", c.checks);
  out.Field("pass", c.pass);
  out.Field("mismatch", c.mismatch);
  out.Field("unverifiable", c.unverifiable);
  out.Field("accepted", c.accepted);
  if (c.ocr_pages > 0) out.Field("ocr_pages", c.ocr_pages);
  out.Field("strict", strict);
  out.Field("ok", !failed);
  out.EndObject();
  out.EndObject();
  return out.Take() + "\n";
}

std::string WriteCheckGithub(const std::vector<CheckedFile>& files,
                             bool strict) {
  std::string out;
  for (const CheckedFile& file : files) {
    if (file.error) {
      out += "::error file=" + EscapeProperty(file.path) +
             ",title=lawreport::" + EscapeData(*file.error) + "\n";
      continue;
    }
    for (const Finding& finding : file.findings) {
      if (!Fails(finding, strict)) continue;
      const bool mismatch = finding.status == FindingStatus::kMismatch;
      out += std::string(mismatch ? "::error" : "::warning") +
             " file=" + EscapeProperty(file.path);
      if (finding.line > 0) out += ",line=" + std::to_string(finding.line);
      if (finding.line > 0 && finding.column > 0)
        out += ",col=" + std::to_string(finding.column);
      out += ",title=" + EscapeProperty(std::string("lawreport ") +
                                        FindingTypeName(finding.type) + " " +
                                        FindingStatusName(finding.status));
      out +=
          "::" + EscapeData(finding.message + " (" + finding.expression + ")") +
          "\n";
    }
  }
  return out;
}

std::string WriteCheckJunit(const std::vector<CheckedFile>& files,
                            bool strict) {
  const Counts all = Count(files);
  int failures = 0;
  double seconds = 0;
  for (const CheckedFile& file : files) {
    for (const Finding& finding : file.findings)
      failures += Fails(finding, strict) ? 1 : 0;
    seconds += file.seconds;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"lawreport check\" tests=\"" +
         std::to_string(all.checks + all.failed_files) + "\" failures=\"" +
         std::to_string(failures) + "\" errors=\"" +
         std::to_string(all.failed_files) + "\" time=\"" + Seconds(seconds) +
         "\">\n";
  for (const CheckedFile& file : files) {
    int file_failures = 0, skipped = 0;
    for (const Finding& finding : file.findings) {
      if (Fails(finding, strict))
        ++file_failures;
      else if (finding.status == FindingStatus::kUnverifiable)
        ++skipped;
    }
    const std::string name = EscapeXml(file.path);
    out += "  <testsuite name=\"" + name + "\" tests=\"" +
           std::to_string(file.findings.size() + (file.error ? 1 : 0)) +
           "\" failures=\"" + std::to_string(file_failures) + "\" errors=\"" +
           std::to_string(file.error ? 1 : 0) + "\" skipped=\"" +
           std::to_string(skipped) + "\" time=\"" + Seconds(file.seconds) +
           "\"";
    if (!file.timestamp.empty())
      out += " timestamp=\"" + EscapeXml(file.timestamp) + "\"";
    out += ">\n";
    if (file.error) {
      out += "    <testcase classname=\"" + name +
             "\" name=\"read\">\n      <error message=\"" +
             EscapeXml(*file.error) + "\"/>\n    </testcase>\n";
    }
    for (const Finding& finding : file.findings) {
      out += "    <testcase classname=\"" + name + "\" name=\"" +
             EscapeXml(finding.relation) + "\">";
      if (Fails(finding, strict)) {
        out += "\n      <failure type=\"" +
               std::string(FindingStatusName(finding.status)) +
               "\" message=\"" + EscapeXml(finding.message) + "\">" +
               EscapeXml(finding.expression) + "</failure>\n    ";
      } else if (finding.status == FindingStatus::kUnverifiable) {
        out += "\n      <skipped message=\"" + EscapeXml(finding.message) +
               "\"/>\n    ";
      }
      out += "</testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

namespace {

struct SarifRule {
  FindingType type;
  const char* name;
  const char* description;
};

constexpr SarifRule kSarifRules[] = {
    {FindingType::kSum, "PartsAndTotal",
     "A total and its breakdown (其中, 含, 包括, 分别) must agree: parts may "
     "not add up to more than the total, and a complete list must add up to "
     "it."},
    {FindingType::kRate, "RateAndCounts",
     "A stated rate must equal the ratio of the counts it is computed from, "
     "rounded either way at its last printed digit."},
    {FindingType::kBalance, "CarriedBalance",
     "Carried over + new must equal concluded + carried forward."},
    {FindingType::kTemplate, "OpenGovernmentTemplate",
     "The cells of the 政府信息公开工作年度报告 template's tables must satisfy "
     "the template's identities."},
    {FindingType::kExpect, "ExpectedFigure",
     "A figure given with --expect must be stated with that value."},
};

// A path as a relative URI reference: unreserved characters and '/' as they
// are, every other byte percent-encoded (so a Chinese file name stays exact).
std::string PathUri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
        (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~' || c == '/') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

void SarifText(write_internal::JsonOut& out, std::string_view key,
               const std::string& text) {
  out.Key(key);
  out.BeginObject();
  out.Field("text", text);
  out.EndObject();
}

void SarifArtifact(write_internal::JsonOut& out, const std::string& path) {
  out.Key("artifactLocation");
  out.BeginObject();
  out.Field("uri", PathUri(path));
  out.EndObject();
}

// Tabs and line breaks would split a TSV row or a comment line.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

}  // namespace

std::string WriteCheckSarif(const std::vector<CheckedFile>& files,
                            bool strict) {
  write_internal::JsonOut out(2);
  out.BeginObject();
  out.Field("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  out.Field("version", "2.1.0");
  out.Key("runs");
  out.BeginArray();
  out.BeginObject();

  out.Key("tool");
  out.BeginObject();
  out.Key("driver");
  out.BeginObject();
  out.Field("name", "lawreport");
  out.Field("version", Version());
  out.Key("rules");
  out.BeginArray();
  for (const SarifRule& rule : kSarifRules) {
    out.BeginObject();
    out.Field("id", FindingTypeName(rule.type));
    out.Field("name", rule.name);
    SarifText(out, "shortDescription", rule.description);
    out.Key("defaultConfiguration");
    out.BeginObject();
    out.Field("level", "error");
    out.EndObject();
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  out.EndObject();

  // Lines are 1-based and columns count characters (code points).
  out.Field("columnKind", "unicodeCodePoints");

  out.Key("invocations");
  out.BeginArray();
  out.BeginObject();
  bool all_read = true;
  for (const CheckedFile& file : files) all_read = all_read && !file.error;
  out.Field("executionSuccessful", all_read);
  out.Key("toolExecutionNotifications");
  out.BeginArray();
  for (const CheckedFile& file : files) {
    if (!file.error) continue;
    out.BeginObject();
    out.Field("level", "error");
    SarifText(out, "message", file.path + ": " + *file.error);
    out.Key("locations");
    out.BeginArray();
    out.BeginObject();
    out.Key("physicalLocation");
    out.BeginObject();
    SarifArtifact(out, file.path);
    out.EndObject();
    out.EndObject();
    out.EndArray();
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  out.EndArray();

  out.Key("results");
  out.BeginArray();
  for (const CheckedFile& file : files) {
    for (const Finding& finding : file.findings) {
      if (!Fails(finding, strict)) continue;
      int rule_index = 0;
      while (kSarifRules[rule_index].type != finding.type) ++rule_index;
      out.BeginObject();
      out.Field("ruleId", FindingTypeName(finding.type));
      out.Field("ruleIndex", rule_index);
      out.Field("level",
                finding.status == FindingStatus::kMismatch ? "error" : "note");
      SarifText(out, "message",
                finding.message + " (" + finding.expression + ")");
      out.Key("locations");
      out.BeginArray();
      out.BeginObject();
      out.Key("physicalLocation");
      out.BeginObject();
      SarifArtifact(out, file.path);
      if (finding.line > 0) {
        out.Key("region");
        out.BeginObject();
        out.Field("startLine", finding.line);
        if (finding.column > 0) out.Field("startColumn", finding.column);
        out.EndObject();
      }
      out.EndObject();
      out.EndObject();
      out.EndArray();
      // The relation name is what stays the same while the figure stays
      // wrong, so viewers can follow one finding from run to run.
      out.Key("partialFingerprints");
      out.BeginObject();
      out.Field("lawreportRelation/v1", finding.relation);
      out.EndObject();
      out.Key("properties");
      out.BeginObject();
      out.Field("relation", finding.relation);
      out.Field("status", FindingStatusName(finding.status));
      out.Field("expression", finding.expression);
      out.Field("stated", finding.stated);
      out.Field("computed", finding.computed);
      out.EndObject();
      out.EndObject();
    }
  }
  out.EndArray();

  out.EndObject();
  out.EndArray();
  out.EndObject();
  return out.Take() + "\n";
}

std::string WriteAcceptFile(const std::vector<CheckedFile>& files, bool strict,
                            const std::string& reason) {
  std::string out =
      "# lawreport accept file: findings confirmed correct, for "
      "`lawreport check --accept FILE`.\n"
      "# Each entry follows a comment that says what it accepts; delete an "
      "entry once its figure is fixed.\n"
      "file\trelation\tstated\tcomputed\treason\n";
  for (const CheckedFile& file : files) {
    for (const Finding& finding : file.findings) {
      if (!finding.stated) continue;  // nothing an entry could match
      const bool accepted = finding.status == FindingStatus::kAccepted;
      if (!accepted && !Fails(finding, strict)) continue;
      const std::string stated = finding.stated->ToString();
      const std::string computed =
          finding.computed ? finding.computed->ToString() : std::string();
      std::string comment = "# " + file.path;
      if (finding.line > 0) {
        comment.push_back(':');
        comment += std::to_string(finding.line);
      }
      comment += ": " + finding.expression + " (stated " + stated;
      if (!computed.empty()) comment += ", computed " + computed;
      comment += ")";
      out += OneLine(comment) + "\n";
      out += OneLine(file.path) + "\t" + OneLine(finding.relation) + "\t" +
             stated + "\t" + computed + "\t" +
             OneLine(accepted && !finding.accepted_reason.empty()
                         ? finding.accepted_reason
                         : reason) +
             "\n";
    }
  }
  return out;
}

}  // namespace lawreport
