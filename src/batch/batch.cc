// Input expansion and the ordered parallel runner (see batch.h).
#include "lawreport/batch.h"

#include <fnmatch.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
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
        std::error_code type_error;
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

BatchStats RunBatch(const std::vector<std::string>& paths,
                    const BatchOptions& options,
                    const std::function<bool(std::string_view)>& write) {
  const auto started = std::chrono::steady_clock::now();
  const std::size_t jobs = static_cast<std::size_t>(std::max(1, options.jobs));
  // Files in flight beyond the one being written: enough to keep every
  // worker busy while one slow file holds up the ordered output.
  const std::size_t window = jobs * 4;

  struct Done {
    std::string output;
    std::optional<Error> error;
    std::uint64_t bytes = 0;
    std::uint64_t indicators = 0;
  };
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, Done> done;
  std::size_t next_to_take = 0;
  std::size_t next_to_write = 0;
  bool stop_workers = false;

  const auto stopped = [&] { return options.stop && options.stop->load(); };

  const auto worker = [&] {
    while (true) {
      std::size_t index;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] {
          return stop_workers || next_to_take >= paths.size() ||
                 next_to_take < next_to_write + window;
        });
        if (stop_workers || next_to_take >= paths.size() || stopped()) return;
        index = next_to_take++;
      }
      Done result;
      Result<Report> report = ProcessFile(paths[index], options.process);
      if (report) {
        result.output = options.serialize(*report);
        result.bytes = report->source.bytes;
        result.indicators = report->indicators.size();
      } else {
        result.error = report.error();
        result.output = options.serialize_error(paths[index], report.error());
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        done.emplace(index, std::move(result));
      }
      changed.notify_all();
    }
  };

  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < std::min(jobs, paths.size()); ++i)
    threads.emplace_back(worker);

  BatchStats stats;
  while (next_to_write < paths.size()) {
    Done result;
    {
      std::unique_lock<std::mutex> lock(mutex);
      // Wake now and then to notice a stop request while a slow file runs.
      while (!changed.wait_for(lock, std::chrono::milliseconds(100), [&] {
        return done.count(next_to_write) > 0 ||
               (stopped() && next_to_take <= next_to_write);
      })) {
      }
      auto found = done.find(next_to_write);
      if (found == done.end()) break;  // stopped before this file started
      result = std::move(found->second);
      done.erase(found);
    }
    if (result.error && options.on_error)
      options.on_error(paths[next_to_write], *result.error);
    ++stats.files;
    stats.failed += result.error ? 1 : 0;
    stats.bytes += result.bytes;
    stats.indicators += result.indicators;
    const bool written = write(result.output);
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++next_to_write;
      if (!written) stop_workers = true;
    }
    changed.notify_all();
    if (!written) {
      stats.output_closed = true;
      break;
    }
    stats.seconds = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    if (options.on_progress) options.on_progress(stats, paths.size());
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    stop_workers = true;
  }
  changed.notify_all();
  for (std::thread& thread : threads) thread.join();
  stats.interrupted = stopped() && stats.files < paths.size();
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  return stats;
}

}  // namespace lawreport
