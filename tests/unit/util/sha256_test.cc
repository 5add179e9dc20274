#include "util/sha256.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace lawreport {
namespace {

// FIPS 180-4 examples (and the one-million-'a' message from its companion
// test vectors), plus lengths around the 56- and 64-byte padding edges, with
// digests from sha256sum.
void ExpectKnownDigests(
    const std::function<std::string(std::string_view)>& sha256_hex) {
  EXPECT_EQ(sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(
      sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(
      sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                 "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  EXPECT_EQ(sha256_hex(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, KnownDigests) { ExpectKnownDigests(Sha256Hex); }

TEST(Sha256Test, PortableKnownDigests) {
  ExpectKnownDigests(Sha256HexPortable);
}

// Skipped, not passed, on a CPU without SHA extensions: only the portable
// code then runs, and the tests above cover it.
bool CpuHasShaExtensions() { return Sha256HexAccelerated("").has_value(); }

TEST(Sha256Test, AcceleratedKnownDigests) {
  if (!CpuHasShaExtensions()) GTEST_SKIP() << "no SHA extensions on this CPU";
  ExpectKnownDigests(
      [](std::string_view bytes) { return *Sha256HexAccelerated(bytes); });
}

// Random bytes, so every byte value and position reaches the message
// schedule; a fixed seed keeps a failure reproducible.
std::string RandomBytes(std::size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::string bytes(size, '\0');
  for (char& byte : bytes) byte = static_cast<char>(generator() & 0xFF);
  return bytes;
}

TEST(Sha256Test, AcceleratedMatchesPortableAtEveryLengthUpTo300) {
  if (!CpuHasShaExtensions()) GTEST_SKIP() << "no SHA extensions on this CPU";
  const std::string bytes = RandomBytes(300, 1);
  for (std::size_t length = 0; length <= bytes.size(); ++length) {
    const std::string_view prefix(bytes.data(), length);
    EXPECT_EQ(*Sha256HexAccelerated(prefix), Sha256HexPortable(prefix))
        << "length " << length;
  }
}

TEST(Sha256Test, AcceleratedMatchesPortableOnLargeBuffers) {
  if (!CpuHasShaExtensions()) GTEST_SKIP() << "no SHA extensions on this CPU";
  const std::vector<std::size_t> sizes = {4096, 22 * 1024 + 17, 1 << 20,
                                          (1 << 20) + 63};
  unsigned seed = 2;
  for (const std::size_t size : sizes) {
    const std::string bytes = RandomBytes(size, seed++);
    // An unaligned start as well: the accelerated loads must not need one.
    const std::string_view unaligned = std::string_view(bytes).substr(1);
    EXPECT_EQ(*Sha256HexAccelerated(bytes), Sha256HexPortable(bytes))
        << "size " << size;
    EXPECT_EQ(*Sha256HexAccelerated(unaligned), Sha256HexPortable(unaligned))
        << "size " << size - 1 << " from offset 1";
  }
}

TEST(Sha256Test, DefaultAgreesWithBothPaths) {
  const std::string bytes = RandomBytes(1000, 9);
  EXPECT_EQ(Sha256Hex(bytes), Sha256HexPortable(bytes));
  if (const auto accelerated = Sha256HexAccelerated(bytes)) {
    EXPECT_EQ(Sha256Hex(bytes), *accelerated);
  }
}

}  // namespace
}  // namespace lawreport
