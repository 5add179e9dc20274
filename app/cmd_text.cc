#include "cmd_text.h"

#include "cli_common.h"

namespace lawreport::cli {

CLI::App* SetupText(CLI::App& app, TextOptions& options) {
  CLI::App* command = app.add_subcommand(
      "text",
      "Print the plain text lawreport reads from a report (HTML, DOCX and PDF "
      "as their readers see them); `line` numbers count its lines");
  command->add_option("FILE", options.path, "Report to read; - reads stdin")
      ->required();
  command->add_flag("-n,--line-numbers", options.numbered,
                    "Start each line with its number and a tab");
  command->add_flag(
      "--pages", options.pages,
      "PDF: start each line with the page it begins on and a tab");
  AddDecodeOptions(*command, options.decode);
  AddTimeoutOption(*command, options.timeout);
  return command;
}

int RunText(const TextOptions& options) {
  if (RefuseDirectory(options.path)) return kExitBadInput;
  Result<DecodedText> decoded = Error{ErrorCode::kUnreadable, "not read"};
  RunWithTimeout(options.path, options.timeout,
                 [&](const std::atomic<bool>* cancelled) {
                   DecodeOptions decode = options.decode;
                   decode.cancelled = cancelled;
                   decoded = DecodeFile(options.path, decode);
                 });
  if (!decoded) return ReportInputError(options.path, decoded.error());
  WarnAboutSource(options.path, decoded->source);
  const Text& text = decoded->text;
  std::string out;
  out.reserve(text.source().size() + 16 * text.lines().size());
  for (int number = 1; number <= text.line_count(); ++number) {
    const Line& line = text.lines()[static_cast<std::size_t>(number - 1)];
    if (options.pages) {
      out += std::to_string(text.PageAt(line.begin));
      out += '\t';
    }
    if (options.numbered) {
      out += std::to_string(number);
      out += '\t';
    }
    out.append(text.source(), line.source_begin,
               line.source_end - line.source_begin);
    out += '\n';
  }
  return WriteStdout(out);
}

}  // namespace lawreport::cli
