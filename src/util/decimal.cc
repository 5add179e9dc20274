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

namespace {

__extension__ typedef __int128 Int128;

constexpr int kPercentScale = 6;  // 10^-6 is finer than any printed figure

// The value as a count of 10^-kPercentScale; nullopt when finer than that
// or of more than 28 digits at that scale, so that the products
// CheckPercent forms (100 · Σ parts · 10^6, stated · whole) stay under
// 2^127 ≈ 1.7 · 10^38.
std::optional<Int128> AtPercentScale(const Decimal& value) {
  const int shift = value.exponent() + kPercentScale;
  if (shift < 0) return std::nullopt;
  int digits = 0;
  for (std::int64_t m = value.mantissa(); m != 0; m /= 10) ++digits;
  if (digits + shift > 28) return std::nullopt;
  Int128 result = value.mantissa();
  for (int i = 0; i < shift; ++i) result *= 10;
  return result;
}

// numerator / denominator with `decimals` digits after the point,
// truncated; both non-negative.
std::string PrintQuotient(Int128 numerator, Int128 denominator, int decimals) {
  Int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  Int128 quotient = numerator * scale / denominator;
  std::string digits;
  do {
    digits.insert(digits.begin(),
                  static_cast<char>('0' + static_cast<int>(quotient % 10)));
    quotient /= 10;
  } while (quotient > 0);
  while (digits.size() <= static_cast<std::size_t>(decimals))
    digits.insert(digits.begin(), '0');
  if (decimals > 0) digits.insert(digits.end() - decimals, '.');
  return digits;
}

}  // namespace

Decimal::PercentCheck Decimal::CheckPercent(const std::vector<Decimal>& parts,
                                            const Decimal& whole,
                                            const Decimal& stated) {
  PercentCheck check;
  Int128 sum = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::optional<Int128> part = AtPercentScale(parts[i]);
    if (!part) {
      check.outcome = PercentCheck::Outcome::kBeyondExact;
      check.beyond = i;
      return check;
    }
    sum += *part;
  }
  const std::optional<Int128> bottom = AtPercentScale(whole);
  const std::optional<Int128> rate = AtPercentScale(stated);
  if (!bottom || !rate) {
    check.outcome = PercentCheck::Outcome::kBeyondExact;
    check.beyond = parts.size();
    return check;
  }
  if (*bottom == 0) {
    check.outcome = PercentCheck::Outcome::kZeroWhole;
    return check;
  }
  // computed = 100 · sum / bottom, every value at the scale. It agrees when
  // it lies within one unit of the stated rate's last printed digit:
  //   |100 · sum · 10^scale − rate · bottom| < bottom · 10^(scale − decimals)
  const int decimals = stated.decimals();
  Int128 unit = 1;
  for (int d = decimals; d < kPercentScale; ++d) unit *= 10;
  Int128 scale = 1;
  for (int d = 0; d < kPercentScale; ++d) scale *= 10;
  const Int128 computed = 100 * sum * scale;
  const Int128 said = *rate * *bottom;
  const Int128 gap = computed > said ? computed - said : said - computed;
  check.within_last_digit = gap < *bottom * unit;
  check.order = computed < said ? -1 : (computed > said ? 1 : 0);
  check.computed = PrintQuotient(100 * sum, *bottom, decimals + 1);
  return check;
}

}  // namespace lawreport
