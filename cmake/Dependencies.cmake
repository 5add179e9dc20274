# Finds every dependency from Debian's packages; nothing is downloaded.
# ICU, nlohmann_json, CLI11 and GTest ship CMake support; Debian's RE2 does
# not, so it is found through pkg-config and wrapped in lawreport::re2.
find_package(ICU 70 REQUIRED COMPONENTS uc i18n data)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(PkgConfig REQUIRED)

find_package(re2 CONFIG QUIET)
if(TARGET re2::re2)
  add_library(lawreport::re2 ALIAS re2::re2)
else()
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
  add_library(lawreport::re2 ALIAS PkgConfig::RE2)
endif()

# The container readers: libxml2 (HTML and DOCX's XML), libzip (DOCX) and
# poppler-cpp (PDF). Debian ships pkg-config files for the last two.
find_package(LibXml2 2.9 REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
add_library(lawreport::libzip ALIAS PkgConfig::LIBZIP)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
add_library(lawreport::poppler_cpp ALIAS PkgConfig::POPPLER_CPP)
