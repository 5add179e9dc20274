#include "decode/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace lawreport::decode_internal {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

ConverterPtr OpenStrict(const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status) || converter == nullptr) return nullptr;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr,
                      nullptr, nullptr, &status);
  if (U_FAILURE(status)) return nullptr;
  return converter;
}

}  // namespace

bool IsKnownEncoding(const std::string& encoding) {
  return OpenStrict(encoding) != nullptr;
}

std::variant<std::string, ConversionFailure> ConvertToUtf8(
    std::string_view bytes, const std::string& encoding) {
  ConverterPtr converter = OpenStrict(encoding);
  if (!converter) return ConversionFailure{0, /*unknown_encoding=*/true};

  // One byte never yields more than two UTF-16 units in the encodings used
  // for reports; the slack covers converters that emit a little more.
  std::vector<UChar> units(bytes.size() * 2 + 16);
  UChar* target = units.data();
  const char* source = bytes.data();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source,
                 bytes.data() + bytes.size(), nullptr, /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), invalid, &invalid_length, &ignored);
    std::size_t consumed = static_cast<std::size_t>(source - bytes.data());
    if (U_SUCCESS(ignored) && invalid_length > 0 &&
        static_cast<std::size_t>(invalid_length) <= consumed) {
      consumed -= static_cast<std::size_t>(invalid_length);
    }
    return ConversionFailure{consumed, false};
  }
  const int32_t unit_count = static_cast<int32_t>(target - units.data());

  std::string utf8;
  int32_t needed = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &needed, units.data(), unit_count, &status);
  utf8.resize(static_cast<std::size_t>(needed));
  status = U_ZERO_ERROR;
  u_strToUTF8(utf8.data(), needed, &needed, units.data(), unit_count, &status);
  if (U_FAILURE(status)) return ConversionFailure{0, false};
  return utf8;
}

std::optional<Detection> DetectCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(
      ucsdet_open(&status));
  if (U_FAILURE(status)) return std::nullopt;
  // The detector reads a prefix; 64 KiB is plenty and keeps it cheap.
  const int32_t length =
      static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(detector.get(), bytes.data(), length, &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return std::nullopt;
  Detection detection;
  detection.name = ucsdet_getName(match, &status);
  detection.confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status)) return std::nullopt;
  return detection;
}

}  // namespace lawreport::decode_internal
