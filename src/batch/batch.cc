// Input expansion and the ordered parallel runner (see batch.h).
#include "lawreport/batch.h"

#include <fnmatch.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <thread>

#include "lawreport/decode.h"

namespace lawreport {
namespace {

namespace fs = std::filesystem;

bool HasReportExtension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(
      extension.begin(), extension.end(), extension.begin(),
      [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".txt" || extension == ".htm" || extension == ".html" ||
         extension == ".docx" || extension == ".pdf";
}

bool MatchesGlob(const std::string& glob, const std::string& path) {
  if (glob.empty()) return true;
  const std::string name = fs::path(path).filename().string();
  return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
}

}  // namespace

Result<std::vector<std::string>> ExpandInputs(const InputSelection& selection) {
  std::vector<std::string> files;
  const auto add_path = [&](const std::string& path) -> std::optional<Error> {
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(
          path, fs::directory_options::skip_permission_denied, error);
      if (error)
        return Error{ErrorCode::kUnreadable,
                     path + ": cannot list: " + error.message()};
      for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error)
          return Error{ErrorCode::kUnreadable,
                       path + ": cannot list: " + error.message()};
        // A link inside a folder is not followed: a downloaded archive
        // unpacked into the folder could otherwise name any file on the
        // machine. A file named on the command line is read as given.
        std::error_code type_error;
        if (it->is_symlink(type_error)) continue;
        if (it->is_regular_file(type_error) && HasReportExtension(it->path()) &&
            MatchesGlob(selection.glob, it->path().string())) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
      return std::nullopt;
    }
    // A file named on its own is read whatever its name: the glob filters
    // what directories yield.
    files.push_back(path);
    return std::nullopt;
  };
  for (const std::string& path : selection.paths) {
    if (auto error = add_path(path)) return *error;
  }
  if (!selection.files_from.empty()) {
    Result<std::string> list =
        ReadInput(selection.files_from, kDefaultMaxBytes);
    if (!list) {
      return Error{list.error().code,
                   selection.files_from + ": " + list.error().message};
    }
    std::size_t start = 0;
    const std::string& text = *list;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      start = end + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      if (auto error = add_path(line)) return *error;
    }
  }
  return files;
}

namespace {

struct Done {
  std::string output;
  std::optional<Error> error;
  std::uint64_t bytes = 0;
  std::uint64_t indicators = 0;
};

// What the workers share. RunBatch joins every worker before it returns;
// the copies and the shared pointer date from when a worker stuck on a file
// given up on was left behind, and cost nothing.
struct Shared {
  Shared(const std::vector<std::string>& input_paths,
         const BatchOptions& options)
      : paths(input_paths),
        process(options.process),
        serialize(options.serialize),
        serialize_error(options.serialize_error),
        cancelled(input_paths.size()),
        jobs(std::max(1, options.jobs)) {}

  const std::vector<std::string> paths;
  const ProcessOptions process;
  const std::function<std::string(const Report&)> serialize;
  const std::function<std::string(const std::string&, const Error&)>
      serialize_error;

  std::mutex mutex;
  // Two conditions, so that a wake-up goes only to a thread that needs it
  // (each costs a system call and a context switch, which showed in the
  // profile with a file every few milliseconds): the writer waits for the
  // file it writes next, or for the workers to end; workers wait for room in
  // the window.
  std::condition_variable result_ready;
  std::condition_variable window_moved;
  std::size_t workers_waiting = 0;  // for room in the window
  std::map<std::size_t, Done> done;
  // Files being processed, and when each started.
  std::map<std::size_t, std::chrono::steady_clock::time_point> running;
  std::vector<std::atomic<bool>> cancelled;  // given up on: result discarded
  const int jobs;                            // --jobs
  std::size_t next_to_take = 0;
  std::size_t next_to_write = 0;
  std::size_t window = 1;
  // The writer is woken once this many results wait (or when nothing more
  // is coming soon), not for every file: each wake-up is a system call on
  // the worker's path and a context switch, a few per cent of a batch of
  // small reports.
  std::size_t wake_batch = 1;
  bool stop_workers = false;
  const std::atomic<bool>* stop = nullptr;
  std::size_t workers_running = 0;
  std::size_t stuck = 0;  // workers still busy with a file given up on

