# What `cmake --install` puts under a prefix, and what `cpack -G DEB` packs:
#   bin/lawreport                          the executable
#   lib/lawreport/liblawreport_*.so        the reader modules (every target
#                                          made by lawreport_reader_module)
#   include/lawreport/*.h, lib/liblawreport_core.a
#   lib/cmake/lawreport/                   find_package(lawreport) → lawreport::core
#   lib/pkgconfig/lawreport.pc             pkg-config --cflags --libs lawreport
#   share/man/man1/lawreport.1.gz          generated from the CLI's own --help,
#                                          gzipped as Debian policy wants
#   share/bash-completion/completions/lawreport
# (lib is ${CMAKE_INSTALL_LIBDIR}.) The executable finds its modules relative
# to itself (src/decode/module_loader.h), so the tree can be moved.
include(CMakePackageConfigHelpers)

set(LAWREPORT_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/lawreport")

install(TARGETS lawreport RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set_target_properties(lawreport_core PROPERTIES EXPORT_NAME core)
install(TARGETS lawreport_core EXPORT lawreportTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/lawreport
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# The reader modules are collected at the end of the top-level directory, so
# a module added anywhere through lawreport_reader_module() is installed too.
function(lawreport_install_reader_modules)
  get_property(modules GLOBAL PROPERTY LAWREPORT_READER_MODULES)
  if(modules)
    install(TARGETS ${modules}
      LIBRARY DESTINATION ${LAWREPORT_INSTALL_MODULEDIR})
  endif()
endfunction()
cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR}
  CALL lawreport_install_reader_modules)

# lawreport_core is a static library, so a consumer links its private
# dependencies itself: RE2 (found the way cmake/Dependencies.cmake finds
# it), libdl and threads; cmake/install/lawreportConfig.cmake.in finds them.
install(EXPORT lawreportTargets NAMESPACE lawreport::
  DESTINATION ${LAWREPORT_INSTALL_CMAKEDIR})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/install/lawreportConfig.cmake.in
  ${PROJECT_BINARY_DIR}/lawreportConfig.cmake
  INSTALL_DESTINATION ${LAWREPORT_INSTALL_CMAKEDIR})
# 0.x: a minor version may change the API.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/lawreportConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/lawreportConfig.cmake
              ${PROJECT_BINARY_DIR}/lawreportConfigVersion.cmake
  DESTINATION ${LAWREPORT_INSTALL_CMAKEDIR})

# pkg-config: the library is static, so RE2 goes in Requires (not
# Requires.private, which only `pkg-config --static` reads) and libdl and
# threads in Libs, or `g++ $(pkg-config --cflags --libs lawreport)` would not
# link.
file(RELATIVE_PATH LAWREPORT_PC_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig"
     "/prefix")
