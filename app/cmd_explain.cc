#include "cmd_explain.h"

#include "cli_common.h"
#include "lawreport/explain.h"

namespace lawreport::cli {

CLI::App* SetupExplain(CLI::App& app, ExplainOptions& options) {
  CLI::App* command = app.add_subcommand(
      "explain",
      "Show, for every number on one line, which rule took it as a figure or "
      "rejected it and why, and how its label was trimmed");
  command->add_option("FILE", options.path, "Report to read; - reads stdin")
      ->required();
  command
      ->add_option("--line", options.line,
                   "The line to explain, 1-based, as `lawreport text -n` "
                   "numbers it")
      ->required()
      ->check(CLI::PositiveNumber);
  command->add_option("--format", options.format, "text (for people) or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddDecodeOptions(*command, options.decode);
  AddTimeoutOption(*command, options.timeout);
  return command;
}

int RunExplain(const ExplainOptions& options) {
  if (RefuseDirectory(options.path)) return kExitBadInput;
  Result<Explanation> explanation = Error{ErrorCode::kUnreadable, "not read"};
  RunWithTimeout(
      options.path, options.timeout, [&](const std::atomic<bool>* cancelled) {
        DecodeOptions decode = options.decode;
        decode.cancelled = cancelled;
        Result<DecodedText> decoded = DecodeFile(options.path, decode);
        if (!decoded) {
          explanation = decoded.error();
          return;
        }
        WarnAboutSource(options.path, decoded->source);
        explanation = ExplainLine(decoded->text, options.line);
      });
  if (!explanation) return ReportInputError(options.path, explanation.error());
  return WriteStdout(options.format == "json" ? ExplanationJson(*explanation)
                                              : ExplanationText(*explanation));
}

}  // namespace lawreport::cli
