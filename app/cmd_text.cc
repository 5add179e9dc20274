#include "cmd_text.h"

#include "cli_common.h"
#include "lawreport/write.h"

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
  PlainTextOptions plain;
  plain.line_numbers = options.numbered;
  plain.pages = options.pages;
  return WriteStdout(WritePlainText(decoded->text, plain));
}

}  // namespace lawreport::cli
