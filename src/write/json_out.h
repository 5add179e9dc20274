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
  // Keys are the schema's names (ASCII letters, digits, '_'), written as
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
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();
  void Quoted(
      std::string_view text);  // a string with its escapes, no separator
  void NewLine();

  int indent_;
  std::string out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace lawreport::write_internal

#endif  // LAWREPORT_WRITE_JSON_OUT_H_
