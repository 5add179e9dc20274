#include "output.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "cli_common.h"
#include "lawreport/write.h"

namespace lawreport::cli {
namespace {

// The temporary files being written, for the signal handler; each points
// into its Output's own string, which outlives it being listed here. More
// than one: `table --format html --view-dir` writes each report's page while
// the panel's file is open. An Output that finds no free slot is still
// removed by its destructor, only not by a second Ctrl-C.
constexpr int kTemporarySlots = 8;
std::atomic<const char*> g_temporaries[kTemporarySlots];

void ListTemporary(const char* temporary) {
  for (std::atomic<const char*>& slot : g_temporaries) {
    const char* empty = nullptr;
    if (slot.compare_exchange_strong(empty, temporary)) return;
  }
}

void UnlistTemporary(const char* temporary) {
  for (std::atomic<const char*>& slot : g_temporaries) {
    const char* listed = temporary;
    if (slot.compare_exchange_strong(listed, nullptr)) return;
  }
}

// Symlinks are followed hop by hop (not with realpath) so that a link to a
// file that does not exist yet resolves to where that file will be.
std::string FollowLinks(const std::string& path) {
  std::string current = path;
  for (int hop = 0; hop < 40; ++hop) {
    struct stat info;
    if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode))
      return current;
    std::vector<char> link(static_cast<std::size_t>(info.st_size) + 256);
    const ssize_t length =
        ::readlink(current.c_str(), link.data(), link.size());
    if (length <= 0 || static_cast<std::size_t>(length) >= link.size())
      return current;
    std::string next(link.data(), static_cast<std::size_t>(length));
    if (next[0] != '/') {
      const std::size_t slash = current.rfind('/');
      if (slash != std::string::npos)
        next = current.substr(0, slash + 1) + next;
    }
    current = std::move(next);
  }
  return current;  // a loop: opening it reports ELOOP
}

std::string Directory(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// True for "NAME.tmp.PID.XXXXXX": a temporary file of this target.
bool IsTemporaryOf(const std::string& entry, const std::string& base) {
  const std::string prefix = base + ".tmp.";
  if (entry.size() <= prefix.size() + 7 ||
      entry.compare(0, prefix.size(), prefix) != 0)
    return false;
  std::size_t i = prefix.size();
  const std::size_t digits_begin = i;
  while (i < entry.size() && entry[i] >= '0' && entry[i] <= '9') ++i;
  return i > digits_begin && i < entry.size() && entry[i] == '.' &&
         entry.size() - i - 1 == 6;
}

// A run holds an exclusive flock on its temporary file from creating it to
// renaming it, and the kernel drops the lock when the process dies, however
// it dies (SIGKILL, OOM killer, power loss). So a temporary whose lock can
// be taken belongs to no live process, here or in another PID namespace
// sharing the directory; the PID in its name only tells people whose it
// was (a PID alone could be reused, or belong to another container).
void RemoveDeadTemporaries(const std::string& target) {
  const std::string directory = Directory(target);
  const std::string base = BaseName(target);
  DIR* listing = ::opendir(directory.c_str());
  if (listing == nullptr) return;
  while (const dirent* entry = ::readdir(listing)) {
    const std::string name = entry->d_name;
    if (!IsTemporaryOf(name, base)) continue;
    const std::string path = directory + "/" + name;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
                                            O_NONBLOCK | O_NOCTTY);
    if (fd < 0) continue;
    struct stat opened, named;
    // Still the same file under that name (not replaced meanwhile), a
    // regular one, and nobody's: remove it while holding its lock.
    if (::fstat(fd, &opened) == 0 && S_ISREG(opened.st_mode) &&
        ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
        ::lstat(path.c_str(), &named) == 0 && named.st_ino == opened.st_ino &&
        named.st_dev == opened.st_dev) {
      ::unlink(path.c_str());
    }
    ::close(fd);
  }
  ::closedir(listing);
}

std::atomic<bool> g_stop{false};

void OnSignal(int signal) {
  if (g_stop.exchange(true)) {
    Output::RemoveTemporaryFromSignalHandler();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
}

}  // namespace

StopOnSignal::StopOnSignal() {
  g_stop = false;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
}

StopOnSignal::~StopOnSignal() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>* StopOnSignal::flag() const { return &g_stop; }

void Output::RemoveTemporaryFromSignalHandler() {
  for (std::atomic<const char*>& slot : g_temporaries) {
    if (const char* temporary = slot.exchange(nullptr)) ::unlink(temporary);
  }
}

Output::Output(std::string path) : path_(std::move(path)) {}

Output::~Output() {
  if (fd_ >= 0 && !is_stdout_) ::close(fd_);
  if (!temporary_.empty()) {
    UnlistTemporary(temporary_.c_str());
    ::unlink(temporary_.c_str());
  }
}

std::string Output::name() const { return is_stdout_ ? "stdout" : path_; }

bool Output::Fail(const std::string& what, int error_number) {
  // Callers pass errno read before building `what`, which allocates.
  failed_ = true;
  error_ = what + ": " + std::strerror(error_number);
  return false;
}

template <typename Describe>
bool Output::FailWithErrno(Describe describe) {
  const int error_number = errno;
  return Fail(describe(), error_number);
}

