// Errors as values.
//
// Every library function that can fail on input returns Result<T>: either the
// value or an Error whose message is one line a person can act on. The CLI
// prints it as `lawreport: PATH: message` and exits with status 2; a batch
// records it and carries on with the next file. Nothing in the library throws
// on bad input and nothing calls exit().
//
//   Result<Text> text = Decode(bytes, options);
//   if (!text) return text.error();  // "不是 UTF-8 也不是 GB18030": an
//                                    // Error, not a crash
//   UseText(*text);
#ifndef LAWREPORT_STATUS_H_
#define LAWREPORT_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace lawreport {

// What went wrong, in kinds a caller may want to tell apart.
enum class ErrorCode {
  kNotFound,     // the path does not exist
  kNotAFile,     // a directory or another non-regular file
  kUnreadable,   // permission denied or an I/O error
  kTooLarge,     // over --max-bytes
  kEmpty,        // no bytes, or only whitespace
  kBadEncoding,  // bytes that are not text in the chosen or detected encoding
  kBinary,       // NUL bytes or other signs of a non-text file
  kUnknownEncoding,    // --encoding names no converter ICU knows
  kInvalidArgument,    // a bad option value
  kUnsupportedFormat,  // a format lawreport cannot read: .doc, or a
                       // container that does not match --format-in
  kDamaged,            // a truncated or corrupt ZIP, XML or PDF container
  kEncrypted,          // a PDF that needs a password
  kNoText,             // a container with no text in it (a scanned PDF)
  kLimitExceeded,      // over a resource limit: unzipped size, entries,
                       // nesting depth, pages, line length, time
};

struct Error {
  ErrorCode code;
  std::string message;  // one line, no path: the caller adds the path
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error)
      : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace lawreport

#endif  // LAWREPORT_STATUS_H_
