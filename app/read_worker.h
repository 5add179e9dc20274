// The CLI's options for reading containers in worker processes
// (lawreport/isolation.h): --isolate and --max-worker-memory.
//
//   lawreport extract --isolate always --max-worker-memory 1073741824 a.pdf
//
// Every command that reads reports installs the hook, so poppler, libxml2
// and libzip run in a `lawreport __read-worker` process per PDF, HTML or
// DOCX file, and a parser's crash or runaway memory costs one file.
#ifndef LAWREPORT_APP_READ_WORKER_H_
#define LAWREPORT_APP_READ_WORKER_H_

#include <CLI/CLI.hpp>

#include "lawreport/decode.h"

namespace lawreport::cli {

// --isolate and --max-worker-memory, and the hook in `options` that runs
// the containers' readers in worker processes as they say. The CPU limit
// follows the command's --timeout, when it has one.
void AddIsolationOptions(CLI::App& command, DecodeOptions& options);

}  // namespace lawreport::cli

#endif  // LAWREPORT_APP_READ_WORKER_H_
