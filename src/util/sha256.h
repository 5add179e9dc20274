// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex. Internal; used
// for source.sha256 so a row of output can be tied to the exact file it came
// from.
//
//   Sha256Hex("abc") →
//   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#ifndef LAWREPORT_UTIL_SHA256_H_
#define LAWREPORT_UTIL_SHA256_H_

#include <optional>
#include <string>
#include <string_view>

namespace lawreport {

// With the CPU's SHA extensions where it has them (x86-64 SHA-NI), else
// portable code; the choice is made once per process.
std::string Sha256Hex(std::string_view bytes);

// The two implementations behind Sha256Hex, so tests can check one against
// the other and the benchmark can time both. Sha256HexAccelerated is nullopt
// when this CPU (or this build's architecture) has no SHA extensions.
std::string Sha256HexPortable(std::string_view bytes);
std::optional<std::string> Sha256HexAccelerated(std::string_view bytes);

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_SHA256_H_