  bool stopped() const { return stop && stop->load(); }
};

// --- allocation failures (issue 18 §3) ------------------------------------
// Under an address-space limit (prlimit --as, as docs/security.md advises)
// one huge or hostile file can exhaust memory. std::bad_alloc is then that
// file's error record: the report being built is freed as the exception
// unwinds, so the batch goes on with the memory back.
Done ProcessOne(Shared& s, std::size_t index, const ProcessOptions& process) {
  Done result;
  try {
    Result<Report> report = ProcessFile(s.paths[index], process);
    if (report) {
      result.output = s.serialize(*report);
      result.bytes = report->source.bytes;
      result.indicators = report->indicators.size();
      return result;
    }
    result.error = report.error();
  } catch (const std::bad_alloc&) {
    result = Done();
    result.error = Error{ErrorCode::kLimitExceeded,
                         "out of memory (an allocation failed)"};
  }
  try {
    result.output = s.serialize_error(s.paths[index], *result.error);
  } catch (const std::bad_alloc&) {
    result.output.clear();  // the record is lost, the stderr line is not
  }
  return result;
}
// ---------------------------------------------------------------------------

void Work(const std::shared_ptr<Shared>& shared) {
  Shared& s = *shared;
  while (true) {
    std::size_t index;
    {
      std::unique_lock<std::mutex> lock(s.mutex);
      ++s.workers_waiting;
      s.window_moved.wait(lock, [&] {
        return s.stop_workers || s.next_to_take >= s.paths.size() ||
               s.next_to_take < s.next_to_write + s.window;
      });
      --s.workers_waiting;
      if (s.stop_workers || s.next_to_take >= s.paths.size() || s.stopped()) {
        --s.workers_running;
        s.result_ready.notify_all();
        return;
      }
      index = s.next_to_take++;
      s.running[index] = std::chrono::steady_clock::now();
    }
    ProcessOptions process = s.process;
    process.decode.cancelled = &s.cancelled[index];
    // The cores the files leave idle OCR pages of one file at once.
    const std::size_t files =
        std::min(s.paths.size(), static_cast<std::size_t>(s.jobs));
    process.decode.ocr_jobs = std::max(1, s.jobs / static_cast<int>(files));
    Done result = ProcessOne(s, index, process);
    bool writer_needs_it = false;
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      s.running.erase(index);
      if (s.cancelled[index].load()) {
        --s.stuck;
      } else {
        s.done.emplace(index, std::move(result));
        // The writer waits for the next file in order. It is woken when
        // that one is done and either enough results wait, or the window is
        // full (workers would wait too), or no file is left to start. In
        // the worst case it finds the results at its next look, every
        // 100 ms.
        writer_needs_it =
            s.done.count(s.next_to_write) > 0 &&
            (s.done.size() >= s.wake_batch ||
             s.next_to_take >= s.next_to_write + s.window ||
             s.next_to_take >= s.paths.size() || s.stop_workers || s.stopped());
      }
    }
    if (writer_needs_it) s.result_ready.notify_one();
  }
}

std::string Seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", seconds);
  return buffer;
}

}  // namespace

