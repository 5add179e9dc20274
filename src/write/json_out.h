// A streaming JSON writer: appends to one string, no document tree. The
// writers emit large documents (every paragraph of a report); building a
// tree first cost as much as the whole analysis.
//
//   JsonOut out(2);
//   out.BeginObject(); out.Key("value"); out.Number(Decimal 99.74);
//   out.EndObject(); out.Take() → "{\n  \"value\": 99.74\n}"
// Numbers are written as exact decimal text (99.74, 12000), strings as UTF-8
// with only the escapes JSON requires. indent < 0 writes one line.
#ifndef LAWREPORT_WRITE_JSON_OUT_H_
#define LAWREPORT_WRITE_JSON_OUT_H_

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lawreport/decimal.h"

namespace lawreport::write_internal {

class JsonOut {
 public:
  explicit JsonOut(int indent) : indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // Keys are the schema's names (ASCII letters, digits, '_', and the '$',
  // '/' and '.' of SARIF's "$schema" and fingerprint names), written as
  // they are: no key needs an escape, and skipping the scan matters when a
  // report's output has thousands of them.
  void Key(std::string_view key);
  // Room for the whole document, so it is not copied as it grows.
  void Reserve(std::size_t bytes) { out_.reserve(bytes); }

  void String(std::string_view text);
  void Int(std::int64_t value);
  void Number(const Decimal& value);
  // A number already formatted as JSON ("-12.50").
  void RawNumber(std::string_view text);
  void Bool(bool value);
  void Null();

  // "path": the file name, and, when it is not UTF-8 (a GBK name from an
  // unzipped archive), "path_bytes": its raw bytes in base64, since "path"
  // then has U+FFFD for each bad byte:
  //   "\xB1\xA8.txt" → "path": "\uFFFD\uFFFD.txt", "path_bytes": "sagudHh0"
  // `key` names the field where a format calls it otherwise ("file" and
  // "file_bytes" in table's JSON Lines).
  void PathFields(std::string_view path, std::string_view key = "path");

  // Key and value in one call, for the common case.
  template <typename T>
  void Field(std::string_view key, const T& value) {
    Key(key);
    Value(value);
  }

  void Value(std::string_view text) { String(text); }
  void Value(const std::string& text) { String(text); }
  void Value(const char* text) { String(text); }
  void Value(int value) { Int(value); }
  void Value(std::int64_t value) { Int(value); }
  void Value(std::uint64_t value) { Int(static_cast<std::int64_t>(value)); }
  void Value(bool value) { Bool(value); }
  void Value(const Decimal& value) { Number(value); }
  template <typename T>
  void Value(const std::optional<T>& value) {
    if (value) {
      Value(*value);
    } else {
      Null();
    }
  }

  std::string Take() { return std::move(out_); }

 private:
  // The small members below run once or more per field, tens of thousands
  // of times per report; they are inline so that a field costs a few
  // appends rather than a chain of calls.
  void Open(char bracket) {
    BeforeValue();
    out_.push_back(bracket);
    empty_.push_back(1);
  }
  void Close(char bracket) {
    const bool was_empty = empty_.back() != 0;
    empty_.pop_back();
    if (!was_empty) NewLine();
    out_.push_back(bracket);
  }
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (empty_.empty()) return;
    if (empty_.back() == 0) out_.push_back(',');
    empty_.back() = 0;
    NewLine();
  }
  void NewLine() {
    if (indent_ < 0) return;
    out_.push_back('\n');
    out_.append(empty_.size() * static_cast<std::size_t>(indent_), ' ');
  }
  void Quoted(
      std::string_view text);  // a string with its escapes, no separator

  int indent_;
  std::string out_;
  // Per open container, 1 while nothing is written in it yet.
  std::vector<unsigned char> empty_;
  bool after_key_ = false;
};

inline void JsonOut::Key(std::string_view key) {
  assert(std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '/' ||
           c == '.';
  }));
  BeforeValue();
  out_.push_back('"');
  out_.append(key);
  // Single characters: push_back is inline, append a library call.
  out_.push_back('"');
  out_.push_back(':');
  if (indent_ >= 0) out_.push_back(' ');
  after_key_ = true;
}

inline void JsonOut::String(std::string_view text) {
  BeforeValue();
  Quoted(text);
}

inline void JsonOut::Null() {
  BeforeValue();
  out_.append("null");
}

}  // namespace lawreport::write_internal

#endif  // LAWREPORT_WRITE_JSON_OUT_H_
