// Exact decimal values: an integer mantissa and a power of ten.
//
// Report figures are decimal text ("99.74", "1.2万", "845亿元"); a double
// cannot hold 99.74 exactly, and the checker compares rates at the printed
// precision, so values stay exact until a writer prints them.
//
//   Decimal::Parse("99.74")          → {mantissa=9974, exponent=-2},
//                                      decimals() == 2
//   Decimal::Parse("1.2").Scaled(4)  → 12000 ("1.2万")
//   Decimal::Parse("845").Scaled(8)  → 84500000000 ("845亿")
#ifndef LAWREPORT_DECIMAL_H_
#define LAWREPORT_DECIMAL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawreport {

class Decimal {
 public:
  Decimal() = default;
  static Decimal FromInt(std::int64_t value) { return Decimal(value, 0, 0); }

  // ASCII digits with at most one ".", no sign, no grouping: "43601", "99.74".
  // nullopt when malformed or beyond 18 significant digits.
  static std::optional<Decimal> Parse(std::string_view text);

  // value × 10^power, keeping the printed precision: 1.2 scaled by 4 is
  // 12000 with decimals() still 1 (what was printed), exponent 3.
  Decimal Scaled(int power) const;

  std::int64_t mantissa() const { return mantissa_; }
  int exponent() const { return exponent_; }
  // Digits after the decimal point as printed: 99.74 → 2, 100 → 0, 1.2万 → 1.
  int decimals() const { return decimals_; }

  bool IsInteger() const;
  double ToDouble() const;
  // Shortest exact decimal text: "12000", "99.74", "0.5".
  std::string ToString() const;

  // this + other and this − other, exactly; nullopt when the result does
  // not fit 18 digits (or the two are more than 18 powers of ten apart), an
  // overflow the caller reports, never a wrong value. The printed precision
  // is the finer of the two.
  //   Decimal::Parse("8673")->Plus(*Decimal::Parse("62340")) → 71013
  std::optional<Decimal> Plus(const Decimal& other) const;
  std::optional<Decimal> Minus(const Decimal& other) const;
  bool negative() const { return mantissa_ < 0; }

  friend bool operator==(const Decimal& a, const Decimal& b) {
    return a.Compare(b) == 0;
  }
  friend bool operator<(const Decimal& a, const Decimal& b) {
    return a.Compare(b) < 0;
  }
  int Compare(const Decimal& other) const;

  // Whether a stated percentage agrees with the counts it is computed from,
  // exactly: 100 × (Σ parts) / whole against `stated` at its printed
  // precision, by cross-multiplication with every value as an integer count
  // of 10^-6 (no division, no double).
  //   办结率99.74% of 43486 / 43601 → within_last_digit, computed "99.736"
  // A value finer than 10^-6 or of more than 28 digits at that scale is
  // beyond exact reach: the products would not fit 128 bits.
  struct PercentCheck {
    enum class Outcome { kCompared, kBeyondExact, kZeroWhole };
    Outcome outcome = Outcome::kCompared;
    // kBeyondExact: the index in `parts` of the first value out of reach,
    // parts.size() when it is the whole or the stated rate.
    std::size_t beyond = 0;
    // kCompared: the computed rate lies within one unit of the stated
    // rate's last printed digit, rounded either way; `order` is the sign
    // of computed − stated; `computed` is the computed rate truncated to
    // one digit more than the stated one prints.
    bool within_last_digit = false;
    int order = 0;
    std::string computed;
  };
  static PercentCheck CheckPercent(const std::vector<Decimal>& parts,
                                   const Decimal& whole, const Decimal& stated);

 private:
  std::optional<Decimal> Add(const Decimal& other, int sign) const;
  Decimal(std::int64_t mantissa, int exponent, int decimals)
      : mantissa_(mantissa), exponent_(exponent), decimals_(decimals) {}

  std::int64_t mantissa_ = 0;
  int exponent_ = 0;
  int decimals_ = 0;
};

}  // namespace lawreport

#endif  // LAWREPORT_DECIMAL_H_
