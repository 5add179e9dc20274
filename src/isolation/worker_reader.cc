#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "decode/module_loader.h"
#include "lawreport/isolation.h"

extern char** environ;

#if defined(__SANITIZE_ADDRESS__)
#define LAWREPORT_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LAWREPORT_UNDER_ASAN 1
#endif
#endif

namespace lawreport {
namespace {

std::string FormatLabel(InputFormat format) {
  switch (format) {
    case InputFormat::kHtml:
      return "HTML";
    case InputFormat::kDocx:
      return "DOCX";
    case InputFormat::kPdf:
      return "PDF";
    default:
      return "text";
  }
}

std::string MiB(std::uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

std::string Seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", seconds);
  return buffer;
}

std::string OutOfMemory(InputFormat format, std::uint64_t max_memory) {
  return "the " + FormatLabel(format) +
         " reader ran out of memory (--max-worker-memory " + MiB(max_memory) +
         ")";
}

// The CPU-time limit of a worker: the wall-clock --timeout plus a second,
// so that the parent's SIGKILL comes first and this only holds when the
// parent cannot act (it was stopped, or is itself starved of time).
rlim_t CpuLimit(double timeout_seconds) {
  return static_cast<rlim_t>(std::ceil(timeout_seconds)) + 1;
}

void CloseFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// One worker process and the three pipes to it.
class Worker {
 public:
  ~Worker() {
    CloseFd(to_child_);
    CloseFd(from_child_);
    CloseFd(child_errors_);
    if (pid_ > 0) Kill();
  }