bool Output::Open() {
  if (path_.empty() || path_ == "-") {
    is_stdout_ = true;
    std::fflush(stdout);
    fd_ = STDOUT_FILENO;
    return true;
  }
  target_ = FollowLinks(path_);
  struct stat info;
  if (::stat(target_.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    if (S_ISDIR(info.st_mode))
      return Fail("cannot write " + OneSafeLine(path_), EISDIR);
    // A device or FIFO is not replaced by a file: `-o /dev/null` run as
    // root must leave /dev/null a device.
    direct_ = true;
    fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0)
      return FailWithErrno(
          [&] { return "cannot write " + OneSafeLine(path_); });
    return true;
  }
  const bool exists = ::stat(target_.c_str(), &info) == 0;
  RemoveDeadTemporaries(target_);
  // The temporary file sits beside the target, so the rename stays on one
  // file system and is atomic.
  const std::string pattern =
      target_ + ".tmp." + std::to_string(::getpid()) + ".XXXXXX";
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    // Named as the user gave it: the temporary name is ours, and a
    // read-only or missing directory is the target's problem too.
    if (fd < 0)
      return FailWithErrno(
          [&] { return "cannot create " + OneSafeLine(path_); });
    // Locked at once; a run cleaning up that took the lock in between has
    // removed the name, and then this one starts over with a new name.
    struct stat created;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0 || ::fstat(fd, &created) != 0 ||
        created.st_nlink == 0) {
      ::close(fd);
      continue;
    }
    fd_ = fd;
    temporary_ = name.data();
    ListTemporary(temporary_.c_str());
    break;
  }
  if (fd_ < 0) return Fail("cannot create " + OneSafeLine(path_), EAGAIN);
  // mkstemp makes the file private (0600). A replaced file keeps its
  // permissions; a new one gets what any new file gets here (0666 less the
  // umask).
  mode_t mode;
  if (exists) {
    mode = info.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd_, mode);
  return true;
}

bool Output::Write(std::string_view data) {
  if (!writable()) return false;
  // Handed to the kernel at once, one write per record, from the caller's
  // own bytes (a report's JSON may be fifty times its input: no copy): a
  // reader following the output (or the file) sees each record as soon as
  // it is finished.
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t written =
        ::write(fd_, data.data() + done, data.size() - done);
    if (written < 0) {
      if (errno == EINTR) continue;
      // Only a reader of stdout that went away (`| head`) ends the run
      // quietly; anything else lost would be lost silently.
      if (errno == EPIPE && is_stdout_) {
        closed_ = true;
        return false;
      }
      return FailWithErrno(
          [&] { return "cannot write " + OneSafeLine(name()); });
    }
    done += static_cast<std::size_t>(written);
  }
  return true;
}

bool Output::Commit() {
  if (!writable()) return false;
  if (is_stdout_) return true;
  if (direct_) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
      return FailWithErrno(
          [&] { return "cannot write " + OneSafeLine(name()); });
    return true;
  }
  // On a full disk or a failing device the error may only show here.
  if (::fsync(fd_) != 0)
    return FailWithErrno([&] { return "cannot write " + OneSafeLine(name()); });
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0)
    return FailWithErrno([&] { return "cannot write " + OneSafeLine(name()); });
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
    return FailWithErrno([&] {
      return "cannot rename " + OneSafeLine(temporary_) + " to " +
             OneSafeLine(target_);
    });
  }
  committed_ = true;
  // Cleared after the rename: a signal between the two finds no file to
  // remove, which is harmless; the other order could leave one behind.
  UnlistTemporary(temporary_.c_str());
  temporary_.clear();
  // The rename lasts a crash only once the directory is on disk too.
  const int directory =
      ::open(Directory(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory >= 0) {
    ::fsync(directory);
    ::close(directory);
  }
  return true;
}

std::string Output::KeepPartial() {
  if (!writable()) return "";
  if (is_stdout_ || direct_) return "";
  const std::string partial = target_ + ".partial";
  if (::fsync(fd_) != 0) {
    FailWithErrno([&] { return "cannot write " + OneSafeLine(partial); });
    return "";
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    FailWithErrno([&] { return "cannot write " + OneSafeLine(partial); });
    return "";
  }
  if (::rename(temporary_.c_str(), partial.c_str()) != 0) {
    FailWithErrno([&] {
      return "cannot rename " + OneSafeLine(temporary_) + " to " +
             OneSafeLine(partial);
    });
    return "";
  }
  UnlistTemporary(temporary_.c_str());
  temporary_.clear();
  return partial;
}

int CloseBatchOutput(Output& output, bool interrupted) {
  const auto failed = [&output] {
    std::fprintf(stderr, "lawreport: %s\n", output.error().c_str());
    return kExitBadInput;
  };
  if (output.closed()) return kExitOk;
  if (!output.error().empty()) return failed();
  if (interrupted) {
    // A downstream job must be able to tell a complete file from a cut one:
    // the finished records go under another name.
    const std::string partial = output.KeepPartial();
    if (output.closed()) return kExitInterrupted;
    if (!output.error().empty()) return failed();
    if (!partial.empty()) {
      std::fprintf(stderr,
                   "lawreport: interrupted: the finished records are in %s; "
                   "%s is unchanged\n",
                   OneSafeLine(partial).c_str(),
                   OneSafeLine(output.path()).c_str());
    }
    return kExitInterrupted;
  }
  if (!output.Commit()) return output.closed() ? kExitOk : failed();
  return kExitOk;
}

}  // namespace lawreport::cli
