#include "util/sha256.h"

#include <array>
#include <cstddef>
#include <cstdint>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace lawreport {
namespace {

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube
// roots of the first 64 primes.
alignas(16) constexpr std::array<std::uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// FIPS 180-4 §5.3.3: H(0), the state before the first block.
constexpr std::array<std::uint32_t, 8> kInitialState = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

using State = std::array<std::uint32_t, 8>;

// Runs the compression function over `count` consecutive 64-byte blocks.
using CompressBlocks = void (*)(State& state, const unsigned char* blocks,
                                std::size_t count);

constexpr std::uint32_t RotateRight(std::uint32_t x, int n) {
  return (x >> n) | (x << (32 - n));
}

// FIPS 180-4 §6.2.2, one block at a time, for any CPU.
void CompressPortable(State& state, const unsigned char* blocks,
                      std::size_t count) {
  for (; count > 0; --count, blocks += 64) {
    std::array<std::uint32_t, 64> w;
    for (int i = 0; i < 16; ++i) {
      w[i] = (std::uint32_t{blocks[4 * i]} << 24) |
             (std::uint32_t{blocks[4 * i + 1]} << 16) |
             (std::uint32_t{blocks[4 * i + 2]} << 8) |
             std::uint32_t{blocks[4 * i + 3]};
    }
    for (int i = 16; i < 64; ++i) {
      const std::uint32_t s0 = RotateRight(w[i - 15], 7) ^
                               RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = RotateRight(w[i - 2], 17) ^
                               RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
      const std::uint32_t s1 =
          RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25);
      const std::uint32_t choose = (e & f) ^ (~e & g);
      const std::uint32_t t1 = h + s1 + choose + kRoundConstants[i] + w[i];
      const std::uint32_t s0 =
          RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22);
      const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
      const std::uint32_t t2 = s0 + majority;
      h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
    state[4] += e, state[5] += f, state[6] += g, state[7] += h;
  }
}

#if defined(__x86_64__)

// The SHA extensions (SHA-NI) do two rounds per instruction and most of the
// message schedule in two more, several times faster than the portable loop.
// The functions using them are compiled for those instructions alone and
// called only after CPUID says the CPU has them, so the binary still runs on
// any x86-64.
#define LAWREPORT_SHA_NI __attribute__((target("sha,ssse3")))

// Four rounds. sha256rnds2 does two rounds on the state split as {A,B,E,F}
// and {C,D,G,H} (A in the top lane), taking W+K for its two rounds from the
// low 64 bits of the third operand, and returns the new {A,B,E,F}; the old
// {A,B,E,F} is then the new {C,D,G,H}. Two calls with the roles swapped
// leave `abef` and `cdgh` meaning what they did before.
LAWREPORT_SHA_NI inline void FourRounds(__m128i& abef, __m128i& cdgh,
                                        __m128i words, int first_round) {
  const __m128i constants = _mm_load_si128(
      reinterpret_cast<const __m128i*>(kRoundConstants.data() + first_round));
  const __m128i words_plus_constants = _mm_add_epi32(words, constants);
  cdgh = _mm_sha256rnds2_epu32(cdgh, abef, words_plus_constants);
  abef = _mm_sha256rnds2_epu32(abef, cdgh,
                               _mm_shuffle_epi32(words_plus_constants, 0x0E));
}

// W[t..t+3] from the sixteen words before them, given as W[t-16..t-13],
// W[t-12..t-9], W[t-8..t-5], W[t-4..t-1] (FIPS 180-4 §6.2.2 step 1):
// sha256msg1 adds σ0(W[t-15]) to W[t-16]; the W[t-7] terms are added here
// (W[t-7..t-4] straddles two registers, hence alignr); sha256msg2 adds
// σ1(W[t-2]), which for W[t+2] and W[t+3] are words it has just made.
LAWREPORT_SHA_NI inline __m128i NextFourWords(__m128i w16, __m128i w12,
                                              __m128i w8, __m128i w4) {
  const __m128i partial =
      _mm_add_epi32(_mm_sha256msg1_epu32(w16, w12), _mm_alignr_epi8(w4, w8, 4));
  return _mm_sha256msg2_epu32(partial, w4);
}