BatchStats RunBatch(const std::vector<std::string>& paths,
                    const BatchOptions& options,
                    const std::function<bool(std::string_view)>& write) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  const std::size_t jobs = static_cast<std::size_t>(std::max(1, options.jobs));
  auto shared = std::make_shared<Shared>(paths, options);
  Shared& s = *shared;
  // Files in flight beyond the one being written: enough to keep every
  // worker busy while one slow file holds up the ordered output, and, at
  // least eight, so that the writer can be woken per four results while
  // the workers go on with the next four.
  s.window = std::max<std::size_t>(8, jobs * 4);
  s.wake_batch = s.window / 2;
  s.stop = options.stop;
  // No limit is the longest duration (a plain value: GCC 12 warns falsely
  // about an optional one).
  const bool has_timeout = options.timeout_seconds > 0;
  const Clock::duration timeout =
      has_timeout ? std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(options.timeout_seconds))
                  : Clock::duration::max();

  std::vector<std::thread> threads;
  const auto start_worker = [&] {
    // Called with s.mutex held or before any worker runs.
    ++s.workers_running;
    threads.emplace_back(Work, shared);
  };
  for (std::size_t i = 0; i < std::min(jobs, paths.size()); ++i) start_worker();

  BatchStats stats;
  while (s.next_to_write < paths.size()) {
    Done result;
    {
      std::unique_lock<std::mutex> lock(s.mutex);
      // Wake now and then to notice a stop request, and when the file
      // being waited for reaches its time, so that a short --timeout holds
      // to the millisecond rather than to the next 100 ms wake-up.
      for (;;) {
        if (s.done.count(s.next_to_write) > 0) break;
        if (s.stopped() && s.next_to_take <= s.next_to_write) break;
        Clock::duration wait = std::chrono::milliseconds(100);
        if (has_timeout) {
          const auto running = s.running.find(s.next_to_write);
          // A file no worker has taken yet is looked at again within its
          // own time: it may start, and run over, before the next wake-up.
          const Clock::duration elapsed = running == s.running.end()
                                              ? Clock::duration::zero()
                                              : Clock::now() - running->second;
          if (elapsed <= timeout)
            wait = std::min(wait,
                            timeout - elapsed + std::chrono::microseconds(1));
          if (running != s.running.end() && elapsed > timeout) {
            // Give up on it: its worker stops at its next check (or is left
            // behind), and a new worker keeps the batch at full strength.
            s.cancelled[s.next_to_write] = true;
            s.running.erase(running);
            Done late;
            late.error =
                Error{ErrorCode::kLimitExceeded,
                      "took longer than --timeout " +
                          Seconds(options.timeout_seconds) + " s: stopped"};
            late.output =
                s.serialize_error(paths[s.next_to_write], *late.error);
            s.done.emplace(s.next_to_write, std::move(late));
            ++stats.timed_out;
            ++s.stuck;
            start_worker();
            break;
          }
        }
        s.result_ready.wait_for(lock, wait);
      }
      auto found = s.done.find(s.next_to_write);
      if (found == s.done.end()) break;  // stopped before this file started
      result = std::move(found->second);
      s.done.erase(found);
    }
    if (result.error && options.on_error)
      options.on_error(paths[s.next_to_write], *result.error);
    ++stats.files;
    stats.failed += result.error ? 1 : 0;
    stats.bytes += result.bytes;
    stats.indicators += result.indicators;
    const bool written = write(result.output);
    bool workers_wait = false;
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      ++s.next_to_write;
      if (!written) s.stop_workers = true;
      workers_wait = s.workers_waiting > 0;
    }
    if (workers_wait) s.window_moved.notify_all();
    if (!written) {
      stats.output_closed = true;
      break;
    }
    stats.seconds =
        std::chrono::duration<double>(Clock::now() - started).count();
    if (options.on_progress) options.on_progress(stats, paths.size());
  }
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.stop_workers = true;
  }
  s.window_moved.notify_all();
  // Every worker ends after its current file; one busy with a file given up
  // on (--timeout) ends at its next check of the file's cancel flag (between
  // stages, between PDF pages; a CLI worker process is killed at once).
  // Nothing is left running behind the caller's back.
  for (std::thread& thread : threads) thread.join();
  stats.interrupted = s.stopped() && stats.files < paths.size();
  stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return stats;
}

}  // namespace lawreport