configure_file(${PROJECT_SOURCE_DIR}/cmake/install/lawreport.pc.in
  ${PROJECT_BINARY_DIR}/lawreport.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/lawreport.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The man page, from `lawreport --help`, `lawreport --version` and each
# subcommand's --help, with cmake/install/lawreport.h2m for the description,
# examples, files and environment. Installed gzipped (Debian policy 12.1:
# `gzip -9n`, no name or time stamp inside, so the build is reproducible);
# the plain lawreport.1 stays in the build for `man -l`.
find_program(LAWREPORT_HELP2MAN help2man)
find_program(LAWREPORT_BUILD_PYTHON3 NAMES python3 PATHS /usr/bin
  NO_DEFAULT_PATH)
if(LAWREPORT_HELP2MAN AND LAWREPORT_BUILD_PYTHON3)
  add_custom_command(
    OUTPUT ${PROJECT_BINARY_DIR}/lawreport.1 ${PROJECT_BINARY_DIR}/lawreport.1.gz
    COMMAND ${LAWREPORT_BUILD_PYTHON3}
            ${PROJECT_SOURCE_DIR}/scripts/cli_docs.py man
            --binary $<TARGET_FILE:lawreport>
            --help2man ${LAWREPORT_HELP2MAN}
            --include ${PROJECT_SOURCE_DIR}/cmake/install/lawreport.h2m
            --output ${PROJECT_BINARY_DIR}/lawreport.1
            --gzip-output ${PROJECT_BINARY_DIR}/lawreport.1.gz
    DEPENDS lawreport ${PROJECT_SOURCE_DIR}/scripts/cli_docs.py
            ${PROJECT_SOURCE_DIR}/cmake/install/lawreport.h2m
    COMMENT "Generating the man page lawreport.1 from --help"
    VERBATIM)
  add_custom_target(lawreport_man ALL
    DEPENDS ${PROJECT_BINARY_DIR}/lawreport.1 ${PROJECT_BINARY_DIR}/lawreport.1.gz)
  install(FILES ${PROJECT_BINARY_DIR}/lawreport.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man or python3 not found: the man page is not built")
endif()

# Bash completion, generated from the subcommands' --help so it follows
# every option added (tests/install/test_completion.py checks it).
if(LAWREPORT_BUILD_PYTHON3)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/lawreport.bash-completion
    COMMAND ${LAWREPORT_BUILD_PYTHON3}
            ${PROJECT_SOURCE_DIR}/scripts/cli_docs.py completion
            --binary $<TARGET_FILE:lawreport>
            --output ${PROJECT_BINARY_DIR}/lawreport.bash-completion
    DEPENDS lawreport ${PROJECT_SOURCE_DIR}/scripts/cli_docs.py
    COMMENT "Generating bash completion for lawreport from --help"
    VERBATIM)
  add_custom_target(lawreport_completion ALL
    DEPENDS ${PROJECT_BINARY_DIR}/lawreport.bash-completion)
  install(FILES ${PROJECT_BINARY_DIR}/lawreport.bash-completion
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    RENAME lawreport)
endif()

# cpack -G DEB (./dev package): lawreport_<version>_<arch>.deb with the
# shared libraries' packages found by dpkg-shlibdeps (dpkg-dev), which reads
# every ELF file in the package, the modules included.
set(CPACK_PACKAGE_NAME lawreport)
set(CPACK_PACKAGE_VENDOR "lawreport")
# The Maintainer field ("Name <address>", Debian policy 5.6.2): whoever
# builds the package to hand out sets LAWREPORT_DEB_MAINTAINER, or it comes
# from DEBFULLNAME and DEBEMAIL as Debian's own tools (dch, dh_make) read
# them (DEBEMAIL may hold "Name <address>" itself).
set(LAWREPORT_MAINTAINER_FORM "^[^<>@]+ <[^<>@ ]+@[^<>@ ]+>$")
set(LAWREPORT_DEFAULT_MAINTAINER "$ENV{DEBEMAIL}")
if(NOT "$ENV{DEBFULLNAME}" STREQUAL "" AND
   NOT LAWREPORT_DEFAULT_MAINTAINER MATCHES "<")
  set(LAWREPORT_DEFAULT_MAINTAINER "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>")
endif()
if(NOT LAWREPORT_DEFAULT_MAINTAINER MATCHES "${LAWREPORT_MAINTAINER_FORM}")
  set(LAWREPORT_DEFAULT_MAINTAINER
    "lawreport maintainers <lawreport@example.org>")
endif()
set(LAWREPORT_DEB_MAINTAINER "${LAWREPORT_DEFAULT_MAINTAINER}" CACHE STRING
  "Maintainer field of the .deb: Name <address>")
if(NOT LAWREPORT_DEB_MAINTAINER MATCHES "${LAWREPORT_MAINTAINER_FORM}")
  message(FATAL_ERROR "LAWREPORT_DEB_MAINTAINER must read 'Name <address>', "
    "not '${LAWREPORT_DEB_MAINTAINER}'")
endif()
set(CPACK_PACKAGE_CONTACT "${LAWREPORT_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LAWREPORT_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "turns Chinese government annual reports into data")
# The summary is the synopsis line; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "lawreport reads 法治政府建设年度报告, 政府工作报告 and 政府信息公开工作年度报告
 (text, HTML, DOCX, PDF) and writes their outline, figures (label, exact
 value, unit, qualifier, role and period), checks that the figures agree and
 canonical indicators as JSON, JSON Lines or CSV. Includes the static
 library, headers, CMake package and pkg-config file to build on it.")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Debian ships stripped binaries (debug symbols go to -dbgsym packages).
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
