#include "output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace lawreport::cli {
namespace {

// The temporary file being written, for the signal handler; points into
// the Output's own string, which outlives it being set here.
std::atomic<const char*> g_temporary{nullptr};

}  // namespace

void Output::RemoveTemporaryFromSignalHandler() {
  if (const char* temporary = g_temporary.exchange(nullptr))
    ::unlink(temporary);
}

Output::Output(std::string path) : path_(std::move(path)) {}

Output::~Output() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (!temporary_.empty()) {
    g_temporary.store(nullptr);
    if (!committed_) ::unlink(temporary_.c_str());
  }
}

bool Output::Open() {
  if (path_.empty() || path_ == "-") {
    file_ = stdout;
    return true;
  }
  // The temporary file sits beside the target, so the rename stays on one
  // file system and is atomic.
  std::string pattern = path_ + ".tmp.XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error_ = "cannot create " + pattern + ": " + std::strerror(errno);
    return false;
  }
  temporary_ = name.data();
  g_temporary.store(temporary_.c_str());
  // mkstemp makes the file private (0600); the result should get the
  // permissions any new file gets here (0666 less the umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    error_ = std::string("cannot write: ") + std::strerror(errno);
    ::close(fd);
    return false;
  }
  return true;
}

bool Output::Write(std::string_view data) {
  if (file_ == nullptr || closed_) return false;
  if (std::fwrite(data.data(), 1, data.size(), file_) == data.size())
    return true;
  if (errno == EPIPE) {
    closed_ = true;
  } else {
    error_ = std::string("cannot write: ") + std::strerror(errno);
  }
  return false;
}

bool Output::Commit() {
  if (file_ == nullptr) return false;
  if (std::fflush(file_) != 0) {
    if (errno == EPIPE) {
      closed_ = true;
    } else {
      error_ = std::string("cannot write: ") + std::strerror(errno);
    }
    return false;
  }
  if (file_ == stdout) return true;
  if (::fsync(::fileno(file_)) != 0 || std::fclose(file_) != 0) {
    file_ = nullptr;
    error_ = std::string("cannot write: ") + std::strerror(errno);
    return false;
  }
  file_ = nullptr;
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
    error_ = "cannot rename " + temporary_ + " to " + path_ + ": " +
             std::strerror(errno);
    return false;
  }
  committed_ = true;
  // Cleared after the rename: a signal between the two finds no file to
  // remove, which is harmless; the other order could leave one behind.
  g_temporary.store(nullptr);
  return true;
}

}  // namespace lawreport::cli
