#include "util/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace lawreport::utf8 {
namespace {

struct InvalidCase {
  std::string bytes;
  std::size_t first_invalid;
};

TEST(Utf8Test, FirstInvalid) {
  const InvalidCase cases[] = {
      {"", std::string::npos},
      {"abc", std::string::npos},
      {"融安县", std::string::npos},
      {"ab\xFF", 2},
      {"融\x80", 3},            // stray continuation byte
      {"\xC0\xAF", 0},          // overlong "/"
      {"\xED\xA0\x80", 0},      // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
      {"融\xE5\xAE", 3},        // truncated at the end
      {"\xF0\x9F\x98\x80ok", std::string::npos},
      {"\xE0\x80\xAF", 0},                              // overlong three bytes
      {"\xED\x9F\xBF\xEF\xBF\xBD", std::string::npos},  // U+D7FF, U+FFFD
      {"abcdefghijklmnopq\xFF", 17},                    // after a run of ASCII
      {"abcdefgh融ijklmnopqrstu\x80vw", 24},
  };
  for (const InvalidCase& c : cases) {
    EXPECT_EQ(FirstInvalid(c.bytes), c.first_invalid) << c.bytes;
  }
}

// FirstInvalid's shortcuts agree with decoding every character.
TEST(Utf8Test, FirstInvalidAgreesWithDecoding) {
  const auto by_decoding = [](std::string_view bytes) {
    for (std::size_t offset = 0; offset < bytes.size();) {
      const CodePoint cp = DecodeSlow(bytes, offset);
      if (cp.value == kReplacement && cp.length == 1) return offset;
      offset += cp.length;
    }
    return std::string_view::npos;
  };
  // Pieces that make up valid and invalid text, joined in pseudo-random
  // order (a fixed linear congruential sequence, so the test is repeatable).
  const std::string_view pieces[] = {"a",
                                     "0123456789",
                                     "融",
                                     "（",
                                     "\xC2\xA0",
                                     "\xF0\x9F\x98\x80",
                                     "\xED\xA0\x80",
                                     "\xE0\xA0\x80",
                                     "\xE0\x80\x80",
                                     "\x80",
                                     "\xE5\xAE",
                                     "\xFF"};
  std::uint32_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(state % 24);
    for (int i = 0; i < length; ++i) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 16) % std::size(pieces)];
    }
    state = state * 1103515245u + 12345u;
    EXPECT_EQ(FirstInvalid(text), by_decoding(text)) << text;
  }
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  for (const char32_t cp : {U'a', U'é', U'融', U'（', char32_t{0x1F600}}) {
    std::string encoded;
    Append(encoded, cp);
    const CodePoint decoded = Decode(encoded, 0);
    EXPECT_EQ(decoded.value, cp);
    EXPECT_EQ(decoded.length, encoded.size());
  }
}

TEST(Utf8Test, CodePointsOfAWord) {
  EXPECT_EQ(CodePoints("比较与"), U"比较与");
  EXPECT_EQ(CodePoints("a、"), U"a、");
  EXPECT_EQ(CodePoints(""), U"");
  // A malformed byte is one U+FFFD, and the reading goes on after it.
  EXPECT_EQ(CodePoints("\xE6年"), U"\uFFFD年");
}

TEST(Utf8Test, CountCharsAndTrim) {
  EXPECT_EQ(CountChars("融安县2023"), 7u);
  // Counted eight bytes at a time, then byte by byte: every length and
  // alignment agrees with a plain count.
  const std::string mixed = "受理行政许可事项43601件，办结率99.74％。𠀀é";
  for (std::size_t begin = 0; begin < mixed.size(); ++begin) {
    for (std::size_t end = begin; end <= mixed.size(); ++end) {
      const std::string_view piece =
          std::string_view(mixed).substr(begin, end - begin);
      std::size_t plain = 0;
      for (const char c : piece)
        plain += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      ASSERT_EQ(CountChars(piece), plain) << begin << " " << end;
    }
  }
  EXPECT_EQ(TrimSpaces("  一、总体  "), "一、总体");
  EXPECT_EQ(PreviousBoundary("融安", 6), 3u);
}

TEST(Utf8Test, SkipToStopVisitsEveryStopCharacterAndNothingElse) {
  // Stops at "[", "\n" and every character whose lead byte is E3 (、。《),
  // stepping over ASCII, ideographs, two- and four-byte characters whole.
  constexpr LeadByteStops kStops = LeadByteStops::Of("[\n\xE3");
  const std::string text = "融安县[2023]é、共受理𠀀12件。\n《条例》x";
  std::vector<std::size_t> visited;
  for (std::size_t pos = SkipToStop(text, 0, kStops); pos < text.size();
       pos = SkipToStop(text, pos, kStops)) {
    visited.push_back(pos);
    pos += Decode(text, pos).length;
  }
  std::vector<std::size_t> expected;
  for (std::size_t pos = 0; pos < text.size();
       pos += Decode(text, pos).length) {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    if (lead == '[' || lead == '\n' || lead == 0xE3) expected.push_back(pos);
  }
  EXPECT_EQ(visited, expected);
  EXPECT_EQ(visited.size(), 6u);  // [ 、 。 \n 《 》
  EXPECT_EQ(SkipToStop("abc", 0, kStops), 3u);
  EXPECT_EQ(SkipToStop("", 0, kStops), 0u);
}

TEST(Utf8Test, ReplaceInvalidGivesOneReplacementPerBadByte) {
  EXPECT_EQ(ReplaceInvalid("报告"), "报告");
  EXPECT_EQ(ReplaceInvalid("\xB1\xA8.txt"), "\xEF\xBF\xBD\xEF\xBF\xBD.txt");
  // A truncated sequence is bad byte by byte, then text resumes.
  EXPECT_EQ(ReplaceInvalid("a\xE8\x9E"
                           "b"),
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(ReplaceInvalid(""), "");
}

}  // namespace
}  // namespace lawreport::utf8
