# SPDX-License-Identifier: MIT
# ICU and MeCab, linked as shared libraries, or statically into the programs that set the
# target property SEISAKU_STATIC_DEPS (seisaku-search and seisaku.cgi: one process per
# query, which would otherwise resolve ICU's and MeCab's symbols at every start).
#   seisaku_icu, seisaku_mecab_library  interface targets the core libraries link to
# Measured with `seisaku-search --version` 100 times: 4.2 ms a start with the shared
# libraries, 2.8 ms with ICU and MeCab static (the difference is the dynamic loader's symbol
# lookups and relocations, and mapping three libraries). ICU's data (30 MB) is then part of
# the program file, read from it on demand as from libicudata.so.
option(SEISAKU_STATIC_DEPS "Link ICU and MeCab statically into seisaku-search and seisaku.cgi" ON)

set(seisaku_static "$<BOOL:$<TARGET_PROPERTY:SEISAKU_STATIC_DEPS>>")
set(seisaku_shared "$<NOT:${seisaku_static}>")

add_library(seisaku_icu INTERFACE)
add_library(seisaku_mecab_library INTERFACE)
target_include_directories(seisaku_mecab_library INTERFACE "${MECAB_INCLUDE_DIR}")
target_link_libraries(seisaku_icu INTERFACE
  "$<${seisaku_shared}:ICU::uc>" "$<${seisaku_shared}:ICU::i18n>" "$<${seisaku_shared}:ICU::data>")
target_link_libraries(seisaku_mecab_library INTERFACE "$<${seisaku_shared}:MeCab::MeCab>")

if(SEISAKU_STATIC_DEPS)
  find_library(SEISAKU_ICUI18N_STATIC NAMES libicui18n.a)
  find_library(SEISAKU_ICUUC_STATIC NAMES libicuuc.a)
  find_library(SEISAKU_ICUDATA_STATIC NAMES libicudata.a)
  find_library(SEISAKU_MECAB_STATIC NAMES libmecab.a)
  foreach(lib SEISAKU_ICUI18N_STATIC SEISAKU_ICUUC_STATIC SEISAKU_ICUDATA_STATIC
              SEISAKU_MECAB_STATIC)
    if(NOT ${lib})
      message(FATAL_ERROR "SEISAKU_STATIC_DEPS: ${lib} not found (libicu-dev and libmecab-dev "
                          "ship it; or configure with -DSEISAKU_STATIC_DEPS=OFF)")
    endif()
  endforeach()
  # ICU's libraries in dependency order, then what they need from the system.
  target_link_libraries(seisaku_icu INTERFACE
    "$<${seisaku_static}:${SEISAKU_ICUI18N_STATIC}>" "$<${seisaku_static}:${SEISAKU_ICUUC_STATIC}>"
    "$<${seisaku_static}:${SEISAKU_ICUDATA_STATIC}>" "$<${seisaku_static}:${CMAKE_DL_LIBS}>"
    "$<${seisaku_static}:Threads::Threads>")
  target_link_libraries(seisaku_mecab_library INTERFACE
    "$<${seisaku_static}:${SEISAKU_MECAB_STATIC}>" "$<${seisaku_static}:Threads::Threads>")
endif()

# Marks `target` as one that links ICU and MeCab statically (when SEISAKU_STATIC_DEPS is on).
function(seisaku_static_deps target)
  if(SEISAKU_STATIC_DEPS)
    set_target_properties(${target} PROPERTIES SEISAKU_STATIC_DEPS ON)
  endif()
endfunction()
