#include "util/sha256.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace lawreport {
namespace {

// The digest, fetched once. libcrypto is told not to read openssl.cnf: a
// hash needs no configuration, and reading it was a visible part of
// start-up.
const EVP_MD* Sha256() {
  static const EVP_MD* const md = [] {
    OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
    return EVP_MD_fetch(nullptr, "SHA256", nullptr);
  }();
  return md;
}

}  // namespace

// OpenSSL's libcrypto, which uses the CPU's SHA extensions where it has them:
// hashing every input must cost little next to reading it.
std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const EVP_MD* md = Sha256();
  if (md == nullptr || EVP_Digest(bytes.data(), bytes.size(), digest, &length,
                                  md, nullptr) != 1) {
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
