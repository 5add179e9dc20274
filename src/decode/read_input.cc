// Reading the bytes of one input, with the refusals a batch job needs: a
// missing path, a directory, an unreadable file and an oversized file are
// errors with one-line messages, never exceptions or partial reads.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "lawreport/decode.h"

namespace lawreport {
namespace {

Error TooLarge(std::uint64_t size, std::uint64_t max_bytes, bool at_least) {
  return Error{ErrorCode::kTooLarge,
               std::string("input is ") + (at_least ? "more than " : "") +
                   std::to_string(size) + " bytes, over the limit of " +
                   std::to_string(max_bytes) +
                   " bytes (raise it with --max-bytes)"};
}

// Reads until EOF or max_bytes + 1 bytes, whichever comes first.
// `expected` is the size stat reported (0 for a pipe): the string gets its
// room at once instead of growing, and copying itself, as it fills.
// A pipe or terminal (`cancelled` set) is waited on in slices, so that a
// batch that gives up on a silent stdin (--timeout) gets its thread back.
Result<std::string> ReadAll(int fd, std::uint64_t max_bytes,
                            std::uint64_t expected,
                            const std::atomic<bool>* cancelled) {
  std::string bytes;
  if (expected > 0 && expected <= max_bytes)
    bytes.reserve(static_cast<std::size_t>(expected));
  char buffer[1 << 16];
  while (true) {
    if (cancelled != nullptr) {
      pollfd ready{fd, POLLIN, 0};
      while (::poll(&ready, 1, 50) == 0) {
        if (cancelled->load())
          return Error{ErrorCode::kLimitExceeded, "stopped while reading"};
      }
    }
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      if (errno == EISDIR) return Error{ErrorCode::kNotAFile, "is a directory"};
      return Error{ErrorCode::kUnreadable,
                   std::string("cannot read: ") + std::strerror(errno)};
    }
    bytes.append(buffer, static_cast<std::size_t>(got));
    if (bytes.size() > max_bytes)
      return TooLarge(max_bytes, max_bytes, /*at_least=*/true);
  }
  return bytes;
}

}  // namespace

Result<std::string> ReadInput(const std::string& path,
                              std::uint64_t max_bytes) {
  return ReadInput(path, max_bytes, nullptr);
}

Result<std::string> ReadInput(const std::string& path, std::uint64_t max_bytes,
                              const std::atomic<bool>* cancelled) {
  if (path == "-") return ReadAll(STDIN_FILENO, max_bytes, 0, cancelled);

  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      return Error{ErrorCode::kNotFound, "no such file"};
    return Error{ErrorCode::kUnreadable,
                 std::string("cannot open: ") + std::strerror(errno)};
  }
  if (S_ISDIR(info.st_mode))
    return Error{ErrorCode::kNotAFile, "is a directory, not a file"};
  if (S_ISREG(info.st_mode) &&
      static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    return TooLarge(static_cast<std::uint64_t>(info.st_size), max_bytes,
                    /*at_least=*/false);
  }
  if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode) &&
      !S_ISCHR(info.st_mode)) {
    return Error{ErrorCode::kNotAFile, "is not a regular file"};
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == EACCES)
      return Error{ErrorCode::kUnreadable, "permission denied"};
    return Error{ErrorCode::kUnreadable,
                 std::string("cannot open: ") + std::strerror(errno)};
  }
  Result<std::string> bytes = ReadAll(
      fd, max_bytes,
      S_ISREG(info.st_mode) ? static_cast<std::uint64_t>(info.st_size) : 0,
      S_ISREG(info.st_mode) ? nullptr : cancelled);
  ::close(fd);
  return bytes;
}

}  // namespace lawreport
