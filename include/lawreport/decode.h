// decode: bytes → Text.
//
// Reads a report from a path or stdin, decides its encoding and produces the
// two-form Text model (see text.h). The encoding is decided here and only
// here, in this order:
//   1. --encoding NAME, when given (any converter name ICU knows: "GBK",
//      "GB2312", "Big5", "UTF-16LE" …);
//   2. a byte-order mark: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE;
//   3. valid UTF-8 → UTF-8 (plain ASCII is reported as UTF-8);
//   4. UTF-16 without a BOM, when NUL bytes fall on one parity and the text
//      decodes cleanly (ICU's charset detector agreeing);
//   5. GB18030, which covers GBK and GB2312, decoded strictly.
// Anything else is an Error naming the first byte that is not text.
//
//   "\xC8\xDA\xB0\xB2\xCF\xD8" (GBK) → Text{normalized="融安县"}, encoding
//   "GB18030"
//   "\xFF\xFE\x4D\x87\x89\x5B"       → Text{normalized="融安"}, encoding
//   "UTF-16LE"
#ifndef LAWREPORT_DECODE_H_
#define LAWREPORT_DECODE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "lawreport/status.h"
#include "lawreport/text.h"

namespace lawreport {

inline constexpr std::uint64_t kDefaultMaxBytes = 64ull * 1024 * 1024;

struct DecodeOptions {
  std::string encoding;  // empty: detect
  std::uint64_t max_bytes = kDefaultMaxBytes;
};

// The bytes of a file ("-" reads stdin), refusing missing paths,
// directories, unreadable files and anything over max_bytes.
Result<std::string> ReadInput(const std::string& path, std::uint64_t max_bytes);

struct DecodedText {
  Text text;
  SourceInfo source;  // path is left empty; the caller knows it
};

// Decodes and normalizes bytes already in memory.
Result<DecodedText> Decode(std::string_view bytes,
                           const DecodeOptions& options);

// ReadInput + Decode, with source.path filled in.
Result<DecodedText> DecodeFile(const std::string& path,
                               const DecodeOptions& options);

}  // namespace lawreport

#endif  // LAWREPORT_DECODE_H_
