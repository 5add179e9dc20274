// Writers for `lawreport check`: text for people, JSON, GitHub Actions
// workflow commands and JUnit XML for CI dashboards.
#include <string>

#include "lawreport/write.h"
#include "util/terminal.h"
#include "write/finding_json.h"

namespace lawreport {
namespace {

struct Counts {
  int files = 0, failed_files = 0, checks = 0, pass = 0, mismatch = 0,
      unverifiable = 0, accepted = 0;
};

Counts Count(const std::vector<CheckedFile>& files) {
  Counts counts;
  for (const CheckedFile& file : files) {
    ++counts.files;
    if (file.error) ++counts.failed_files;
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
  return out;
}

// Workflow command escaping: data escapes % CR LF; properties also : and ,.
std::string EscapeData(const std::string& text) {
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

std::string EscapeXml(const std::string& text) {
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
    out.Field("path", file.path);
    if (file.error) {
      out.Field("error", *file.error);
      failed = true;
    } else {
      out.Field("encoding", file.source.encoding);
      out.Field("sha256", file.source.sha256);
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
  for (const CheckedFile& file : files) {
    for (const Finding& finding : file.findings)
      failures += Fails(finding, strict) ? 1 : 0;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"lawreport check\" tests=\"" +
         std::to_string(all.checks + all.failed_files) + "\" failures=\"" +
         std::to_string(failures) + "\" errors=\"" +
         std::to_string(all.failed_files) + "\">\n";
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
           std::to_string(skipped) + "\">\n";
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

}  // namespace lawreport
