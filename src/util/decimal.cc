#include "lawreport/decimal.h"

#include <algorithm>
#include <cstdlib>

namespace lawreport {

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t mantissa = 0;
  int digits = 0;
  int decimals = 0;
  bool seen_point = false;
  for (const char c : text) {
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (mantissa != 0 || c != '0') ++digits;
    if (digits > 18) return std::nullopt;
    mantissa = mantissa * 10 + (c - '0');
    if (seen_point) ++decimals;
  }
  if (text.front() == '.' || text.back() == '.') return std::nullopt;
  return Decimal(mantissa, -decimals, decimals);
}

Decimal Decimal::Scaled(int power) const {
  return Decimal(mantissa_, exponent_ + power, decimals_);
}

bool Decimal::IsInteger() const {
  if (exponent_ >= 0 || mantissa_ == 0) return true;
  std::int64_t m = mantissa_;
  for (int e = exponent_; e < 0; ++e) {
    if (m % 10 != 0) return false;
    m /= 10;
  }
  return true;
}

double Decimal::ToDouble() const {
  return std::strtod(ToString().c_str(), nullptr);
}

std::optional<Decimal> Decimal::Plus(const Decimal& other) const {
  return Add(other, 1);
}

std::optional<Decimal> Decimal::Minus(const Decimal& other) const {
  return Add(other, -1);
}

std::optional<Decimal> Decimal::Add(const Decimal& other, int sign) const {
  __extension__ typedef __int128 Int128;
  const int exponent = std::min(exponent_, other.exponent_);
  if (exponent_ - exponent > 18 || other.exponent_ - exponent > 18)
    return std::nullopt;
  Int128 a = mantissa_, b = other.mantissa_;
  for (int i = exponent; i < exponent_; ++i) a *= 10;
  for (int i = exponent; i < other.exponent_; ++i) b *= 10;
  const Int128 result = sign > 0 ? a + b : a - b;
  constexpr Int128 kLimit = 999999999999999999LL;
  if (result > kLimit || result < -kLimit) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(result), exponent,
                 std::max(decimals_, other.decimals_));
}

std::string Decimal::ToString() const {
  if (mantissa_ < 0) {
    // Not "-" + …: GCC 12 warns falsely (-Wrestrict) about it.
    std::string negative = Decimal(-mantissa_, exponent_, decimals_).ToString();
    negative.insert(negative.begin(), '-');
    return negative;
  }
  std::string digits = std::to_string(mantissa_);
  if (mantissa_ == 0) return "0";
  if (exponent_ >= 0)
    return digits + std::string(static_cast<std::size_t>(exponent_), '0');
  const std::size_t fraction = static_cast<std::size_t>(-exponent_);
  if (digits.size() <= fraction)
    digits.insert(0, fraction - digits.size() + 1, '0');
  std::string out = digits.substr(0, digits.size() - fraction) + "." +
                    digits.substr(digits.size() - fraction);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

int Decimal::Compare(const Decimal& other) const {
  // Bring both mantissas to the smaller exponent in 128 bits: exact for the
  // magnitudes reports print (18 significant digits, exponents within ±19).
  __extension__ typedef __int128 Int128;
  const int exponent = std::min(exponent_, other.exponent_);
  const int shift_a = exponent_ - exponent;
  const int shift_b = other.exponent_ - exponent;
  if (shift_a > 19 || shift_b > 19) {
    const double a = ToDouble(), b = other.ToDouble();
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  Int128 a = mantissa_, b = other.mantissa_;
  for (int i = 0; i < shift_a; ++i) a *= 10;
  for (int i = 0; i < shift_b; ++i) b *= 10;
  return a < b ? -1 : (a > b ? 1 : 0);
}

}  // namespace lawreport