  // Starts the worker; false, with errno set, when it cannot be started.
  bool Start(const WorkerOptions& settings) {
    int request[2], reading[2], errors[2];
    if (::pipe2(request, O_CLOEXEC) != 0) return false;
    if (::pipe2(reading, O_CLOEXEC) != 0) {
      ::close(request[0]);
      ::close(request[1]);
      return false;
    }
    if (::pipe2(errors, O_CLOEXEC) != 0) {
      for (int fd : {request[0], request[1], reading[0], reading[1]})
        ::close(fd);
      return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, request[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, reading[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errors[1], STDERR_FILENO);
    // Nothing else of the parent's: no output file, no lock, no socket.
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // The worker starts with default signal handling and nothing blocked,
    // whatever the parent's handlers (StopOnSignal) and masks are.
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes,
                             POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    const std::string memory = std::to_string(settings.max_memory);
    const std::string parent = std::to_string(::getpid());
    const std::string cpu =
        settings.timeout_seconds > 0
            ? std::to_string(CpuLimit(settings.timeout_seconds))
            : std::string("0");
    std::vector<char*> argv = {const_cast<char*>("lawreport"),
                               const_cast<char*>(kReadWorkerCommand),
                               const_cast<char*>(memory.c_str()),
                               const_cast<char*>(cpu.c_str()),
                               const_cast<char*>(parent.c_str()),
                               nullptr};
    const int spawned =
        ::posix_spawn(&pid_, settings.executable.c_str(), &actions, &attributes,
                      argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(request[0]);
    ::close(reading[1]);
    ::close(errors[1]);
    to_child_ = request[1];
    from_child_ = reading[0];
    child_errors_ = errors[0];
    if (spawned != 0) {
      pid_ = -1;
      errno = spawned;
      return false;
    }
    ::fcntl(to_child_, F_SETFL, O_NONBLOCK);
    return true;
  }

  enum class Outcome { kDone, kCancelled, kTimedOut };

  // Sends `request`, collects the reading and the worker's stderr until
  // both streams end, polling `cancelled` and the deadline every 20 ms.
  Outcome Exchange(const std::string& request,
                   const std::atomic<bool>* cancelled,
                   std::chrono::steady_clock::time_point deadline,
                   bool has_deadline) {
    std::size_t sent = 0;
    if (request.empty()) CloseFd(to_child_);
    char buffer[65536];
    while (from_child_ >= 0 || child_errors_ >= 0) {
      if (cancelled != nullptr && cancelled->load()) return Outcome::kCancelled;
      if (has_deadline && std::chrono::steady_clock::now() >= deadline)
        return Outcome::kTimedOut;
      pollfd fds[3];
      int count = 0;
      const auto watch = [&](int fd, short events) {
        if (fd >= 0) fds[count++] = pollfd{fd, events, 0};
      };
      watch(to_child_, POLLOUT);
      watch(from_child_, POLLIN);
      watch(child_errors_, POLLIN);
      const int ready = ::poll(fds, static_cast<nfds_t>(count), 20);
      if (ready < 0 && errno != EINTR) return Outcome::kDone;
      if (ready <= 0) continue;
      for (int i = 0; i < count; ++i) {
        if (fds[i].revents == 0) continue;
        const int fd = fds[i].fd;
        if (fd == to_child_) {
          const ssize_t wrote =
              ::write(fd, request.data() + sent, request.size() - sent);
          if (wrote > 0) sent += static_cast<std::size_t>(wrote);
          // A worker that died stops reading (EPIPE): its status says why.
          if ((wrote < 0 && errno != EAGAIN && errno != EINTR) ||
              sent == request.size())
            CloseFd(to_child_);
          continue;
        }
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (got <= 0) {
          CloseFd(fd == from_child_ ? from_child_ : child_errors_);
          continue;
        }
        if (fd == from_child_) {
          reading_.append(buffer, static_cast<std::size_t>(got));
        } else {
          // Only the end matters (an abort's last words, a sanitizer's
          // report); keep 64 KiB.
          errors_.append(buffer, static_cast<std::size_t>(got));
          if (errors_.size() > 128 * 1024)
            errors_.erase(0, errors_.size() - 64 * 1024);
        }
      }
    }
    CloseFd(to_child_);
    return Outcome::kDone;
  }

  // Waits for the worker to end (it has closed its output) and returns its
  // wait status; kills it if it does not end by `deadline`.
  int Wait(std::chrono::steady_clock::time_point deadline, bool has_deadline) {
    int status = 0;
    for (;;) {
      const pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_ || (done < 0 && errno != EINTR)) break;
      if (has_deadline && std::chrono::steady_clock::now() >= deadline)
        return Kill();
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    pid_ = -1;
    return status;
  }

  // SIGKILL and reap: no process is left behind.
  int Kill() {
    int status = 0;
    ::kill(pid_, SIGKILL);
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return status;
  }

  std::string& reading() { return reading_; }
  const std::string& errors() const { return errors_; }

 private:
  pid_t pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
  int child_errors_ = -1;
  std::string reading_;
  std::string errors_;
};

std::optional<Result<std::string>> ReadInWorker(const WorkerOptions& settings,
                                                InputFormat format,
                                                std::string_view bytes,
                                                std::string_view path,
                                                const DecodeOptions& options) {
  if (settings.mode == Isolation::kNever) return std::nullopt;
  using Clock = std::chrono::steady_clock;
  const bool has_deadline = settings.timeout_seconds > 0;
  const Clock::time_point deadline =
      has_deadline
          ? Clock::now() +
                std::chrono::duration_cast<Clock::duration>(
                    std::chrono::duration<double>(settings.timeout_seconds))
          : Clock::time_point::max();
  const std::string label = FormatLabel(format);
  std::string request = EncodeContainerRequest(format, path, bytes, options);

  Worker worker;
  if (settings.executable.empty() || !worker.Start(settings)) {
    const std::string why =
        settings.executable.empty()
            ? "no lawreport executable was found (set LAWREPORT_EXECUTABLE)"
            : std::strerror(errno);
    // Without /proc (a bare chroot) the CLI has no executable to start
    // again, nor has the Python module without an installed lawreport: auto
    // reads in-process, always refuses.
    if (settings.mode == Isolation::kAuto) return std::nullopt;
    return Result<std::string>(
        Error{ErrorCode::kUnreadable, "cannot start a worker process for the " +
                                          label + " reader: " + why +
                                          " (--isolate always)"});
  }
  const Worker::Outcome outcome =
      worker.Exchange(request, options.cancelled, deadline, has_deadline);
  std::string().swap(request);
  if (outcome != Worker::Outcome::kDone) {
    worker.Kill();
    return Result<std::string>(
        Error{ErrorCode::kLimitExceeded, "took longer than --timeout " +
                                             Seconds(settings.timeout_seconds) +
                                             " s: stopped"});
  }
  const int status = worker.Wait(deadline, has_deadline);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    return Result<std::string>(std::move(worker.reading()));
  const std::string& errors = worker.errors();
#ifdef LAWREPORT_UNDER_ASAN
  // A sanitizer's report from the worker must reach CI's log.
  std::fwrite(errors.data(), 1, errors.size(), stderr);
#endif
  const bool memory = errors.find("Out of memory") != std::string::npos ||
                      errors.find("out of memory") != std::string::npos ||
                      errors.find("bad_alloc") != std::string::npos;
  if (memory) {
    return Result<std::string>(Error{ErrorCode::kLimitExceeded,
                                     OutOfMemory(format, settings.max_memory)});
  }
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
    return Result<std::string>(
        Error{ErrorCode::kLimitExceeded,
              "the " + label + " reader used more than " +
                  std::to_string(CpuLimit(settings.timeout_seconds)) +
                  " s of CPU time (--timeout " +
                  Seconds(settings.timeout_seconds) + " s): stopped"});
  }
  if (WIFSIGNALED(status)) {
    return Result<std::string>(
        Error{ErrorCode::kDamaged, "the " + label + " reader crashed (signal " +
                                       std::to_string(WTERMSIG(status)) + ")"});
  }
  return Result<std::string>(Error{
      ErrorCode::kDamaged, "the " + label + " reader failed (exit status " +
                               std::to_string(WEXITSTATUS(status)) + ")"});
}

// --- the worker's side ------------------------------------------------------

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t wrote = ::write(fd, data.data(), data.size());
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(wrote));
  }
  return true;
}

// Test-only (tests/cli/test_isolation.py): LAWREPORT_TEST_WORKER_FAULT=
// "crash:SUBSTRING" makes the worker die of SIGSEGV, "hang:SUBSTRING"
// makes it sleep for ever, when the file's path contains SUBSTRING: a
// poppler crash or a parser stuck in a loop, on demand. Read only here, in
// the worker.
void InjectTestFault(std::string_view path) {
  const char* fault = std::getenv("LAWREPORT_TEST_WORKER_FAULT");
  if (fault == nullptr) return;
  const std::string_view spec(fault);
  const std::size_t colon = spec.find(':');
  if (colon == std::string_view::npos) return;
  const std::string_view kind = spec.substr(0, colon);
  const std::string_view needle = spec.substr(colon + 1);
  if (needle.empty() || path.find(needle) == std::string_view::npos) return;
  if (kind == "crash") {
    std::signal(SIGSEGV, SIG_DFL);  // not a sanitizer's report: a crash
    std::raise(SIGSEGV);
  }
  if (kind == "hang") {
    for (;;) ::pause();
  }
}

}  // namespace

