// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex, from libcrypto.
// Internal; used for source.sha256 so a row of output can be tied to the
// exact file it came from.
//
//   Sha256Hex("abc") →
//   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#ifndef LAWREPORT_UTIL_SHA256_H_
#define LAWREPORT_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace lawreport {

std::string Sha256Hex(std::string_view bytes);

}  // namespace lawreport

#endif  // LAWREPORT_UTIL_SHA256_H_
