#include "util/sha256.h"

#include <openssl/evp.h>

namespace lawreport {

// OpenSSL's libcrypto, which uses the CPU's SHA extensions where it has them:
// hashing every input must cost little next to reading it.
std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(),
                 nullptr) != 1) {
    return std::string();  // libcrypto without SHA-256 is a broken installation
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

}  // namespace lawreport