std::optional<std::string> FindWorkerExecutable() {
  const auto runnable = [](const std::string& path) {
    struct stat status;
    return ::stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode) &&
           ::access(path.c_str(), X_OK) == 0;
  };
  if (const char* named = std::getenv("LAWREPORT_EXECUTABLE");
      named != nullptr && named[0] != '\0') {
    if (runnable(named)) return std::string(named);
    return std::nullopt;
  }
  // Built, the executable lies beside the modules; installed, in the
  // prefix's bin/ (LAWREPORT_MODULE_TO_BINDIR, from the module directory).
  for (const std::string& directory :
       decode_internal::ModuleSearchDirectories()) {
    for (const std::string& candidate :
         {directory + "/lawreport",
          directory + "/" LAWREPORT_MODULE_TO_BINDIR "/lawreport"}) {
      if (runnable(candidate)) return candidate;
    }
  }
  return std::nullopt;
}

ContainerReader WorkerContainerReader(WorkerOptions options) {
  return [options = std::move(options)](
             InputFormat format, std::string_view bytes, std::string_view path,
             const DecodeOptions& decode) {
    return ReadInWorker(options, format, bytes, path, decode);
  };
}

int RunReadWorker(int argc, char** argv) {
  // Not for people: `lawreport __read-worker MEMORY CPU PARENT`.
  if (argc != 5) {
    std::fprintf(stderr, "lawreport: %s is started by lawreport itself\n",
                 kReadWorkerCommand);
    return 2;
  }
  const std::uint64_t memory = std::strtoull(argv[2], nullptr, 10);
  const unsigned long cpu = std::strtoul(argv[3], nullptr, 10);
  const long parent = std::strtol(argv[4], nullptr, 10);
  // Die with the parent, however it dies; it may have died already.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) return 2;
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);  // a crash is a record, not a dump
  if (cpu > 0) {
    const rlimit cpu_limit{cpu, cpu + 1};
    ::setrlimit(RLIMIT_CPU, &cpu_limit);
  }
#ifndef LAWREPORT_UNDER_ASAN
  // ASan reserves terabytes of address space for its shadow memory: no
  // address-space limit can apply to a sanitizer build.
  const rlimit address_space{memory, memory};
  ::setrlimit(RLIMIT_AS, &address_space);
#endif

  std::string encoded_reading;
  InputFormat format = InputFormat::kPdf;
  try {
    std::string input;
    char buffer[65536];
    for (;;) {
      const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return 2;
      if (got == 0) break;
      input.append(buffer, static_cast<std::size_t>(got));
    }
    Result<ContainerRequest> request = DecodeContainerRequest(input);
    std::string().swap(input);
    if (!request) {
      std::fprintf(stderr, "lawreport: %s\n", request.error().message.c_str());
      return 2;
    }
    format = request->format;
    InjectTestFault(request->path);
    encoded_reading =
        ReadContainer(request->format, request->bytes, request->options);
  } catch (const std::bad_alloc&) {
    encoded_reading.clear();
    encoded_reading.shrink_to_fit();
    // The reader's memory is back; say why in the worker's own words.
    std::fprintf(stderr, "lawreport: %s\n",
                 OutOfMemory(format, memory).c_str());
    return 3;
  }
  return WriteAll(STDOUT_FILENO, encoded_reading) ? 0 : 2;
}

}  // namespace lawreport