LAWREPORT_SHA_NI void CompressShaNi(State& state, const unsigned char* blocks,
                                    std::size_t count) {
  // The message is big-endian: reverse the bytes of each 32-bit word.
  const __m128i big_endian_words =
      _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

  // state[] is {a,b,c,d}, {e,f,g,h} with a in the lowest lane; the
  // instructions want {f,e,b,a} and {h,g,d,c}, lowest lane first.
  const __m128i abcd =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(state.data()));
  const __m128i efgh =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(state.data() + 4));
  const __m128i dcba = _mm_shuffle_epi32(abcd, 0x1B);
  const __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);
  __m128i abef = _mm_unpackhi_epi64(hgfe, dcba);
  __m128i cdgh = _mm_unpacklo_epi64(hgfe, dcba);

  for (; count > 0; --count, blocks += 64) {
    const __m128i abef_before = abef;
    const __m128i cdgh_before = cdgh;
    __m128i w[4];
    for (int i = 0; i < 4; ++i) {
      w[i] = _mm_shuffle_epi8(
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(blocks + 16 * i)),
          big_endian_words);
    }
    // Sixteen groups of four rounds; w[0] always holds the group's words.
    // The words for the group four ahead are made while these rounds run.
    for (int group = 0; group < 16; ++group) {
      FourRounds(abef, cdgh, w[0], 4 * group);
      const __m128i next =
          group < 12 ? NextFourWords(w[0], w[1], w[2], w[3]) : w[0];
      w[0] = w[1], w[1] = w[2], w[2] = w[3], w[3] = next;
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }

  const __m128i dcba_after = _mm_unpackhi_epi64(cdgh, abef);
  const __m128i hgfe_after = _mm_unpacklo_epi64(cdgh, abef);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state.data()),
                   _mm_shuffle_epi32(dcba_after, 0x1B));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state.data() + 4),
                   _mm_shuffle_epi32(hgfe_after, 0x1B));
}

#undef LAWREPORT_SHA_NI

// CPUID leaf 7 EBX bit 29 is SHA; leaf 1 ECX bit 9 is SSSE3, which the byte
// shuffles need (every CPU with SHA has it, but asking costs nothing).
bool CpuHasShaNi() {
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0 || (ecx & (1u << 9)) == 0) {
    return false;
  }
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) return false;
  return (ebx & (1u << 29)) != 0;
}

#endif  // defined(__x86_64__)

// The SHA-NI compression if this CPU has it, else the portable one; CPUID is
// asked once per process.
CompressBlocks FastestCompress() {
#if defined(__x86_64__)
  static const CompressBlocks chosen =
      CpuHasShaNi() ? CompressShaNi : CompressPortable;
  return chosen;
#else
  return CompressPortable;
#endif
}

std::string Sha256HexWith(CompressBlocks compress, std::string_view bytes) {
  State state = kInitialState;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t full_blocks = bytes.size() / 64;
  compress(state, data, full_blocks);

  // Padding (FIPS 180-4 §5.1.1): the tail, 0x80, zeros, then the length in
  // bits as 8 big-endian bytes, making one block or two.
  std::array<unsigned char, 128> tail{};
  const std::size_t rest = bytes.size() % 64;
  for (std::size_t i = 0; i < rest; ++i) tail[i] = data[64 * full_blocks + i];
  tail[rest] = 0x80;
  const std::size_t tail_size = rest < 56 ? 64 : 128;
  const std::uint64_t bit_length = static_cast<std::uint64_t>(bytes.size()) * 8;
  for (int i = 0; i < 8; ++i) {
    tail[tail_size - 1 - i] = static_cast<unsigned char>(bit_length >> (8 * i));
  }
  compress(state, tail.data(), tail_size / 64);

  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (const std::uint32_t word : state) {
    for (int shift = 28; shift >= 0; shift -= 4) {
      hex.push_back(kHex[(word >> shift) & 0xF]);
    }
  }
  return hex;
}

}  // namespace

// Our own rather than libcrypto's, which cost more to start than to use: its
// loading (relocations, page faults) is a visible part of process start-up,
// and its first digest set up provider tables (about 1 ms). With the SHA
// extensions this is as fast as libcrypto's.
std::string Sha256Hex(std::string_view bytes) {
  return Sha256HexWith(FastestCompress(), bytes);
}

std::string Sha256HexPortable(std::string_view bytes) {
  return Sha256HexWith(CompressPortable, bytes);
}

std::optional<std::string> Sha256HexAccelerated(std::string_view bytes) {
#if defined(__x86_64__)
  if (CpuHasShaNi()) return Sha256HexWith(CompressShaNi, bytes);
#endif
  static_cast<void>(bytes);
  return std::nullopt;
}

}  // namespace lawreport
