# SPDX-License-Identifier: MIT
# FindMeCab: libmecab-dev ships neither pkg-config nor CMake files, only mecab-config.
# Defines MeCab::MeCab and MeCab_VERSION.
find_path(MECAB_INCLUDE_DIR mecab.h)
find_library(MECAB_LIBRARY mecab)
find_program(MECAB_CONFIG mecab-config)
if(MECAB_CONFIG)
  execute_process(COMMAND "${MECAB_CONFIG}" --version
    OUTPUT_VARIABLE MeCab_VERSION OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MeCab
  REQUIRED_VARS MECAB_LIBRARY MECAB_INCLUDE_DIR
  VERSION_VAR MeCab_VERSION)
if(MeCab_FOUND AND NOT TARGET MeCab::MeCab)
  add_library(MeCab::MeCab UNKNOWN IMPORTED)
  set_target_properties(MeCab::MeCab PROPERTIES
    IMPORTED_LOCATION "${MECAB_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${MECAB_INCLUDE_DIR}")
endif()
mark_as_advanced(MECAB_INCLUDE_DIR MECAB_LIBRARY MECAB_CONFIG)
